package dev.taskbench.ceiling;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.SingleRowWrite;
import dev.taskbench.write.WriteConnections;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * pgbench right before and right after each fork of a {@link SingleRowWrite} benchmark (average
 * time mode), from JMH's host process while no fork runs: on a shared machine a ceiling taken
 * minutes away from the benchmark measures another machine; taken beside it, both see the same
 * load. JMH calls {@link #beforeTrial} and {@link #afterTrial} around each fork; the sample taken
 * after one fork is the next one's "before" when the client count matches and it is fresh, so a
 * benchmark of F forks costs F + 1 samples. The samples land in the JSON as secondary metrics:
 * {@code pgbench.rows/s} (the mean of a fork's two) and {@code pgbench.sample.N} (each sample,
 * numbered per benchmark in the order taken). A pgbench failure is reported once and ends the
 * sampling; it never fails the run. Other benchmarks get nothing.
 *
 * <p>Settings, JMH's init line: {@code -prof dev.taskbench.ceiling.CeilingProfiler:seconds=2;
 * handoff=FILE;set=NAME;run=ID}: sample length, the runner's database hand-off file (else the
 * provisioning chain, as under JMH's own CLI), the flag set and run the samples belong to.
 */
public final class CeilingProfiler implements ExternalProfiler {
    public static final String RATE = "pgbench.rows/s";
    public static final String SAMPLE = dev.taskbench.results.BenchmarkResult.PGBENCH_SAMPLE;
    public static final int DEFAULT_SECONDS = 2;
    /** A sample younger than this is the next fork's "before". */
    static final long FRESH_NANOS = 2_000_000_000L;

    /** One pgbench sample: its clients, rows/s and when it ended. */
    record Sample(int clients, double tps, long endedNanos) {
    }

    /** What one run's profiler instances share: JMH makes a new instance for every benchmark. */
    static final class RunState {
        Sample last;
        String failure;
        ConnectionInfo info;
        final Map<String, Integer> taken = new HashMap<>();
        final Map<String, Sample> lastOf = new HashMap<>();
    }

    private static final Map<String, RunState> RUNS = new HashMap<>();

    private final int seconds;
    private final String handoff;
    private final String flagSet;
    private final RunState state;
    private final Sampler sampler;
    private int trial;
    private String key;
    private Sample before;
    private int beforeIndex;

    /** Takes one pgbench sample; a seam for tests. */
    interface Sampler {
        double rowsPerSecond(ConnectionInfo info, int clients, int seconds)
                throws IOException, InterruptedException, SQLException;
    }

    public CeilingProfiler(String initLine) throws ProfilerException {
        this(initLine, CeilingProfiler::pgbench);
    }

    CeilingProfiler(String initLine, Sampler sampler) throws ProfilerException {
        Map<String, String> o = options(initLine);
        try {
            this.seconds = Integer.parseInt(o.getOrDefault("seconds", String.valueOf(DEFAULT_SECONDS)));
        } catch (NumberFormatException e) {
            throw new ProfilerException("seconds=" + o.get("seconds") + " is not a whole number");
        }
        this.handoff = o.get("handoff");
        this.flagSet = o.getOrDefault("set", "default");
        this.state = state(o.getOrDefault("run", "default"));
        this.sampler = sampler;
    }

    /** The init line for these settings. */
    public static String initLine(int seconds, Path handoff, String flagSet, String runId) {
        return "seconds=" + seconds + (handoff == null ? "" : ";handoff=" + handoff) + ";set=" + flagSet + ";run="
                + runId;
    }

    /** Why the sampling of this run stopped, if it did. */
    public static synchronized Optional<String> failure(String runId) {
        RunState s = RUNS.get(runId);
        return Optional.ofNullable(s == null ? null : s.failure);
    }

    /** Something outside JMH's forks ran (a baseline jar): the last sample is no one's "before" any more. */
    public static synchronized void somethingElseRan(String runId) {
        RunState s = RUNS.get(runId);
        if (s != null) {
            synchronized (s) {
                s.last = null;
            }
        }
    }

    /** Forgets a finished run. */
    public static synchronized void forget(String runId) {
        RUNS.remove(runId);
    }

    private static synchronized RunState state(String runId) {
        return RUNS.computeIfAbsent(runId, k -> new RunState());
    }

