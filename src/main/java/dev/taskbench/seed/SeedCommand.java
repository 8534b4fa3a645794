package dev.taskbench.seed;

import dev.taskbench.server.ClosedLoop;
import dev.taskbench.server.Poster;
import dev.taskbench.server.Posters;
import dev.taskbench.server.TaskServer;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.config.Settings;
import dev.taskbench.form.FormParser;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.runner.SuiteRunner;
import dev.taskbench.ceiling.PgbenchCeiling;
import dev.taskbench.write.Task;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.TaskWriter;
import dev.taskbench.write.WriteConnections;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code mvn jmh:seed}: the seed's experiment on the JVM, in one run on one machine. Starts a
 * {@link TaskServer} in-process, then:
 * <ol>
 * <li>the write round: {@code users} x {@code writes/users} form POSTs to {@code /api/tasks}
 * (closed loop, each user on its own kept-alive connection), after an unmeasured warmup
 * ({@link Warmup}); wall time and writes/s beside the seed's published table, every row
 * verified by its marker; the pgbench 10-client ceiling on the same INSERT runs right before
 * and right after it, and our writes/s are set against their mean;</li>
 * <li>the CPU round: the same load against {@code /api/cpu}, the seed's loop as written and the
 * variant the JIT cannot fold;</li>
 * <li>where the time goes: each layer of one request timed alone, in-process, one at a time
 * (the HTTP round trip with an empty handler, the form parse, the pool checkout, the insert
 * and commit) against the end-to-end request, and the remainder nobody explains.</li>
 * </ol>
 * Settings: {@code -Dtaskbench.seed.writes=10000} (1000000 for the seed's "1 million writes
 * challenge"), {@code .users=10}, {@code .warmup=20000} (at least that many writes, in rounds
 * until the JIT is quiet; 0: a cold server), {@code .warmupSeconds=60} (the most the warmup
 * goes on for a quiet JIT), {@code .cpu=1000}
 * requests per CPU variant (5000 is the seed's; 0 skips), {@code .client=raw|jdk},
 * {@code .layers=true}, {@code -Dtaskbench.ceiling.seconds=5} (0 skips pgbench), and the
 * server's own {@code -Dtaskbench.server.path|source|pool}.
 */
public final class SeedCommand {
    private static final String PREFIX = "taskbench.seed.";
    static final String DESCRIPTION_PARAM = "&description=Two+litres+of+organic+semi-skimmed+milk"
            + "%2C+a+dozen+free-range+eggs+%26+50%25+off+bread";

    private SeedCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        try {
            SuiteRunner.applySettings(args);
            Settings s = Settings.fromSystem();
            Options o = Options.from(s);
            ProvisionedDatabase db = DatabaseProvisioner.standard(s).provision();
            try {
                execute(db.info(), TaskServer.Config.from(s, 0), o, out);
            } finally {
                db.close();
            }
            return 0;
        } catch (TaskbenchException e) {
            System.err.println("taskbench: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("taskbench: the seed run failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("taskbench.debug")) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    record Options(int writes, int users, int warmup, int warmupSeconds, int cpu, Poster.Kind client, boolean layers,
            int ceilingSeconds) {
        static Options from(Settings s) {
            try {
                int users = Integer.parseInt(get(s, "users", "10"));
                int writes = Integer.parseInt(get(s, "writes", "10000"));
                if (users < 1 || writes < users || writes % users != 0) {
                    throw new TaskbenchException("-D" + PREFIX + "writes must be a positive multiple of -D" + PREFIX
                            + "users (" + writes + " / " + users + ")");
                }
                return new Options(writes, users, Integer.parseInt(get(s, "warmup", "20000")),
                        Integer.parseInt(get(s, "warmupSeconds", "60")),
                        Integer.parseInt(get(s, "cpu", "1000")), Poster.Kind.parse(get(s, "client", "raw")),
                        Boolean.parseBoolean(get(s, "layers", "true")),
                        Integer.parseInt(s.get("taskbench.ceiling.seconds", null) == null ? "5"
                                : s.get("taskbench.ceiling.seconds", null)));
            } catch (IllegalArgumentException e) {
                throw new TaskbenchException("bad seed setting: " + e.getMessage(), e);
            }
        }

        private static String get(Settings s, String key, String dflt) {
            String v = s.get(PREFIX + key, null);
            return v == null ? dflt : v;
        }
    }

    static void execute(ConnectionInfo db, TaskServer.Config config, Options o, PrintStream out) throws Exception {
        ConnectionInfo info = WriteConnections.DEFAULTS.apply(db);
        try (Connection c = info.connect()) {
            TaskSchema.ensure(c);
            TaskSchema.truncate(c);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        ClosedLoop.Result writes;
        ClosedLoop.Result[] cpu = new ClosedLoop.Result[2];
        Layers layers = null;
        Optional<Path> pgbench = PgbenchCeiling.find();
        PgbenchCeiling.Result before;
        PgbenchCeiling.Result after;
        CpuMeter meter = CpuMeter.available() ? new CpuMeter(database(info)) : null;
        CpuMeter.Use roundCpu = null;
        CpuMeter.Use[] pgbenchCpu = new CpuMeter.Use[2];
        try (TaskServer server = TaskServer.start(db, config)) {
            out.printf(Locale.ROOT, "taskbench seed run %s: server %s (Jetty 12, %s), client %s, database %s%n", run,
                    server.uri(), config.describe(), o.client().name().toLowerCase(Locale.ROOT), db.redactedUrl());
            if (o.warmup() > 0) {
                out.println(Warmup.run(server, info, o, "warm-" + run, o.warmup()).describe("warmup"));
            }
            // the ceiling right before and right after the write round, on the same (idle) server's machine;
            // each pgbench empties the table, so the round, like pgbench, starts on an empty one
            CpuMeter.Snapshot c0 = meter == null ? null : meter.take();
            before = ceiling(pgbench, info, o);
            if (before != null && meter != null) {
                pgbenchCpu[0] = CpuMeter.Use.between(c0, meter.take(), 0, before.transactions());
            }
            if (before != null && o.warmup() > 0) {
                // pgbench's pause and its other queries undo some of C2's bets (pooled connections are
                // revalidated, the main thread's statements reach the driver's shared code): settle that
                // before the clock starts, as a server under steady load would have
                out.println(Warmup.run(server, info, o, "settle-" + run, 1).describe("after pgbench"));
            }
            emptyTable(info, server);
            String marker = "seed-" + run;
            out.printf(Locale.ROOT, "write round: %d users x %d form POSTs ...%n", o.users(), o.writes() / o.users());
            CpuMeter.Snapshot w0 = meter == null ? null : meter.take();
            writes = writeRound(server, o, marker, o.writes() / o.users());
            if (meter != null) {
                roundCpu = CpuMeter.Use.between(w0, meter.take(), writes.userCpuNanos(), writes.operations());
            }
            long found = rowsTitled(info, "Buy milk and eggs " + marker + "-");
            out.printf(Locale.ROOT, "  %d x 201, %s rows read back with the run's marker%n", writes.operations(),
                    found == writes.operations() ? "all " + found : "ONLY " + found + " (another session truncated"
                            + " task during the run?)");
            if (found > writes.operations()) {
                throw new TaskbenchException("more rows than writes with the run's marker: " + found);
            }
            c0 = meter == null ? null : meter.take();
            after = ceiling(pgbench, info, o);
            if (after != null) {
                if (meter != null) {
                    pgbenchCpu[1] = CpuMeter.Use.between(c0, meter.take(), 0, after.transactions());
                }
                server.reopenWriter();
            }
            if (o.cpu() > 0) {
                int per = Math.max(1, o.cpu() / o.users());
                cpu[0] = cpuRound(server, o, "/api/cpu", per);
                cpu[1] = cpuRound(server, o, "/api/cpu?loop=opaque", per);
            }
            if (o.layers()) {
                layers = Layers.measure(server, o);
            }
        }
        Double ceiling = null;
        String ceilingNote;
        if (o.ceilingSeconds() <= 0) {
            ceilingNote = "pgbench skipped (-Dtaskbench.ceiling.seconds=0)";
        } else if (pgbench.isEmpty()) {
            ceilingNote = "pgbench is not on the PATH: no ceiling";
        } else {
            ceiling = (before.tps() + after.tps()) / 2;
            ceilingNote = String.format(Locale.ROOT, "pgbench -M prepared -c 10, %d s right before and right after"
                    + " the write round, same INSERT (less our RETURNING id): %,.0f and %,.0f tx/s, mean %,.0f (%d and %d"
                    + " rows verified)",
                    o.ceilingSeconds(), before.tps(), after.tps(), ceiling, before.transactions(),
                    after.transactions());
        }
        out.println();
        out.print(SeedReport.writes(o, config, writes, ceiling, ceilingNote));
        if (roundCpu != null) {
            out.println();
            out.print(SeedReport.cpuUse(o, roundCpu, pgbenchCpu));
        }
        if (cpu[0] != null) {
            out.println();
            out.print(SeedReport.cpu(o, cpu));
        }
        if (layers != null) {
            out.println();
            out.print(layers.render(writes, config));
        }
    }

    /** The database name in a {@code jdbc:postgresql://host:port/name?...} URL. */
    static String database(ConnectionInfo info) {
        String url = info.url();
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        return head.substring(head.lastIndexOf('/') + 1);
    }

    /** pgbench's 10-client ceiling, or null when skipped or missing; leaves the table empty. */
    private static PgbenchCeiling.Result ceiling(Optional<Path> pgbench, ConnectionInfo info, Options o)
            throws Exception {
        if (o.ceilingSeconds() <= 0 || pgbench.isEmpty()) {
            return null;
        }
        return PgbenchCeiling.measure(pgbench.get(), info, 10, o.ceilingSeconds());
    }

    /** Empties the table (the warmup's rows) and renews the writer, whose ids may be cached past a restart. */
    private static void emptyTable(ConnectionInfo info, TaskServer server) throws SQLException {
        try (Connection c = info.connect()) {
            TaskSchema.truncate(c);
        }
        server.reopenWriter();
    }

    static ClosedLoop.Result writeRound(TaskServer server, Options o, String marker, int perUser) throws Exception {
        return ClosedLoop.run(o.users(), perUser, user -> {
            Poster p = Posters.open(o.client(), server.uri());
            String prefix = "title=Buy+milk+and+eggs+" + marker + "-" + user + "-";
            return (u, i) -> {
                byte[] body = (prefix + i + DESCRIPTION_PARAM).getBytes(StandardCharsets.US_ASCII);
                Poster.Reply r = p.post("/api/tasks", body);
                if (r.status() != 201 || r.number("id") <= 0) {
                    throw new TaskbenchException("a write was answered " + r.status() + " " + r.body());
                }
                if (i == perUser - 1) {
                    p.close();
                }
            };
        });
    }

    static ClosedLoop.Result cpuRound(TaskServer server, Options o, String path, int perUser) throws Exception {
        byte[] body = "title=Buy+milk+and+eggs".concat(DESCRIPTION_PARAM).getBytes(StandardCharsets.US_ASCII);
        return ClosedLoop.run(o.users(), perUser, user -> {
            Poster p = Posters.open(o.client(), server.uri());
            return (u, i) -> {
                Poster.Reply r = p.post(path, body);
                if (r.status() != 200 || r.number("counter") != CounterLoop.EXPECTED) {
                    throw new TaskbenchException("the CPU round was answered " + r.status() + " " + r.body());
                }
                if (i == perUser - 1) {
                    p.close();
                }
            };
        });
    }

    static long rowsTitled(ConnectionInfo info, String prefix) throws SQLException {
        try (Connection c = info.connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from task where starts_with(title, ?)")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The unmeasured warmup: rounds of the write round's own shape, each on fresh connections as
     * the measured round opens its own and each verified and emptied as it is (a new connection
     * and the verifying queries take paths that one long round never shows C2, and the
     * recompilation would land in the measurement), until at least {@code minWrites} are done
     * and a round leaves the JIT quiet (compiling for under {@link #QUIET} of its time), or
     * {@code warmupSeconds} have passed. On 2 cores the JIT's compiler threads compete with
     * server, client and PostgreSQL for the same CPU.
     */
    record Warmup(long writes, int rounds, double seconds, long jitMillis, long lastRoundJitMillis, boolean quiet,
            boolean watched) {
        static final int ROUND_WRITES = 5_000;
        static final double QUIET = 0.02;

        /** Rounds of at most {@link #ROUND_WRITES}, each verified and then emptied as the write round is. */
        static Warmup run(TaskServer server, ConnectionInfo info, Options o, String marker, int minWrites)
                throws Exception {
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
            int per = Math.max(1, Math.min(Math.max(minWrites, ROUND_WRITES / 5), ROUND_WRITES) / o.users());
            long t0 = System.nanoTime();
            long deadline = t0 + o.warmupSeconds() * 1_000_000_000L;
            long jit0 = watched ? jit.getTotalCompilationTime() : 0;
            long writes = 0;
            int rounds = 0;
            while (true) {
                long c0 = watched ? jit.getTotalCompilationTime() : 0;
                long w0 = System.nanoTime();
                String m = marker + "-" + rounds;
                ClosedLoop.Result r = writeRound(server, o, m, per);
                long found = rowsTitled(info, "Buy milk and eggs " + m + "-");
                if (found != r.operations()) {
                    throw new TaskbenchException("a warmup round wrote " + r.operations() + " rows, " + found
                            + " carry its marker (another session truncated task?)");
                }
                emptyTable(info, server);
                long compiled = watched ? jit.getTotalCompilationTime() - c0 : 0;
                writes += r.operations();
                rounds++;
                boolean quiet = !watched || compiled <= QUIET * (System.nanoTime() - w0) / 1e6;
                if (writes >= minWrites && (quiet || System.nanoTime() >= deadline)) {
                    return new Warmup(writes, rounds, (System.nanoTime() - t0) / 1e9,
                            watched ? jit.getTotalCompilationTime() - jit0 : 0, compiled, quiet, watched);
                }
            }
        }

        String describe(String what) {
            String how = !watched ? "this JVM does not report compilation time"
                    : String.format(Locale.ROOT, "the JIT compiled for %,d ms in all, %d ms in the last round (%s)",
                            jitMillis, lastRoundJitMillis, quiet ? "quiet" : "NOT quiet: -D" + PREFIX
                                    + "warmupSeconds ran out, the round will share the cores with the JIT");
            return String.format(Locale.ROOT, "%s: %,d writes in %d rounds on fresh connections, %.1f s, not"
                    + " measured; %s", what, writes, rounds, seconds, how);
        }
    }

    /** Each layer of one request, timed alone in this JVM against the running server's own parts. */
    static final class Layers {
        static final double SECONDS = 0.2;
        static final int ROUNDS = 7;
        double httpEmpty;
        double parse;
        double checkout;
        double insertWithCheckout;
        double endToEnd;
        ClosedLoop.Result insertTenThreads;
        ClosedLoop.Result emptyTenUsers;
        long sink;

        static Layers measure(TaskServer server, Options o) throws Exception {
            Layers l = new Layers();
            byte[] body = ("title=Buy+milk+and+eggs" + DESCRIPTION_PARAM).getBytes(StandardCharsets.US_ASCII);
            FormParser parser = new FormParser();
            DataSource ds = server.dataSource();
            TaskWriter writer = server.writer();
            Task row = new Task("Buy milk and eggs layers", Task.SEED.description());
            try (Poster p = Posters.open(o.client(), server.uri())) {
                java.util.List<java.util.concurrent.Callable<Integer>> ops = java.util.List.of(
                        () -> p.post("/api/empty", body).status(),
                        () -> parser.parse(body).size(),
                        () -> {
                            try (Connection c = ds.getConnection()) {
                                return c.hashCode();
                            }
                        },
                        () -> (int) writer.insertOne(row),
                        () -> p.post("/api/tasks", body).status());
                double[][] rounds = new double[ops.size()][ROUNDS];
                for (java.util.concurrent.Callable<Integer> op : ops) {
                    l.timed(op, 0.3); // warmup
                }
                // interleaved rounds, each layer's median: drift on a shared machine hits all alike
                for (int r = 0; r < ROUNDS; r++) {
                    for (int k = 0; k < ops.size(); k++) {
                        rounds[k][r] = l.timed(ops.get(k), SECONDS);
                    }
                }
                l.httpEmpty = median(rounds[0]);
                l.parse = median(rounds[1]);
                l.checkout = median(rounds[2]);
                l.insertWithCheckout = median(rounds[3]);
                l.endToEnd = median(rounds[4]);
            }
            int per = 300;
            l.insertTenThreads = ClosedLoop.run(o.users(), per, u -> (x, i) -> writer.insertOne(row));
            l.emptyTenUsers = ClosedLoop.run(o.users(), 1000, u -> {
                Poster p = Posters.open(o.client(), server.uri());
                return (x, i) -> {
                    p.post("/api/empty", body);
                    if (i == 999) {
                        p.close();
                    }
                };
            });
            return l;
        }

        static double median(double[] xs) {
            double[] c = xs.clone();
            java.util.Arrays.sort(c);
            return c[c.length / 2];
        }

        /**
         * Microseconds per call over {@code seconds} of back-to-back calls: the median of batches
         * of 16 calls' means. A commit waits for a WAL flush, whose time on a shared disk has
         * outliers many times the usual; a mean would hand them to whichever layer met them.
         */
        double timed(java.util.concurrent.Callable<Integer> op, double seconds) throws Exception {
            double[] batches = new double[64];
            int n = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long now = System.nanoTime();
            do {
                long t0 = now;
                for (int k = 0; k < 16; k++) {
                    sink += op.call();
                }
                now = System.nanoTime();
                if (n == batches.length) {
                    batches = java.util.Arrays.copyOf(batches, n * 2);
                }
                batches[n++] = (now - t0) / 1e3 / 16;
            } while (now < end);
            return median(java.util.Arrays.copyOf(batches, n));
        }

        String render(ClosedLoop.Result seed, TaskServer.Config config) {
            double insert = insertWithCheckout - checkout;
            double sum = httpEmpty + parse + checkout + insert;
            double rest = endToEnd - sum;
            StringBuilder sb = new StringBuilder();
            sb.append("Where the time goes: one request at a time (1 user), each layer timed alone in-process;"
                    + " per request,\nmedian of " + ROUNDS + " interleaved rounds of " + SECONDS + " s, each the median of"
                    + " batches of 16 calls\n");
            String f = "  %-58s %9.1f us %6.1f%%%n";
            sb.append(String.format(Locale.ROOT, f, "HTTP round trip, empty handler (client + Jetty, body read)",
                    httpEmpty, 100 * httpEmpty / endToEnd));
            sb.append(String.format(Locale.ROOT, f, "form parse (taskbench FormParser, the seed's body)", parse,
                    100 * parse / endToEnd));
            sb.append(String.format(Locale.ROOT, f, "connection checkout + return (" + source(config) + ")", checkout,
                    100 * checkout / endToEnd));
            sb.append(String.format(Locale.ROOT, f, "insert + commit (" + config.path().id() + ", RETURNING id)", insert,
                    100 * insert / endToEnd));
            sb.append(String.format(Locale.ROOT, f, "sum of the layers", sum, 100 * sum / endToEnd));
            sb.append(String.format(Locale.ROOT, f, "end to end: POST /api/tasks, measured", endToEnd, 100.0));
            sb.append(String.format(Locale.ROOT, f, "unexplained remainder (end to end - sum)", rest,
                    100 * rest / endToEnd));
            sb.append("  (the remainder: the handler's checks, the Task and the JSON answer, waking each other's\n"
                    + "   threads across client, server and database, which no layer alone does, and each layer's\n"
                    + "   caches disturbed by the others; negative = layers cheaper together. These are latencies\n"
                    + "   of an idle machine; the CPU per write above is what bounds throughput under load)\n");
            sb.append(String.format(Locale.ROOT, "Under the seed's load (%d users at once, closed loop):%n",
                    seed.users()));
            String g = "  %-58s %9.0f /s, mean %7.1f us, p99 %7.1f us%n";
            sb.append(String.format(Locale.ROOT, g, "the whole request, POST /api/tasks (the write round)",
                    seed.perSecond(), seed.meanMicros(), seed.percentileMicros(0.99)));
            sb.append(String.format(Locale.ROOT, g, "HTTP alone, POST /api/empty", emptyTenUsers.perSecond(),
                    emptyTenUsers.meanMicros(), emptyTenUsers.percentileMicros(0.99)));
            sb.append(String.format(Locale.ROOT, g, "checkout + insert + commit alone, no HTTP",
                    insertTenThreads.perSecond(), insertTenThreads.meanMicros(),
                    insertTenThreads.percentileMicros(0.99)));
            sb.append("  (with 10 requests in flight on 2 cores, latency is mostly waiting: for a core, for the\n"
                    + "   WAL flush that commits share; the layers' throughputs bound the whole from above)\n");
            return sb.toString();
        }

        private static String source(TaskServer.Config c) {
            return c.source().pooled() ? c.source().name().toLowerCase(Locale.ROOT) + " pool"
                    : "a new connection and login";
        }
    }
}
