package dev.taskbench.seed;

import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.cli.ServeSettings;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseSource;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Timing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The seed's CPU round the way the seed ran it: the server's interpreter against its JIT (CPython
 * against PyPy; here {@code -Xint} against C2) at 1, 3 and 6 blocking workers: per flag set a server
 * JVM of its own ({@link CpuServer}) started with it, holding one {@code platform-N} server per
 * worker count, loaded in turn over HTTP by this JVM's users with the loop the JIT cannot fold
 * ({@code ?loop=opaque}). Workers help until the cores run out; that, and the
 * interpreter-to-JIT factor, is the seed's lesson. A cell whose server does not start in time is a
 * line in the table, not a failed run.
 */
final class CpuRound {
    static final String FLAG_SETS = SettingsCatalogue.SEED_CPU_FLAG_SETS.key();
    static final String WORKERS = SettingsCatalogue.SEED_CPU_WORKERS.key();
    static final String SECONDS = SettingsCatalogue.SEED_CPU_SECONDS.key();
    static final String START_SECONDS = SettingsCatalogue.SEED_CPU_START_SECONDS.key();
    static final String PATH = "/api/cpu?loop=opaque";

    /**
     * @param flagSets flag sets of the server JVMs, {@code none} skips the round
     * @param workers blocking workers per server ({@code platform-N})
     * @param seconds about how long each cell's measured part lasts (sized from its warmup)
     * @param startSeconds how long a server JVM may take to print its port
     */
    record Plan(List<FlagSet> flagSets, List<Integer> workers, int seconds, int startSeconds) {
        static Plan from(Settings s) {
            String sets = s.string(FLAG_SETS, null, "interpreter,c2").trim();
            List<FlagSet> flagSets = sets.equalsIgnoreCase("none") ? List.of()
                    : FlagSets.load(s.path(FlagSets.FILE_SETTING, null, null)).resolveAll(sets);
            return new Plan(flagSets, workers(s), s.integer(SECONDS, null, 4, 1, 3600),
                    s.integer(START_SECONDS, null, 120, 1, 3600));
        }

        /** {@code -Dtaskbench.seed.cpuWorkers}: worker counts from 1 to 1000. */
        static List<Integer> workers(Settings s) {
            return ModelsGrid.numbers(s, WORKERS, "1,3,6", 1, 1000);
        }

        boolean on() {
            return !flagSets.isEmpty();
        }
    }

    /** One cell of one round: its figures, or why it has none. */
    record Cell(String flagSet, int workers, int round, ClosedLoop.Result result, String failed) {
    }

    private CpuRound() {
    }

    /** Every cell of the plan, loaded by {@code users} users, the servers on {@code db}. */
    static List<Cell> run(ConnectionInfo db, SeedSettings o, Plan plan, PrintStream out) throws Exception {
        return run(db, o, plan, 1, out);
    }

    /** The same, its cells tagged with {@code round} (when the seed's stacks' CPU round interleaves with it). */
    static List<Cell> run(ConnectionInfo db, SeedSettings o, Plan plan, int round, PrintStream out) throws Exception {
        Path handoff = Files.createTempFile("taskbench-cpu-", ".properties");
        try {
            DatabaseHandoff.write(handoff, db, DatabaseSource.EXPLICIT);
            List<Cell> cells = new ArrayList<>();
            for (FlagSet set : plan.flagSets()) {
                cells.addAll(flagSet(set, handoff, o, plan, round, out));
            }
            return cells;
        } finally {
            Files.deleteIfExists(handoff);
        }
    }

