package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.net.NginxFront;
import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import dev.taskbench.report.SpanChart;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.seed.peers.PeerProcess;
import dev.taskbench.seed.peers.PeerStacks;
import dev.taskbench.seed.peers.PeerTable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's own stacks, live, beside the JVM models of the same run: each configuration of
 * {@code -Dtaskbench.seed.peers} started ({@link PeerProcess}), its write round under the suite's
 * closed-loop load cold (the first writes after start, as the seed measured) and warm (after an
 * unmeasured warm-up), every phase's rows read back from the stack's own table. Each phase is the
 * first {@code writes} or the first {@code phaseLimit}, whichever comes first: a stack too slow to
 * reach the count in that time is timed, not counted, and its rows say so. A stack not installed,
 * a start that fails, an answer other than 201, or fewer rows than 201s is one line, never a figure.
 */
final class PeersRound {
    static final String PEERS = SettingsCatalogue.SEED_PEERS.key();
    static final String START_SECONDS = SettingsCatalogue.SEED_PEER_START_SECONDS.key();
    static final String WRITES = SettingsCatalogue.SEED_PEER_WRITES.key();
    static final String SECONDS = SettingsCatalogue.SEED_PEER_SECONDS.key();
    /** What a timed figure carries in the table, explained in one line under it. */
    static final String TIMED = "timed";

    /**
     * @param peers the configurations to run, in the order given; empty skips the round
     * @param project the project folder, holding {@code peers/}
     * @param startWait how long a configuration may take to answer its first request
     * @param writes form POSTs in each phase (cold, warm-up, warm), shared among the users
     * @param phaseLimit the most a phase lasts, zero for none: a phase stopped by it is timed, not counted
     */
    record Plan(List<Peer> peers, Path project, Duration startWait, int writes, Duration phaseLimit) {
        static final Plan NONE = new Plan(List.of(), Path.of("."), Duration.ofSeconds(60));

        Plan {
            if (writes < 1 || phaseLimit.isNegative()) {
                throw new TaskbenchException("the seed's stacks need writes from 1 and a phase limit from 0, not "
                        + writes + " and " + phaseLimit);
            }
        }

        /** Counted phases only, of {@code 10,000} writes: what a test that sets its own writes builds. */
        Plan(List<Peer> peers, Path project, Duration startWait) {
            this(peers, project, startWait, 10_000, Duration.ZERO);
        }

        static Plan from(Settings s) {
            return new Plan(Peer.parse(s.string(PEERS, null, "none")), ProjectPaths.projectDir(s),
                    Duration.ofSeconds(s.integer(START_SECONDS, null, 60, 1, 3600)),
                    s.integer(WRITES, null, ModelsGrid.Plan.writes(s), 1, Integer.MAX_VALUE),
                    Duration.ofSeconds(s.integer(SECONDS, null, 10, 1, 3600)));
        }

        /** The writes of a phase for {@code users} users: {@link #writes} rounded down to a multiple, at least one each. */
        int writes(int users) {
            return Math.max(1, writes / users) * users;
        }

        /** How a phase of {@code users} users ends ({@link PeersRound#phase}). */
        String phase(int users) {
            return PeersRound.phase(writes(users), phaseLimit);
        }

        boolean on() {
            return !peers.isEmpty();
        }
    }

    /**
     * One configuration's round, or why it has none (then both results are null).
     *
     * @param seconds the round from start to stop, NaN where its stack is missing (it cost nothing)
     */
    record Cell(Peer peer, int round, ClosedLoop.Result cold, ClosedLoop.Result warm, String refused, double seconds) {
        Cell(Peer peer, int round, ClosedLoop.Result cold, ClosedLoop.Result warm, String refused) {
            this(peer, round, cold, warm, refused, Double.NaN);
        }
    }

    /**
     * The configurations' rounds as a run interleaves them with the JVM models: {@link #run(int)}
     * runs every configuration once, tagged with the round; each is asked once whether its stack is here.
     */
    static final class Rounds {
        private final ConnectionInfo db;
        private final Plan plan;
        private final Poster.Kind client;
        private final int users;
        private final int writes;
        private final PrintStream out;
        private final PeerStacks stacks;
        private final List<Cell> cells = new ArrayList<>();
        private int done;

