package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.report.Report;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.seed.peers.PeerProcess;
import dev.taskbench.seed.peers.PeerStacks;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's CPU round on its own stacks (Node on PM2, Django on gunicorn under CPython and PyPy)
 * at the CPU round's worker counts, round by round after the JVM's flag sets, and the table that
 * sets them side by side in the write round's layout.
 */
final class PeersCpu {
    /** The seed's CPU route on its stacks: its loop as written (they have no JIT-proof variant to pick). */
    static final String PATH = "/api/cpu";
    /** The table's round column. */
    static final String ROUND = "cpu";

    /**
     * One stack at one worker count in one round: its figures, or why it has none.
     *
     * @param seconds the cell from start to stop, NaN where its stack is missing (it cost nothing)
     */
    record Cell(Peer peer, int round, ClosedLoop.Result result, String refused, double seconds) {
        Cell(Peer peer, int round, ClosedLoop.Result result, String refused) {
            this(peer, round, result, refused, Double.NaN);
        }
    }

    /**
     * One row of the table: a JVM flag set or one of the seed's stacks at one worker count.
     *
     * @param stack the stack column
     * @param name the configuration column ({@code c2 platform-3}, {@code node-cluster-3}, …)
     * @param peer the seed's configuration, null for the JVM
     * @param rates requests/s per round, index 0 for round 1, NaN where the round has none
     * @param p99Micros the p99 per round, the same way
     * @param refused why it has no figures, or null
     */
    record Row(String stack, String name, Peer peer, int workers, double[] rates, double[] p99Micros, String refused) {
        boolean jvm() {
            return peer == null;
        }

        Spread spread() {
            return Spread.of(rates);
        }

        double median() {
            Spread s = spread();
            return s == null ? Double.NaN : s.median();
        }
    }

    private PeersCpu() {
    }

    /** The stacks {@code plan}'s configurations name, in the seed's order: Node, CPython, PyPy. */
    static List<Peer.Stack> stacks(PeersRound.Plan plan) {
        return Arrays.stream(Peer.Stack.values()).filter(s -> plan.peers().stream().anyMatch(p -> p.stack() == s))
                .toList();
    }