    /** One server JVM with this flag set, each worker count's server loaded in turn. */
    private static List<Cell> flagSet(FlagSet set, Path handoff, SeedSettings o, Plan plan, int round,
            PrintStream out) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Jdks.discover(null).java(set).toString());
        cmd.addAll(set.jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CpuServer.class.getName(),
                "-D" + DatabaseHandoff.PROPERTY + "=" + handoff, "-D" + WORKERS + "=" + plan.workers().stream()
                        .map(String::valueOf).collect(Collectors.joining(",")),
                "-D" + ServeSettings.PORT + "=0", "-D" + ServeSettings.HOST + "=127.0.0.1"));
        out.printf(Locale.ROOT, "  %-12s: starting its server JVM (up to %d s, -D%s)%n", set.name(), plan.startSeconds(),
                START_SECONDS);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Cell> cells = new ArrayList<>();
        try {
            List<Integer> ports = ports(p, plan.startSeconds(), plan.workers().size());
            for (int i = 0; i < ports.size(); i++) {
                cells.add(cell(set, plan.workers().get(i), round, URI.create("http://127.0.0.1:" + ports.get(i)), o, plan,
                        out));
            }
        } catch (TaskbenchException e) {
            out.printf(Locale.ROOT, "  %-12s: %s%n", set.name(), e.getMessage());
            plan.workers().forEach(w -> cells.add(new Cell(set.name(), w, round, null, e.getMessage())));
        } finally {
            p.getOutputStream().close(); // the servers' cue to stop
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                Processes.end(Processes.tree(p.toHandle()), Processes.GRACE);
            }
        }
        return cells;
    }

    /** A warmup of one request per user, then about {@code plan.seconds()} of requests, sized from it. */
    private static Cell cell(FlagSet set, int workers, int round, URI uri, SeedSettings o, Plan plan, PrintStream out)
            throws Exception {
        try {
            ClosedLoop.Result r = timed(uri, PATH, o, plan.seconds());
            out.printf(Locale.ROOT, "  %-12s %2d worker(s): %,9.1f requests/s, p99 %,8.1f ms (%d requests)%n", set.name(),
                    workers, r.perSecond(), r.percentileMicros(0.99) / 1000, r.operations());
            return new Cell(set.name(), workers, round, r, null);
        } catch (TaskbenchException e) {
            out.printf(Locale.ROOT, "  %-12s %2d worker(s): %s%n", set.name(), workers, e.getMessage());
            return new Cell(set.name(), workers, round, null, e.getMessage());
        }
    }

    /**
     * One request per user unmeasured, then about {@code seconds} of requests to {@code path}, sized
     * from the first's rate: a cell is timed, not counted, so that a slow server's is as long as a fast one's.
     */
    static ClosedLoop.Result timed(URI uri, String path, SeedSettings o, int seconds) throws Exception {
        ClosedLoop.Result warm = SeedLoad.cpu(uri, o.client(), o.users(), path, 1);
        int perUser = (int) Math.max(1, Math.min(10_000, Math.round(seconds * warm.perSecond() / o.users())));
        return SeedLoad.cpu(uri, o.client(), o.users(), path, perUser);
    }

    /** The ports the servers print, read on a thread of its own so that a silent JVM cannot hang the round. */
    private static List<Integer> ports(Process p, int startSeconds, int expected) throws Exception {
        CompletableFuture<List<Integer>> ports = CompletableFuture.supplyAsync(() -> {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(CpuServer.READY)) {
                        List<Integer> n = Arrays.stream(line.substring(CpuServer.READY.length()).trim().split(","))
                                .map(Integer::valueOf).toList();
                        drain(r); // open until the server ends: it may still print
                        return n;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // below: no ports
            }
            return List.of();
        });
        try {
            List<Integer> n = ports.get(startSeconds, TimeUnit.SECONDS);
            if (n.size() != expected) {
                throw new TaskbenchException("its server JVM ended before it served (exit code " + p.waitFor() + ")");
            }
            return n;
        } catch (TimeoutException e) {
            throw new TaskbenchException("its server JVM did not serve within " + startSeconds + " s (-D" + START_SECONDS
                    + ")");
        }
    }

    /** Whatever the server prints later is read away, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader r) {
        Thread t = new Thread(() -> {
            try {
                while (r.read() >= 0) {
                    // discard
                }
            } catch (IOException e) {
                // the server is gone
            }
        }, "taskbench-cpu-server-out");
        t.setDaemon(true);
        t.start();
    }

    /** The round as a table: per flag set, requests/s per worker count, the seed's row beside each. */
    static String render(SeedSettings o, Plan plan, List<Cell> cells) {
        return render(o, plan, cells, SeedHere.NONE);
    }

    /** The same, each quoted figure with this machine's beside it ({@code here}). */
    static String render(SeedSettings o, Plan plan, List<Cell> cells, SeedHere here) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The seed's CPU round per server JVM: counter += 500 in a 10000 x 1000 loop"
                + " (?loop=opaque), %d users, platform-N workers, one server JVM per flag set%n", o.users()));
        String head = "%-12s %8s %14s %12s   %s%n";
        sb.append(String.format(Locale.ROOT, head, "flag set", "workers", "requests/s", "p99", "the seed (requests/s, 4-core laptop)"));
        for (FlagSet set : plan.flagSets()) {
            for (int w : plan.workers()) {
                List<Cell> mine = cells.stream().filter(x -> x.flagSet().equals(set.name()) && x.workers() == w).toList();
                Double median = rate(cells, set.name(), w);
                String rate = mine.isEmpty() ? "-" : median == null ? "failed" : String.format(Locale.ROOT, "%,.1f", median);
                String p99 = median == null ? "" : String.format(Locale.ROOT, "%,.1f ms", Timing.median(mine.stream()
                        .filter(c -> c.result() != null).mapToDouble(c -> c.result().percentileMicros(0.99)).toArray())
                        / 1000);
                sb.append(String.format(Locale.ROOT, head, set.name(), w, rate, p99, seed(set.name(), w, here)));
            }
        }
        ratios(plan, cells, sb, here);
        sb.append(String.format(Locale.ROOT, "  this machine has %d cores for servers, load and PostgreSQL together%n",
                Runtime.getRuntime().availableProcessors()));
        return sb.toString();
    }

    /** The interpreter-to-C2 factor per worker count, and each flag set's scaling from worker to worker. */
    private static void ratios(Plan plan, List<Cell> cells, StringBuilder sb, SeedHere here) {
        for (int w : plan.workers()) {
            Double slow = rate(cells, "interpreter", w);
            Double fast = rate(cells, "c2", w);
            if (slow != null && fast != null) {
                sb.append(String.format(Locale.ROOT, "  %d worker(s): C2 serves %.1fx the interpreter's requests/s"
                        + " (the seed: PyPy %.1fx CPython; %s)%n", w, fast / slow, seedRatio(w), hereRatio(w, here)));
            }
        }
        for (FlagSet set : plan.flagSets()) {
            List<String> steps = new ArrayList<>();
            for (int i = 1; i < plan.workers().size(); i++) {
                Double a = rate(cells, set.name(), plan.workers().get(i - 1));
                Double b = rate(cells, set.name(), plan.workers().get(i));
                if (a != null && b != null) {
                    steps.add(String.format(Locale.ROOT, "%d -> %d workers %.2fx", plan.workers().get(i - 1),
                            plan.workers().get(i), b / a));
                }
            }
            if (!steps.isEmpty()) {
                sb.append("  ").append(set.name()).append(": ").append(String.join(", ", steps)).append('\n');
            }
        }
    }

    /** The median requests/s of the flag set's rounds at {@code workers}, or null when none has figures. */
    private static Double rate(List<Cell> cells, String set, int workers) {
        double[] rates = cells.stream().filter(c -> c.flagSet().equals(set) && c.workers() == workers
                && c.result() != null).mapToDouble(c -> c.result().perSecond()).toArray();
        return rates.length == 0 ? null : Timing.median(rates);
    }

    private static String seed(String set, int workers, SeedHere here) {
        return SeedFigures.cpu(set, workers).map(f -> String.format(Locale.ROOT, "%s: %,.1f; %s", f.cpu().label(),
                f.perSecond(), here.beside(f))).orElse("");
    }

    /** PyPy over CPython as measured here at {@code workers}, or how to measure it. */
    private static String hereRatio(int workers, SeedHere here) {
        double r = SeedFigures.cpu("c2", workers).flatMap(pypy -> SeedFigures.cpu("interpreter", workers)
                .map(cpython -> here.of(pypy) / here.of(cpython))).orElse(Double.NaN);
        return Double.isNaN(r) ? "here: PyPy and CPython not both measured (-D" + PeersRound.PEERS + "=django-1,pypy-1)"
                : String.format(Locale.ROOT, "here: PyPy %.1fx CPython", r);
    }

    private static double seedRatio(int workers) {
        return SeedFigures.cpu("interpreter", workers).flatMap(cpython -> SeedFigures.cpu("c2", workers)
                .map(pypy -> cpython.seconds() / pypy.seconds())).orElse(Double.NaN);
    }
}
