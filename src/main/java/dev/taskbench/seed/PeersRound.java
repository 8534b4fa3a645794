package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.seed.peers.PeerProcess;
import dev.taskbench.seed.peers.PeerStacks;
import dev.taskbench.seed.peers.PeerTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's own stacks, live, beside the JVM models of the same run: each configuration of
 * {@code -Dtaskbench.seed.peers} started ({@link PeerProcess}), its write round under the suite's
 * closed-loop load cold (the first writes after start, as the seed measured) and warm (after as
 * many unmeasured), every round's rows read back from the stack's own table. A stack not installed,
 * a start that fails, an answer other than 201, or fewer rows than 201s is one line, never a figure.
 */
final class PeersRound {
    static final String PEERS = SettingsCatalogue.SEED_PEERS.key();
    static final String START_SECONDS = SettingsCatalogue.SEED_PEER_START_SECONDS.key();

    /**
     * @param peers the configurations to run, in the order given; empty skips the round
     * @param project the project folder, holding {@code peers/}
     * @param startWait how long a configuration may take to answer its first request
     */
    record Plan(List<Peer> peers, Path project, Duration startWait) {
        static final Plan NONE = new Plan(List.of(), Path.of("."), Duration.ofSeconds(60));

        static Plan from(Settings s) {
            return new Plan(Peer.parse(s.string(PEERS, null, "none")), ProjectPaths.projectDir(s),
                    Duration.ofSeconds(s.integer(START_SECONDS, null, 60, 1, 3600)));
        }

        boolean on() {
            return !peers.isEmpty();
        }
    }

    /** One configuration's rounds, or why it has none (then both results are null). */
    record Cell(Peer peer, ClosedLoop.Result cold, ClosedLoop.Result warm, String refused) {
    }

    private PeersRound() {
    }

    /** Every configuration of {@code plan}, one after another, {@code users} x {@code writes / users} a round. */
    static List<Cell> run(ConnectionInfo db, Plan plan, Poster.Kind client, int users, int writes, PrintStream out)
            throws Exception {
        PeerStacks stacks = new PeerStacks(plan.project());
        List<Cell> cells = new ArrayList<>();
        for (Peer peer : plan.peers()) {
            Optional<String> missing = stacks.missing(peer.stack());
            Cell c = missing.isPresent() ? new Cell(peer, null, null, missing.get())
                    : cell(db, plan, peer, client, users, Math.max(1, writes / users), out);
            if (c.refused() != null) {
                out.printf(Locale.ROOT, "  %s: %s%n", peer.name(), c.refused());
            }
            cells.add(c);
        }
        return cells;
    }

    private static Cell cell(ConnectionInfo db, Plan plan, Peer peer, Poster.Kind client, int users, int perUser,
            PrintStream out) throws Exception {
        ConnectionInfo table = PeerTable.emptied(db, peer.stack());
        String id = peer.name() + "-" + System.nanoTime();
        try (PeerProcess p = PeerProcess.start(peer, plan.project(), db, plan.startWait(), out)) {
            ClosedLoop.Result cold = round(p, table, client, users, "cold-" + id, perUser);
            round(p, table, client, users, "warmup-" + id, perUser);
            ClosedLoop.Result warm = round(p, table, client, users, "warm-" + id, perUser);
            out.printf(Locale.ROOT, "  %s: cold %,.0f writes/s, warm %,.0f writes/s, p99 %.1f ms (%d rows read back)%n",
                    peer.name(), cold.perSecond(), warm.perSecond(), warm.percentileMicros(0.99) / 1000,
                    cold.operations() * 3);
            return new Cell(peer, cold, warm, null);
        } catch (TaskbenchException e) {
            return new Cell(peer, null, null, e.getMessage());
        }
    }

    /**
     * One write round against the peer, its rows then read back: a write not answered 201, or fewer
     * rows than 201s, is the peer's one-line failure with its log's last lines.
     */
    private static ClosedLoop.Result round(PeerProcess p, ConnectionInfo table, Poster.Kind client, int users,
            String marker, int perUser) throws Exception {
        ClosedLoop.Result r;
        try {
            r = SeedLoad.writes(p.uri(), client, users, marker, perUser);
        } catch (TaskbenchException | IOException e) {
            throw p.failure("failed under load (" + e.getMessage() + ")");
        }
        long found = SeedLoad.rowsMarked(table, marker);
        if (found != r.operations()) {
            throw p.failure("answered 201 for " + r.operations() + " writes but " + found
                    + " rows carry their marker: not counted");
        }
        return r;
    }