        Rounds(ConnectionInfo db, Plan plan, Poster.Kind client, int users, int writes, PrintStream out) {
            this.db = db;
            this.plan = plan;
            this.client = client;
            this.users = users;
            this.writes = writes;
            this.out = out;
            this.stacks = new PeerStacks(plan.project());
        }

        /** Round {@code round} of every configuration, unless it ran already. */
        void run(int round) throws Exception {
            if (round <= done || !plan.on()) {
                return;
            }
            out.printf(Locale.ROOT, "  the seed's stacks, round %d%n", round);
            for (Peer peer : plan.peers()) {
                Optional<String> missing = stacks.missing(peer.stack());
                Cell c = missing.isPresent() ? new Cell(peer, round, null, null, missing.get())
                        : cell(db, plan, peer, round, client, users, Math.max(1, writes / users), out);
                if (c.refused() != null && (missing.isEmpty() || round == 1)) {
                    out.printf(Locale.ROOT, "  %s: %s%n", peer.name(), c.refused());
                }
                cells.add(c);
            }
            done = round;
        }

        /** Which stacks are installed, each asked once for the whole run. */
        PeerStacks stacks() {
            return stacks;
        }

        /** Runs the rounds up to {@code rounds} that have not run (when no JVM model round interleaved them). */
        List<Cell> finish(int rounds) throws Exception {
            for (int r = done + 1; r <= rounds; r++) {
                run(r);
            }
            return List.copyOf(cells);
        }
    }

    private PeersRound() {
    }

    /** One round of every configuration of {@code plan}, one after another, {@code users} x {@code writes / users} each. */
    static List<Cell> run(ConnectionInfo db, Plan plan, Poster.Kind client, int users, int writes, PrintStream out)
            throws Exception {
        return new Rounds(db, plan, client, users, writes, out).finish(1);
    }

    private static Cell cell(ConnectionInfo db, Plan plan, Peer peer, int round, Poster.Kind client, int users,
            int perUser, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Cell c = measure(db, plan, peer, round, client, users, perUser, out);
        return new Cell(c.peer(), c.round(), c.cold(), c.warm(), c.refused(), (System.nanoTime() - t0) / 1e9);
    }

    private static Cell measure(ConnectionInfo db, Plan plan, Peer peer, int round, Poster.Kind client, int users,
            int perUser, PrintStream out) throws Exception {
        ConnectionInfo table = PeerTable.emptied(db, peer.stack());
        String id = peer.name() + "-" + System.nanoTime();
        try (PeerProcess p = PeerProcess.start(peer, plan.project(), db, plan.startWait(), out);
             NginxFront front = peer.nginx() ? NginxFront.start(nginx(), p.uri()) : null) {
            URI target = front == null ? p.uri() : front.uri();
            Duration limit = plan.phaseLimit();
            ClosedLoop.Result cold = round(p, target, table, client, users, "cold-" + id, perUser, limit);
            ClosedLoop.Result warmup = round(p, target, table, client, users, "warmup-" + id, perUser, limit);
            ClosedLoop.Result warm = round(p, target, table, client, users, "warm-" + id, perUser, limit);
            out.printf(Locale.ROOT, "  %s: cold %s, warm %s, p99 %.1f ms (%d rows read back)%n", peer.name(),
                    said(cold, limit), said(warm, limit), warm.percentileMicros(0.99) / 1000,
                    cold.operations() + warmup.operations() + warm.operations());
            return new Cell(peer, round, cold, warm, null);
        } catch (TaskbenchException e) {
            return new Cell(peer, round, null, null, e.getMessage());
        }
    }

    /** How a phase ends, for the plan and the table: {@code the first 10,000 form POSTs or the first 10 s, whichever came first}. */
    static String phase(int writes, Duration limit) {
        return String.format(Locale.ROOT, "the first %,d form POSTs", writes) + (limit.isZero() ? ""
                : String.format(Locale.ROOT, " or the first %d s, whichever came first", limit.toSeconds()));
    }