    /** Round {@code round}: each stack of {@code plan} at each worker count, about {@code seconds} of requests a cell. */
    static List<Cell> run(ConnectionInfo db, PeersRound.Plan plan, PeerStacks installed, SeedSettings o,
            List<Integer> workers, int seconds, int round, PrintStream out) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (Peer.Stack stack : stacks(plan)) {
            Optional<String> missing = installed.missing(stack);
            if (missing.isPresent() && round == 1) {
                out.printf(Locale.ROOT, "  %s: %s%n", stack.label, missing.get());
            }
            for (int w : workers) {
                Peer peer = Peer.cpu(stack, w);
                cells.add(missing.isPresent() ? new Cell(peer, round, null, missing.get())
                        : cell(db, plan, peer, o, seconds, round, out));
            }
        }
        return cells;
    }

    private static Cell cell(ConnectionInfo db, PeersRound.Plan plan, Peer peer, SeedSettings o, int seconds, int round,
            PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Cell c = measure(db, plan, peer, o, seconds, round, out);
        return new Cell(c.peer(), c.round(), c.result(), c.refused(), (System.nanoTime() - t0) / 1e9);
    }

    private static Cell measure(ConnectionInfo db, PeersRound.Plan plan, Peer peer, SeedSettings o, int seconds,
            int round, PrintStream out) throws Exception {
        try (PeerProcess p = PeerProcess.start(peer, plan.project(), db, plan.startWait(), out)) {
            ClosedLoop.Result r;
            try {
                r = CpuRound.timed(p.uri(), PATH, o, seconds);
            } catch (TaskbenchException | IOException e) {
                throw p.failure("failed under load (" + e.getMessage() + ")");
            }
            out.printf(Locale.ROOT, "  %-18s cpu: %,9.1f requests/s, p99 %,8.1f ms (%d requests, each answered with the"
                    + " loop's sum)%n", peer.name(), r.perSecond(), r.percentileMicros(0.99) / 1000, r.operations());
            return new Cell(peer, round, r, null);
        } catch (TaskbenchException e) {
            out.printf(Locale.ROOT, "  %s: %s%n", peer.name(), e.getMessage());
            return new Cell(peer, round, null, e.getMessage());
        }
    }

    /** The JVM's flag sets, then each stack, each at each worker count of {@code workers}. */
    static List<Row> rows(List<CpuRound.Cell> jvm, List<Cell> peers, List<Integer> workers, int rounds) {
        List<Row> rows = new ArrayList<>();
        for (String set : jvm.stream().map(CpuRound.Cell::flagSet).distinct().toList()) {
            for (int w : workers) {
                List<CpuRound.Cell> mine = jvm.stream().filter(c -> c.flagSet().equals(set) && c.workers() == w).toList();
                rows.add(row("taskbench (JVM)", set + " platform-" + w, null, w, rounds, mine.stream().map(c ->
                        new Cell(null, c.round(), c.result(), c.failed())).toList()));
            }
        }
        for (Peer peer : peers.stream().map(Cell::peer).distinct().toList()) {
            rows.add(row(peer.stack().label, peer.name(), peer, Math.max(1, peer.workers()), rounds,
                    peers.stream().filter(c -> c.peer().equals(peer)).toList()));
        }
        return rows;
    }

    private static Row row(String stack, String name, Peer peer, int workers, int rounds, List<Cell> cells) {
        double[] rates = nans(rounds);
        double[] p99 = nans(rounds);
        String why = null;
        for (Cell c : cells) {
            if (c.result() == null) {
                why = why == null ? c.refused() : why;
                continue;
            }
            rates[c.round() - 1] = c.result().perSecond();
            p99[c.round() - 1] = c.result().percentileMicros(0.99);
        }
        boolean none = Arrays.stream(rates).allMatch(Double::isNaN);
        return new Row(stack, name, peer, workers, rates, p99, none ? (why == null ? "not run" : why) : null);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The fastest JVM row at {@code workers} workers, by median requests/s. */
    static Optional<Row> fastestJvm(List<Row> rows, int workers) {
        return rows.stream().filter(r -> r.jvm() && r.workers() == workers && r.refused() == null)
                .max(Comparator.comparingDouble(Row::median));
    }

    /** {@code a}'s requests/s over {@code b}'s, round by round where both have figures; null when no round has both. */
    static Spread ratio(Row a, Row b) {
        return Spread.of(ModelsGrid.ratios(b.rates(), a.rates()));
    }

    /** The CPU round's table as the console prints it: title, table, a line per note. */
    static String render(List<Row> rows, int users) {
        return new StacksTable.Tables.Cpu(title(users), table(rows), notes(rows)).text();
    }

    /** The CPU round's table's title. */
    static String title(int users) {
        return String.format(Locale.ROOT, "The seed's CPU round on its own stacks beside the JVM: counter += 500 in a"
                + " 10000 x 1000 loop instead of the database, %d users, each cell about the same time, every answer the"
                + " loop's sum", users);
    }

    /** The CPU round in the write round's layout: the seed's figure beside each of its stacks, ratios to the JVM. */
    static Report.Table table(List<Row> rows) {
        return new Report.Table(StacksTable.columns("req/s"), rows.stream().map(r -> line(rows, r)).toList(), null);
    }

    /** How to read {@link #table}, a line each. */
    static List<String> notes(List<Row> rows) {
        List<String> notes = new ArrayList<>(StacksTable.refusals(rows.stream().map(Row::name).toList(),
                rows.stream().map(Row::refused).toList()));
        notes.addAll(List.of("the seed's figures are quoted (5000 requests on its machine); this machine's are timed: one"
                + " request per user unmeasured, then about -D" + CpuRound.SECONDS + " seconds of them",
                rows.stream().anyMatch(Row::jvm) ? "vs fastest JVM: requests/s over the fastest JVM flag set's at the"
                + " same worker count, round by round (-Xint stands for CPython, C2 for PyPy)"
                : "vs fastest JVM: no JVM flag set ran (-D" + CpuRound.FLAG_SETS + ")"));
        return notes;
    }

    private static List<Report.Cell> line(List<Row> rows, Row r) {
        String seed = r.jvm() ? "" : SeedFigures.peerCpu(r.name()).map(f -> String.format(Locale.ROOT, "%,.1f/s (%s)",
                f.perSecond(), f.configuration())).orElse("-");
        if (r.refused() != null) {
            return StacksTable.cells(ROUND, r.stack(), r.name(), seed, StacksTable.NOT_MEASURED, "-", "-");
        }
        Spread ratio = fastestJvm(rows, r.workers()).map(b -> ratio(r, b)).orElse(null);
        Spread p99 = Spread.of(r.p99Micros());
        return StacksTable.cells(ROUND, r.stack(), r.name(), seed, r.spread().format("%,.1f"),
                String.format(Locale.ROOT, "%.1f ms", p99.median() / 1000), ratio == null ? "-" : ratio.format("%.2fx"));
    }
}