    static Map<String, String> options(String initLine) throws ProfilerException {
        Map<String, String> o = new HashMap<>();
        if (initLine == null || initLine.isBlank()) {
            return o;
        }
        for (String part : initLine.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new ProfilerException("expected key=value, found '" + part + "' (keys: seconds, handoff, set, run)");
            }
            o.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return o;
    }

    /** True for a benchmark this profiler samples around: a declared single-row write in average time. */
    public static boolean covers(BenchmarkParams p) {
        return p.getMode() == Mode.AverageTime && Declarations.onMethod(p.getBenchmark(), SingleRowWrite.class)
                .isPresent();
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
        trial++;
        before = null;
        if (!covers(params) || trial <= params.getWarmupForks()) {
            return;
        }
        synchronized (state) {
            key = flagSet + "|" + params.id();
            int clients = params.getThreads();
            Sample last = state.last;
            state.last = null;
            if (last != null && last.clients() == clients && System.nanoTime() - last.endedNanos() < FRESH_NANOS) {
                before = last;
            } else {
                before = sample(clients, "before", params);
            }
            if (before != null) {
                beforeIndex = index(before);
            }
        }
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        if (before == null) {
            synchronized (state) {
                state.last = null; // a fork ran: an older sample is no one's "before"
            }
            return List.of();
        }
        synchronized (state) {
            Sample after = sample(before.clients(), "after", br.getParams());
            List<Result> out = new ArrayList<>();
            out.add(metric(SAMPLE + beforeIndex, before.tps()));
            if (after == null) {
                out.add(metric(RATE, before.tps()));
                return out;
            }
            out.add(metric(SAMPLE + index(after), after.tps()));
            out.add(metric(RATE, (before.tps() + after.tps()) / 2));
            state.last = after;
            return out;
        }
    }

    /** The sample's number for this benchmark: the previous fork's "after" keeps its number. */
    private int index(Sample s) {
        if (state.lastOf.get(key) == s) {
            return state.taken.get(key);
        }
        state.lastOf.put(key, s);
        return state.taken.merge(key, 1, Integer::sum);
    }

    private static ScalarResult metric(String label, double tps) {
        return new ScalarResult(label, tps, "rows/s", AggregationPolicy.AVG);
    }

    private Sample sample(int clients, String when, BenchmarkParams p) {
        if (state.failure != null) {
            return null;
        }
        try {
            if (state.info == null) {
                state.info = WriteConnections.DEFAULTS.apply(handoff != null ? DatabaseHandoff.read(Path.of(handoff))
                        : BenchmarkDatabase.info());
            }
            double tps = sampler.rowsPerSecond(state.info, clients, seconds);
            System.out.printf(Locale.ROOT, "taskbench: pgbench -c %d %s %s: %.0f rows/s%n", clients, when,
                    shortName(p.getBenchmark()), tps);
            return new Sample(clients, tps, System.nanoTime());
        } catch (IOException | SQLException | TaskbenchException e) {
            return fail("the pgbench ceiling could not be measured: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("the pgbench ceiling was interrupted");
        }
    }

    private Sample fail(String why) {
        state.failure = why;
        System.out.println("taskbench: " + why + "; no more ceiling samples");
        return null;
    }

    private static double pgbench(ConnectionInfo info, int clients, int seconds)
            throws IOException, InterruptedException, SQLException {
        Path pgbench = PgbenchCeiling.find()
                .orElseThrow(() -> new TaskbenchException("pgbench is not on the PATH: no ceiling; rows/s only"));
        return PgbenchCeiling.measure(pgbench, info, clients, seconds).tps();
    }

    static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    /**
     * Without a runner's hand-off (JMH's own {@code Main} with this profiler) this process holds the
     * database for its samples, so it hands it to the forks: they never wait on its lock.
     */
    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        if (handoff != null || !covers(params)) {
            return List.of();
        }
        synchronized (state) {
            if (state.failure != null) {
                return List.of();
            }
            try {
                return List.of("-D" + DatabaseHandoff.PROPERTY + "=" + BenchmarkDatabase.handoffForForks());
            } catch (TaskbenchException e) {
                fail("the database could not be handed to the forks: " + e.getMessage());
                return List.of();
            }
        }
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "pgbench ceiling right before and after each fork of a @SingleRowWrite benchmark";
    }
}