    /** A phase's writes/s, and where the clock stopped it, the count it reached: {@code 98 writes/s (timed: 982 in 10 s)}. */
    static String said(ClosedLoop.Result r, Duration limit) {
        return String.format(Locale.ROOT, "%,.0f writes/s", r.perSecond()) + (r.timed() ? String.format(Locale.ROOT,
                " (" + TIMED + ": %,d in %d s)", r.operations(), limit.toSeconds()) : "");
    }

    /** Debian's nginx for a {@link Peer#NGINX} configuration; without it, the configuration's one line. */
    private static Path nginx() {
        return NginxFront.find().orElseThrow(() -> new TaskbenchException(NginxFront.MISSING));
    }

    /**
     * One write round against the peer (straight, or through nginx at {@code target}), its rows
     * then read back: a write not answered 201, fewer rows than 201s, or a sampled row that holds
     * what was not posted is the peer's one-line failure with its log's last lines.
     */
    private static ClosedLoop.Result round(PeerProcess p, URI target, ConnectionInfo table, Poster.Kind client,
            int users, String marker, int perUser, Duration limit) throws Exception {
        ClosedLoop.Result r;
        try {
            r = SeedLoad.writes(target, client, users, marker, perUser, limit);
        } catch (TaskbenchException | IOException e) {
            throw p.failure("failed under load (" + e.getMessage() + ")");
        }
        long found = SeedLoad.rowsMarked(table, marker);
        if (found != r.operations()) {
            throw p.failure("answered 201 for " + r.operations() + " writes but " + found
                    + " rows carry their marker: not counted");
        }
        String wrong = SeedLoad.sampleMismatch(table, marker);
        if (wrong != null) {
            throw p.failure("wrote what was not posted (" + wrong + "): not counted");
        }
        return r;
    }

    /**
     * The table in the seed's layout: per round (cold, then warm), the JVM models of the same run
     * (loopback, {@code users} users) and each configuration of the seed's stacks, with the seed's
     * figure (its machine) beside this machine's writes/s, median [lowest, highest] over the
     * rounds, the p99, and the ratio to the fastest JVM model round by round; then the fastest JVM
     * model over the fastest Node and the best Django configuration, and the findings.
     */
    static String render(Plan plan, List<ModelsGrid.Cell> models, List<Cell> cells, int users, int writes) {
        return render(plan, models, cells, List.of(), users, writes);
    }

    /** The same, then the CPU round's table ({@link PeersCpu}) where {@code cpu} has rows, then the findings. */
    static String render(Plan plan, List<ModelsGrid.Cell> models, List<Cell> cells, List<PeersCpu.Row> cpu, int users,
            int writes) {
        return tables(plan, models, cells, cpu, users, writes).text();
    }

    /**
     * What {@link #render} prints, as the report model holds it: the console renders it, and the seed
     * run's page ({@link SeedPage}) sets the same tables and lines out as a page.
     *
     * @param title the write table's title
     * @param writes the write round's table in the seed's layout
     * @param notes how to read it, a line each
     * @param ratios the fastest JVM model over the fastest Node and Django configurations, per phase
     * @param cpu the CPU round of the seed's stacks, empty when it did not run
     * @param findings the seed's conclusions checked on this run, a line each
     * @param chart the writes/s of every row with figures, for a page
     */
    record Tables(String title, Report.Table writes, List<String> notes, List<String> ratios, Optional<Cpu> cpu,
            List<String> findings, Optional<Report.Chart> chart) {
        record Cpu(String title, Report.Table table, List<String> notes) {
        }

        String text() {
            StringBuilder sb = new StringBuilder(title).append('\n');
            sb.append(ReportFormat.TEXT.render(new Report(null, null, List.of(writes))));
            notes.forEach(n -> sb.append("  ").append(n).append('\n'));
            ratios.forEach(n -> sb.append("  ").append(n).append('\n'));
            cpu.ifPresent(c -> {
                sb.append('\n').append(c.title()).append('\n');
                sb.append(ReportFormat.TEXT.render(new Report(null, null, List.of(c.table()))));
                c.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
            });
            sb.append('\n').append(PeerFindings.TITLE).append('\n');
            findings.forEach(n -> sb.append("  ").append(n).append('\n'));
            return sb.toString();
        }
    }

