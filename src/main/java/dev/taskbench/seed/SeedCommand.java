package dev.taskbench.seed;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.PgbenchCeiling;
import dev.taskbench.config.Command;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.net.NginxFront;
import dev.taskbench.server.Service;
import dev.taskbench.server.TaskServer;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn jmh:seed}: the seed's experiment on the JVM, in one run on one machine, as a
 * sequence of steps over one {@link SeedRun}. With a {@link TaskServer} started in-process:
 * <ol>
 * <li>{@link #warmUp}: an unmeasured warmup ({@link Warmup}) until the JIT is quiet;</li>
 * <li>{@link #ceilingBefore}: the pgbench 10-client ceiling on the same INSERT;</li>
 * <li>{@link #writeRound}: {@code users} x {@code writes/users} form POSTs to {@code /api/tasks}
 * (closed loop, each user on its own kept-alive connection), every row verified by its marker;</li>
 * <li>{@link #ceilingAfter}: pgbench again, so that our writes/s are set against the mean of a
 * ceiling taken right before and right after them;</li>
 * <li>{@link #cpuRound}: the same load against {@code /api/cpu}, the seed's loop as written and
 * the variant the JIT cannot fold;</li>
 * <li>{@link #layers}: where the time goes, each layer of one request timed alone
 * ({@link Layers});</li>
 * </ol>
 * then, with a server of its own per cell, the models round ({@link ModelsGrid}: each threading model at
 * each injected round trip), the seed's own stacks beside them ({@link PeersRound}), the CPU round per
 * JVM flag set ({@link CpuRound}) and on the seed's stacks ({@link PeersCpu}), and {@link #report}:
 * the seed's published tables with this run's
 * figures beside them ({@link SeedReport}). It says its plan and about how long it takes before the
 * first write, and how long it took at the end ({@link SeedClock}). Settings: {@link SeedSettings},
 * {@link ModelsGrid.Plan}, {@link CpuRound.Plan}, {@link PeersRound.Plan}.
 */
public final class SeedCommand {
    /** One step of the run; it reads the run's settings and what earlier steps found. */
    @FunctionalInterface
    interface Step {
        void run(SeedRun run) throws Exception;
    }

    /** The steps that run against the server, in order. */
    static final List<Step> STEPS = List.of(SeedCommand::warmUp, SeedCommand::ceilingBefore, SeedCommand::writeRound,
            SeedCommand::ceilingAfter, SeedCommand::nginxHop, SeedCommand::cpuRound, SeedCommand::layers);

    private SeedCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the seed run", args, System.getenv(), err, s -> run(s, out));
    }

    static int run(Settings s, PrintStream out) throws Exception {
        SeedSettings o = SeedSettings.from(s);
        ModelsGrid.Plan grid = ModelsGrid.Plan.from(s);
        CpuRound.Plan cpu = CpuRound.Plan.from(s);
        PeersRound.Plan peers = PeersRound.Plan.from(s);
        Path results = ProjectPaths.resultsRoot(s);
        LocalDateTime started = LocalDateTime.now();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(SeedPage.tee(out, console), true, StandardCharsets.UTF_8);
        SeedHistory history = peers.on() ? SeedHistory.newest(results, both) : SeedHistory.NONE;
        SeedPage page;
        try (ProvisionedDatabase db = DatabaseProvisioner.standard(s).provision();
             DatabaseLock lock = DatabaseLock.acquire(db.info(), DatabaseLock.waitSetting(s), "seed", both)) {
            page = execute(db.info(), o, grid, cpu, peers, history, both); // it empties task: one run per database
        }
        Path folder = SeedPage.newFolder(results, started);
        both.flush();
        page.write(folder, folder.getFileName().toString(), console.toString(StandardCharsets.UTF_8));
        out.printf(Locale.ROOT, "taskbench seed: report in %s%n", folder.resolve("report.html"));
        return ExitCodes.OK;
    }

    static void execute(ConnectionInfo db, SeedSettings o, PrintStream out) throws Exception {
        execute(db, o, new ModelsGrid.Plan(List.of(), List.of(0), List.of(o.users()), o.writes(), 1),
                new CpuRound.Plan(List.of(), List.of(1), 1, 1), out);
    }

    static void execute(ConnectionInfo db, SeedSettings o, ModelsGrid.Plan grid, CpuRound.Plan cpu, PrintStream out)
            throws Exception {
        execute(db, o, grid, cpu, PeersRound.Plan.NONE, SeedHistory.NONE, out);
    }

    static SeedPage execute(ConnectionInfo db, SeedSettings o, ModelsGrid.Plan grid, CpuRound.Plan cpu,
            PeersRound.Plan peers, SeedHistory history, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        SeedPage page = new SeedPage();
        int peerUsers = grid.users().get(0);
        int peerWrites = peers.writes(peerUsers);
        ConnectionInfo info = WriteConnections.DEFAULTS.apply(db);
        PeersRound.Rounds peerRounds = new PeersRound.Rounds(info, peers, o.client(), peerUsers, peerWrites, out);
        String rounds = SeedHistory.settings(peerUsers, peers, cpu.seconds());
        SeedClock clock = SeedClock.plan(o, grid, cpu, peers, s -> peerRounds.stacks().missing(s).isEmpty(),
                history.matching(rounds));
        out.println(clock.line());
        page.plan(clock.line());
        SeedRun run = provision(info, o, out);
        try (Service server = Service.start(db, o.server())) {
            run.server = server;
            out.printf(Locale.ROOT, "taskbench seed run %s: server %s (%s, %s), client %s, database %s%n", run.id,
                    server.uri(), server instanceof TaskServer ? "Jetty 12" : "Vert.x", o.server().describe(), o.client().name().toLowerCase(Locale.ROOT), db.redactedUrl());
            for (Step step : STEPS) {
                step.run(run);
            }
        }
        if (peers.on()) {
            out.printf(Locale.ROOT, "the seed's own stacks: %s, %d users, cold, a warm-up and warm, each %s, in each of"
                    + " %d round(s) after the JVM models' ...%n", peers.peers().stream().map(p -> p.name()).toList(),
                    peerUsers, peers.phase(peerUsers), grid.rounds());
        }
        List<ModelsGrid.Cell> cells = List.of();
        if (grid.on()) {
            out.printf(Locale.ROOT, "models round: %s x round trips %s ms x %s users, %d writes per cell after as many"
                    + " unmeasured, %d round(s) ...%n", grid.names(), grid.roundTripsMs(), grid.users(), grid.writes(),
                    grid.rounds());
            cells = ModelsGrid.run(run.info, o.server(), o, grid, out, peerRounds::run);
        }
        List<PeersRound.Cell> peerCells = peerRounds.finish(peers.on() ? grid.rounds() : 0);
        List<CpuRound.Cell> cpuCells = new ArrayList<>();
        List<PeersCpu.Cell> peerCpu = new ArrayList<>();
        boolean peersCpu = peers.on() && o.cpu() > 0;
        int cpuRounds = peersCpu ? grid.rounds() : 1;
        for (int r = 1; r <= cpuRounds; r++) {
            if (cpu.on() && o.cpu() > 0) {
                out.printf(Locale.ROOT, "CPU round per server JVM%s: flag sets %s x workers %s, about %d s a cell ...%n",
                        cpuRounds > 1 ? ", round " + r + " of " + cpuRounds : "", cpu.flagSets().stream()
                                .map(f -> f.name()).toList(), cpu.workers(), cpu.seconds());
                cpuCells.addAll(CpuRound.run(run.info, o, cpu, r, out));
            }
            if (peersCpu) {
                out.printf(Locale.ROOT, "CPU round of the seed's stacks %s x workers %s, round %d of %d ...%n",
                        PeersCpu.stacks(peers).stream().map(x -> x.label).toList(), cpu.workers(), r, cpuRounds);
                peerCpu.addAll(PeersCpu.run(run.info, peers, peerRounds.stacks(), o, cpu.workers(), cpu.seconds(), r,
                        out));
            }
        }
        List<PeersCpu.Row> cpuRows = peersCpu ? PeersCpu.rows(cpuCells, peerCpu, cpu.workers(), cpuRounds) : List.of();
        page.cells(rounds, peerCells, peerCpu);
        List<SideBySide.Row> sideBySide = StacksTable.rows(peers, cells, peerCells, peerUsers);
        SeedHere here = peers.on() ? SeedHere.of(sideBySide, cpuRows) : SeedHere.NONE;
        report(run, here).forEach(chunk -> print(out, page, chunk));
        if (grid.on()) {
            print(out, page, ModelsGrid.render(grid, cells, here));
        }
        if (peers.on()) {
            StacksTable.Tables tables = StacksTable.tables(peers, sideBySide, StacksTable.rounds(peerCells), cpuRows,
                    peerUsers, peerWrites);
            out.println();
            out.print(tables.text());
            page.peers(tables);
        }
        if (!cpuCells.isEmpty()) {
            print(out, page, CpuRound.render(o, cpu, cpuCells, here));
        }
        out.println();
        String took = clock.took((System.nanoTime() - t0) / 1e9);
        out.println(took);
        page.took(took);
        return page;
    }

    /** A table after a blank line, on the console and on the page. */
    private static void print(PrintStream out, SeedPage page, String chunk) {
        out.println();
        out.print(chunk);
        page.printed(chunk);
    }

    /**
     * An empty {@code task} table, pgbench if it is on the PATH, the CPU meter if {@code /proc} is there; {@code info}
     * is the database as the writes use it ({@link WriteConnections#DEFAULTS}), the seed's stacks' rounds too.
     */
    static SeedRun provision(ConnectionInfo info, SeedSettings o, PrintStream out) throws Exception {
        try (Connection c = info.connect()) {
            TaskSchema.ensure(c);
            TaskSchema.truncate(c);
        }
        return new SeedRun(o, info, out, PgbenchCeiling.find(),
                CpuMeter.available() ? new CpuMeter(database(info)) : null);
    }

    static void warmUp(SeedRun run) throws Exception {
        if (run.settings.warmup() > 0) {
            run.out.println(Warmup.run(run, "warm-" + run.id, run.settings.warmup()).describe("warmup"));
        }
    }

    /**
     * pgbench right before the write round, on the same (idle) server's machine; it empties the
     * table, so the round, like pgbench, starts on an empty one.
     */
    static void ceilingBefore(SeedRun run) throws Exception {
        run.ceilingBefore = pgbench(run, 0);
        if (run.ceilingBefore != null && run.settings.warmup() > 0) {
            // pgbench's pause and its other queries undo some of C2's bets (pooled connections are
            // revalidated, the main thread's statements reach the driver's shared code): settle that
            // before the clock starts, as a server under steady load would have
            run.out.println(Warmup.run(run, "settle-" + run.id, 1).describe("after pgbench"));
        }
        SeedLoad.emptyTable(run.info, run.server);
    }

    static void writeRound(SeedRun run) throws Exception {
        SeedSettings o = run.settings;
        String marker = "seed-" + run.id;
        run.out.printf(Locale.ROOT, "write round: %d users x %d form POSTs ...%n", o.users(), o.writes() / o.users());
        CpuMeter.Snapshot w0 = run.cpuNow();
        run.writes = SeedLoad.writes(run.server, o, marker, o.writes() / o.users());
        if (run.meter != null) {
            run.writesCpu = CpuMeter.Use.between(w0, run.meter.take(), run.writes.userCpuNanos(),
                    run.writes.operations());
        }
        long found = SeedLoad.rowsMarked(run.info, marker);
        run.out.printf(Locale.ROOT, "  %d x 201, %s rows read back with the run's marker%n", run.writes.operations(),
                found == run.writes.operations() ? "all " + found : "ONLY " + found + " (another session truncated"
                        + " task during the run?)");
        if (found > run.writes.operations()) {
            throw new TaskbenchException("more rows than writes with the run's marker: " + found);
        }
        String wrong = SeedLoad.sampleMismatch(run.info, marker);
        if (wrong != null) {
            throw new TaskbenchException("the write round: " + wrong);
        }
    }

    static void ceilingAfter(SeedRun run) throws Exception {
        run.ceilingAfter = pgbench(run, 1);
        if (run.ceilingAfter != null) {
            run.server.reopenWriter();
        }
    }

    /**
     * The seed's deployment: the write round again straight to the server and then behind nginx
     * (the seed's stacks sat behind one), back to back on the warm server, each row read back.
     */
    static void nginxHop(SeedRun run) throws Exception {
        SeedSettings o = run.settings;
        if (!o.nginx()) {
            return;
        }
        java.util.Optional<java.nio.file.Path> nginx = NginxFront.find();
        if (nginx.isEmpty()) {
            run.nginxNote = NginxFront.MISSING + ": the hop is not measured";
            run.out.println("nginx: " + run.nginxNote);
            return;
        }
        int per = o.writes() / o.users();
        run.out.printf(Locale.ROOT, "nginx hop: %d users x %d form POSTs straight, then as many behind nginx ...%n",
                o.users(), per);
        try (NginxFront front = NginxFront.start(nginx.get(), run.server.uri())) {
            for (int i = 0; i < 2; i++) {
                String marker = (i == 0 ? "direct-" : "nginx-") + run.id;
                java.net.URI target = i == 0 ? run.server.uri() : front.uri();
                run.nginx[i] = SeedLoad.writes(target, o.client(), o.users(), marker, per);
                SeedLoad.requireRowsMarked(run.info, marker, run.nginx[i], i == 0 ? "straight" : "behind nginx");
            }
        }
        SeedLoad.emptyTable(run.info, run.server);
    }

    static void cpuRound(SeedRun run) throws Exception {
        SeedSettings o = run.settings;
        if (o.cpu() > 0) {
            int per = Math.max(1, o.cpu() / o.users());
            run.cpu[0] = SeedLoad.cpu(run.server, o, "/api/cpu", per);
            run.cpu[1] = SeedLoad.cpu(run.server, o, "/api/cpu?loop=opaque", per);
        }
    }

    static void layers(SeedRun run) throws Exception {
        if (run.settings.layers() && run.server instanceof TaskServer jetty) {
            run.layers = Layers.measure(jetty, run.settings);
        } else if (run.settings.layers()) {
            run.out.println("layers: skipped, the eventloop model has no JDBC writer to take apart");
        }
    }

    /** The tables, in the order the steps ran; after the server has stopped. */
    static List<String> report(SeedRun run, SeedHere here) {
        SeedSettings o = run.settings;
        List<String> chunks = new ArrayList<>();
        Double ceiling = run.ceilingBefore == null ? null : (run.ceilingBefore.tps() + run.ceilingAfter.tps()) / 2;
        chunks.add(SeedReport.writes(o, run.writes, ceiling, ceilingNote(run, ceiling), here));
        if (run.writesCpu != null) {
            chunks.add(SeedReport.cpuUse(o, run.writesCpu, run.pgbenchCpu));
        }
        if (run.nginx[1] != null) {
            chunks.add(SeedReport.nginx(o, run.nginx));
        } else if (run.nginxNote != null) {
            chunks.add("nginx: " + run.nginxNote + System.lineSeparator());
        }
        if (run.cpu[0] != null) {
            chunks.add(SeedReport.cpu(o, run.cpu, here));
        }
        if (run.layers != null) {
            chunks.add(run.layers.render(run.writes, o.server()));
        }
        return chunks;
    }

    /** What the ceiling was, or why there is none. */
    private static String ceilingNote(SeedRun run, Double mean) {
        if (run.settings.ceilingSeconds() <= 0) {
            return "pgbench skipped (-D" + SeedSettings.CEILING_SECONDS + "=0)";
        }
        if (mean == null) {
            return "pgbench is not on the PATH: no ceiling";
        }
        return String.format(Locale.ROOT, "pgbench -M prepared -c 10, %d s right before and right after"
                + " the write round, same INSERT (less our RETURNING id): %,.0f and %,.0f tx/s, mean %,.0f (%d and %d"
                + " rows verified)", run.settings.ceilingSeconds(), run.ceilingBefore.tps(), run.ceilingAfter.tps(),
                mean, run.ceilingBefore.transactions(), run.ceilingAfter.transactions());
    }

    /** pgbench's 10-client ceiling and its CPU use, or null when skipped or missing; leaves the table empty. */
    private static PgbenchCeiling.Result pgbench(SeedRun run, int i) throws Exception {
        if (run.settings.ceilingSeconds() <= 0 || run.pgbench.isEmpty()) {
            return null;
        }
        CpuMeter.Snapshot c0 = run.cpuNow();
        PgbenchCeiling.Result r = PgbenchCeiling.measure(run.pgbench.get(), run.info, 10, run.settings.ceilingSeconds());
        if (run.meter != null) {
            run.pgbenchCpu[i] = CpuMeter.Use.between(c0, run.meter.take(), 0, r.transactions());
        }
        return r;
    }

    /** The database name in a {@code jdbc:postgresql://host:port/name?...} URL. */
    static String database(ConnectionInfo info) {
        String url = info.url();
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        return head.substring(head.lastIndexOf('/') + 1);
    }
}