    /**
     * The table: the JVM models of the same run (loopback, {@code users} users, from the models round)
     * and each configuration of the seed's stacks, with the seed's own figure (its machine) beside this
     * machine's cold and warm writes/s, the warm p99, and the warm writes/s over the fastest JVM model's.
     */
    static String render(Plan plan, List<ModelsGrid.Cell> models, List<Cell> cells, int users, int writes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The seed's own stacks beside the JVM: %d users, %,d form POSTs a round,"
                + " cold (the first after start) and warm (after as many), every row read back%n", users, writes));
        String head = "%-32s %-20s %-40s %9s %9s %9s %7s%n";
        sb.append(String.format(Locale.ROOT, head, "configuration", "stack", "the seed's (4-core laptop)", "cold w/s",
                "warm w/s", "warm p99", "vs JVM"));
        Optional<Double> best = bestModel(models, users);
        for (ModelsGrid.Cell m : loopback(models, users)) {
            sb.append(String.format(Locale.ROOT, head, m.model(), "taskbench (JVM)", seedFigure(SeedFigures.grid(m.model().toLowerCase(Locale.ROOT))), "-",
                    rate(m.result()), p99(m.result()), ratio(m.result(), best)));
        }
        for (Cell c : cells) {
            if (c.refused() != null) {
                sb.append(String.format(Locale.ROOT, "%-32s %-20s %s%n", c.peer().name(), c.peer().stack().label,
                        c.refused()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, head, c.peer().name(), c.peer().stack().label, seedFigure(SeedFigures.peer(c.peer().name())), rate(c.cold()), rate(c.warm()),
                    p99(c.warm()), ratio(c.warm(), best)));
        }
        sb.append("  the seed's figures are quoted (Docker, nginx in front, its Python client); this machine's are"
                + " measured with the suite's closed-loop client; client, stack and PostgreSQL share this machine's cores\n");
        sb.append(best.isPresent() ? "  vs JVM: warm writes/s over the fastest JVM model's of this run\n"
                : "  vs JVM: no JVM model ran at loopback with these users (-D" + ModelsGrid.MODELS + ")\n");
        return sb.toString();
    }

    /** The models round's loopback cells with {@code users} users, the median of their rounds as one cell each. */
    private static List<ModelsGrid.Cell> loopback(List<ModelsGrid.Cell> models, int users) {
        List<ModelsGrid.Cell> out = new ArrayList<>();
        for (ModelsGrid.Cell c : models) {
            boolean first = out.stream().noneMatch(o -> o.model().equals(c.model()));
            if (c.roundTripMs() == 0 && c.users() == users && c.result() != null && first) {
                out.add(median(models, c));
            }
        }
        return out;
    }

    /** The round of {@code c}'s model whose writes/s is the median of its rounds. */
    private static ModelsGrid.Cell median(List<ModelsGrid.Cell> models, ModelsGrid.Cell c) {
        List<ModelsGrid.Cell> rounds = models.stream().filter(o -> o.model().equals(c.model())
                && o.roundTripMs() == 0 && o.users() == c.users() && o.result() != null)
                .sorted(Comparator.comparingDouble(o -> o.result().perSecond())).toList();
        return rounds.get(rounds.size() / 2);
    }

    private static Optional<Double> bestModel(List<ModelsGrid.Cell> models, int users) {
        return loopback(models, users).stream().map(c -> c.result().perSecond()).max(Double::compare);
    }

    /** The seed's figure (its writes/s and its configuration's words), or "-" where it published none. */
    private static String seedFigure(Optional<SeedFigures.Figure> f) {
        return f.map(x -> String.format(Locale.ROOT, "%,.0f/s (%s, %s)", x.perSecond(), x.stack().equals(SeedFigures.NODE)
                ? "Node" : x.stack().equals(SeedFigures.PYPY) ? "PyPy" : "Django", x.configuration())).orElse("-");
    }

    private static String rate(ClosedLoop.Result r) {
        return String.format(Locale.ROOT, "%,.0f", r.perSecond());
    }

    private static String p99(ClosedLoop.Result r) {
        return String.format(Locale.ROOT, "%.1f ms", r.percentileMicros(0.99) / 1000);
    }

    private static String ratio(ClosedLoop.Result r, Optional<Double> best) {
        return best.map(b -> String.format(Locale.ROOT, "%.2fx", r.perSecond() / b)).orElse("-");
    }
}