    /** What a row without figures says in the figure's column; why is a line under the table. */
    static final String NOT_MEASURED = "not measured";

    /** The columns of the seed's layout: round, stack, configuration, the seed's figure, ours, p99, ratio. */
    static List<Report.Column> columns(String rate) {
        return List.of(Report.Column.left("round"), Report.Column.left("stack"), Report.Column.left("configuration"),
                Report.Column.left("the seed's (4-core laptop)"), Report.Column.right(rate + " median [low, high]"),
                Report.Column.right("p99"), Report.Column.right("vs fastest JVM"));
    }

    /** A line per configuration without figures, once whatever its phases: {@code name: not measured: why}. */
    static List<String> refusals(List<String> names, List<String> reasons) {
        java.util.Map<String, String> once = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (reasons.get(i) != null) {
                once.putIfAbsent(names.get(i), reasons.get(i));
            }
        }
        return once.entrySet().stream().map(e -> e.getKey() + ": " + NOT_MEASURED + ": " + e.getValue()).toList();
    }

    /** The JVM models' loopback rows with {@code users} users and the seed's stacks', each phase, each round. */
    static List<SideBySide.Row> rows(Plan plan, List<ModelsGrid.Cell> models, List<Cell> cells, int users) {
        int rounds = rounds(cells);
        List<SideBySide.Row> rows = new ArrayList<>(SideBySide.models(models, users, rounds));
        rows.addAll(SideBySide.peers(cells, order(plan, cells), rounds));
        return rows;
    }

    private static int rounds(List<Cell> cells) {
        return Math.max(1, cells.stream().mapToInt(Cell::round).max().orElse(1));
    }

    static Tables tables(Plan plan, List<ModelsGrid.Cell> models, List<Cell> cells, List<PeersCpu.Row> cpu, int users,
            int writes) {
        int rounds = rounds(cells);
        List<SideBySide.Row> rows = rows(plan, models, cells, users);
        String title = String.format(Locale.ROOT, "The seed's own stacks beside the JVM: %d users; each phase %s: cold"
                + " (after start, as the seed measured), a warm-up, warm; %d round(s) interleaved with the JVM models, every"
                + " row read back", users, phase(writes, plan.phaseLimit()), rounds);
        List<List<Report.Cell>> lines = new ArrayList<>();
        for (SideBySide.Phase phase : SideBySide.Phase.values()) {
            Optional<SideBySide.Row> best = SideBySide.fastest(rows, phase, SideBySide.Row::jvm);
            for (SideBySide.Row r : rows.stream().filter(r -> r.phase() == phase).toList()) {
                lines.add(line(r, best));
            }
        }
        List<String> notes = new ArrayList<>(refusals(rows.stream().map(SideBySide.Row::name).toList(),
                rows.stream().map(SideBySide.Row::refused).toList()));
        if (rows.stream().anyMatch(SideBySide.Row::timed)) {
            notes.add(String.format(Locale.ROOT, "%s: the stack had not written %,d rows when -D%s=%d ran out, so its"
                    + " figure is over the writes of those seconds (the count each phase reached is printed as it ran), not"
                    + " over a count of %,d; every row read back", TIMED, writes, SECONDS, plan.phaseLimit().toSeconds(),
                    writes));
        }
        notes.add("the seed's figures are quoted (Docker, nginx in front, its Python client; the first 10,000 writes"
                + " after start: beside the cold rows); this machine's are measured with the suite's closed-loop client;"
                + " client, stacks and PostgreSQL share this machine's cores");
        notes.add(rows.stream().anyMatch(SideBySide.Row::jvm) ? "vs fastest JVM: writes/s over the fastest JVM model's of"
                + " the same phase, round by round" : "vs fastest JVM: no JVM model ran at loopback with these users (-D"
                + ModelsGrid.MODELS + ")");
        List<String> ratios = new ArrayList<>();
        for (SideBySide.Phase phase : SideBySide.Phase.values()) {
            sideBySide(rows, phase, "Node", SideBySide.stack(Peer.Stack.node)).ifPresent(ratios::add);
            sideBySide(rows, phase, "Django", SideBySide.stack(Peer.Stack.django, Peer.Stack.pypy)).ifPresent(ratios::add);
        }
        Optional<Tables.Cpu> cpuTable = cpu.isEmpty() ? Optional.empty()
                : Optional.of(new Tables.Cpu(PeersCpu.title(users), PeersCpu.table(cpu), PeersCpu.notes(cpu)));
        return new Tables(title, new Report.Table(columns("writes/s"), lines, null), notes, ratios, cpuTable,
                PeerFindings.lines(rows, cpu), chart(rows, rounds));
    }

    /** Each row's writes/s, cold and warm, median with its lowest and highest round; none without figures. */
    private static Optional<Report.Chart> chart(List<SideBySide.Row> rows, int rounds) {
        List<SpanChart.Span> spans = rows.stream().filter(r -> r.refused() == null).map(r -> new SpanChart.Span(
                r.jvm() ? r.name() + " (JVM)" : r.name(), r.phase().name(), r.median(), r.spread().low(),
                r.spread().high())).toList();
        return spans.isEmpty() ? Optional.empty() : Optional.of(SpanChart.of("Writes/s, cold and warm",
                "writes/s (log scale beyond 10x)", spans, rounds == 1 ? "each configuration's writes/s in its one round"
                        : "each configuration's median writes/s over " + rounds + " rounds, the whisker from its lowest"
                        + " round to its highest", "seed-writes"));
    }

    /** The configurations in the plan's order, or the cells' where the plan has none (a test's table). */
    private static List<Peer> order(Plan plan, List<Cell> cells) {
        return plan.on() ? plan.peers() : cells.stream().map(Cell::peer).distinct().toList();
    }

    private static List<Report.Cell> line(SideBySide.Row r, Optional<SideBySide.Row> best) {
        String stack = r.jvm() ? "taskbench (JVM)" : r.peer().stack().label;
        String seed = r.phase() != SideBySide.Phase.cold ? "" : r.jvm()
                ? seedFigure(SeedFigures.grid(r.name().toLowerCase(Locale.ROOT)))
                : seedFigure(SeedFigures.peer(r.peer().seedName()));
        if (r.refused() != null) {
            return cells(r.phase().name(), stack, r.name(), seed, NOT_MEASURED, "-", "-");
        }
        Spread ratio = best.map(b -> SideBySide.ratio(r, b)).orElse(null);
        return cells(r.phase().name(), stack, r.name(), seed, r.spread().format("%,.0f") + (r.timed() ? " " + TIMED : ""),
                String.format(Locale.ROOT, "%.1f ms", r.p99().median() / 1000), ratio == null ? "-" : ratio.format("%.2fx"));
    }

    static List<Report.Cell> cells(String... text) {
        return java.util.Arrays.stream(text).map(Report.Cell::of).toList();
    }

    /** The fastest JVM model over the fastest configuration of {@code which}, round by round, or nothing. */
    private static Optional<String> sideBySide(List<SideBySide.Row> rows, SideBySide.Phase phase, String what,
            java.util.function.Predicate<SideBySide.Row> which) {
        Optional<SideBySide.Row> jvm = SideBySide.fastest(rows, phase, SideBySide.Row::jvm);
        Optional<SideBySide.Row> peer = SideBySide.fastest(rows, phase, which);
        if (jvm.isEmpty() || peer.isEmpty()) {
            return Optional.empty();
        }
        Spread r = SideBySide.ratio(jvm.get(), peer.get());
        return r == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%s: the fastest JVM model (%s) over"
                + " the fastest %s configuration (%s): %s over %d round(s)", phase, jvm.get().name(), what,
                peer.get().name(), r.format("%.2fx"), r.rounds()));
    }

    /** The seed's figure (its writes/s and its configuration's words), or "-" where it published none. */
    private static String seedFigure(Optional<SeedFigures.Figure> f) {
        return f.map(x -> String.format(Locale.ROOT, "%,.0f/s (%s, %s)", x.perSecond(), x.stack().equals(SeedFigures.NODE)
                ? "Node" : x.stack().equals(SeedFigures.PYPY) ? "PyPy" : "Django", x.configuration())).orElse("-");
    }
}
