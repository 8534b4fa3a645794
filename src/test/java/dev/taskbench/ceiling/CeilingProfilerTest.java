package dev.taskbench.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseSource;
import dev.taskbench.declare.SingleRowWrite;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** The profiler's sampling rule, with a fake pgbench: F forks cost F + 1 samples, the rest costs none. */
public class CeilingProfilerTest {

    /** Stands for a benchmark class: one declared single-row write, one that is not. */
    public static final class Fixture {
        @SingleRowWrite
        public int declared() {
            return 1;
        }

        public int undeclared() {
            return 1;
        }
    }

    private final List<Integer> sampledClients = new ArrayList<>();
    private double next = 1000;

    private CeilingProfiler profiler(Path handoff, String run) throws Exception {
        return new CeilingProfiler(CeilingProfiler.initLine(1, handoff, "default", run), (info, clients, seconds) -> {
            sampledClients.add(clients);
            return next += 100;
        });
    }

    static String name(String method) throws NoSuchMethodException {
        Method m = Fixture.class.getMethod(method);
        return Fixture.class.getName() + "." + m.getName();
    }

    public static BenchmarkParams params(String benchmark, Mode mode, int threads, int forks) {
        IterationParams it = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        IterationParams wu = new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);
        return new BenchmarkParams(benchmark, benchmark + "_gen", false, threads, new int[] {threads}, List.of(), forks,
                0, wu, it, mode, new WorkloadParams(), TimeUnit.MICROSECONDS, 1, "java", List.of(), "17", "vm", "1",
                "1.37", TimeValue.minutes(10));
    }

    private static Map<String, Double> metrics(Collection<? extends Result> results) {
        Map<String, Double> m = new TreeMap<>();
        results.forEach(r -> m.put(r.getLabel(), r.getScore()));
        return m;
    }

    private static Path handoff(Path dir) {
        Path f = dir.resolve("h.properties");
        DatabaseHandoff.write(f, new ConnectionInfo("jdbc:postgresql://127.0.0.1:1/x", "u", ""), DatabaseSource.EXPLICIT);
        return f;
    }

    @Test
    void threeForksCostFourSamplesAndLandAsSecondaryMetrics(@TempDir Path dir) throws Exception {
        BenchmarkParams p = params(name("declared"), Mode.AverageTime, 10, 3);
        CeilingProfiler prof = profiler(handoff(dir), "t1");
        List<Map<String, Double>> forks = new ArrayList<>();
        for (int fork = 0; fork < 3; fork++) {
            prof.beforeTrial(p);
            forks.add(metrics(prof.afterTrial(new BenchmarkResult(p, List.of()), 1, null, null)));
        }
        assertEquals(List.of(10, 10, 10, 10), sampledClients, "F + 1 samples, each with the benchmark's threads");
        assertEquals(Map.of("pgbench.sample.1", 1100.0, "pgbench.sample.2", 1200.0, CeilingProfiler.RATE, 1150.0),
                forks.get(0));
        assertEquals(Map.of("pgbench.sample.2", 1200.0, "pgbench.sample.3", 1300.0, CeilingProfiler.RATE, 1250.0),
                forks.get(1), "the previous fork's after is this fork's before");
        assertEquals(1350.0, forks.get(2).get(CeilingProfiler.RATE));
        CeilingProfiler.forget("t1");
    }

    @Test
    void aFreshSampleIsReusedOnlyForTheSameClientCount(@TempDir Path dir) throws Exception {
        Path h = handoff(dir);
        BenchmarkParams one = params(name("declared"), Mode.AverageTime, 1, 1);
        BenchmarkParams ten = params(name("declared"), Mode.AverageTime, 10, 1);
        for (BenchmarkParams p : List.of(one, one, ten)) {
            CeilingProfiler prof = profiler(h, "t2"); // JMH makes one instance per benchmark
            prof.beforeTrial(p);
            prof.afterTrial(new BenchmarkResult(p, List.of()), 1, null, null);
        }
        assertEquals(List.of(1, 1, 1, 10, 10), sampledClients);
        CeilingProfiler.somethingElseRan("t2");
        CeilingProfiler prof = profiler(h, "t2");
        prof.beforeTrial(ten);
        assertEquals(6, sampledClients.size(), "after a baseline jar ran, a fresh before");
        CeilingProfiler.forget("t2");
    }

    @Test
    void undeclaredOtherModesAndFailuresCostNothingAndNeverThrow(@TempDir Path dir) throws Exception {
        Path h = handoff(dir);
        for (BenchmarkParams p : List.of(params(name("undeclared"), Mode.AverageTime, 1, 1),
                params(name("declared"), Mode.Throughput, 1, 1))) {
            CeilingProfiler prof = profiler(h, "t3");
            prof.beforeTrial(p);
            assertTrue(prof.afterTrial(new BenchmarkResult(p, List.of()), 1, null, null).isEmpty());
        }
        assertEquals(List.of(), sampledClients);
        CeilingProfiler failing = new CeilingProfiler(CeilingProfiler.initLine(1, h, "default", "t4"),
                (info, clients, seconds) -> {
                    sampledClients.add(clients);
                    throw new java.io.IOException("no pgbench today");
                });
        BenchmarkParams p = params(name("declared"), Mode.AverageTime, 1, 2);
        for (int fork = 0; fork < 2; fork++) {
            failing.beforeTrial(p);
            assertTrue(failing.afterTrial(new BenchmarkResult(p, List.of()), 1, null, null).isEmpty());
        }
        assertEquals(1, sampledClients.size(), "a failure ends the sampling");
        assertTrue(CeilingProfiler.failure("t4").orElseThrow().contains("no pgbench today"));
        assertFalse(CeilingProfiler.failure("t3").isPresent());
        CeilingProfiler.forget("t3");
        CeilingProfiler.forget("t4");
    }
}
