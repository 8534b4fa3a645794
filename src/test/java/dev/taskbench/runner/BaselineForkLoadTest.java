package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.stability.Disturbance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A baseline jar's forks read from what its JMH prints: each fork's window spans its {@code # Fork:}
 * line to the line after it ended, and is filed under the row its header named.
 */
class BaselineForkLoadTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger opened = new AtomicInteger();

    /** Each window's load is the count of windows opened so far, a tenth each: which window went where is plain. */
    private BaselineForkLoad load() {
        return new BaselineForkLoad(() -> {
            double share = opened.incrementAndGet() / 10.0;
            return () -> new Disturbance(1, share, 0, 0.5, Optional.empty());
        }, clock::get);
    }

    /** A JMH 1.37 transcript of one fork of two rows, trimmed to the lines that matter and a few that do not. */
    static final List<String> TRANSCRIPT = List.of(
            "# JMH version: 1.37",
            "# VM version: JDK 17.0.12, OpenJDK 64-Bit Server VM, 17.0.12+7",
            "# Warmup: 1 iterations, 100 ms each",
            "# Measurement: 1 iterations, 100 ms each",
            "# Threads: 1 thread, will synchronize iterations",
            "# Benchmark mode: Average time, time/op",
            "# Benchmark: dev.taskbench.form.FormParsingBenchmark.decode",
            "# Parameters: (contender = taskbench, input = seed)",
            "",
            "# Run progress: 0.00% complete, ETA 00:00:01",
            "# Fork: 1 of 1",
            "# Warmup Iteration   1: 152.113 ns/op",
            "Iteration   1: 150.402 ns/op",
            "",
            "",
            "Result \"dev.taskbench.form.FormParsingBenchmark.decode\":",
            "  150.402 ns/op",
            "",
            "# JMH version: 1.37",
            "# Threads: 4 threads, will synchronize iterations",
            "# Benchmark mode: Throughput, ops/time",
            "# Benchmark: dev.taskbench.loop.CounterLoopBenchmark.opaque",
            "",
            "# Run progress: 50.00% complete, ETA 00:00:01",
            "# Fork: 1 of 1",
            "Iteration   1: 1.234 ops/us");

    @Test
    void eachForkIsFiledUnderItsRowWithTheWindowFromItsStartToItsEnd() {
        BaselineForkLoad load = load();
        for (String line : TRANSCRIPT) {
            if (line.startsWith("Result") || line.startsWith("Iteration")) {
                clock.addAndGet(2_000_000_000L);
            }
            load.line(line);
        }
        List<BaselineForkLoad.Watched> forks = load.finish();
        assertEquals(2, forks.size(), forks::toString);
        assertEquals(BenchmarkKey.of("dev.taskbench.form.FormParsingBenchmark.decode",
                Map.of("contender", "taskbench", "input", "seed"), "avgt", 1), forks.get(0).key());
        assertEquals(0.1, forks.get(0).load().others(), 1e-9);
        assertEquals(4, forks.get(0).seconds(), 1e-9, "from its fork line to its result");
        assertEquals(BenchmarkKey.of("dev.taskbench.loop.CounterLoopBenchmark.opaque", Map.of(), "thrpt", 4),
                forks.get(1).key(), "no parameters: the last row's are not carried over");
        assertEquals(0.2, forks.get(1).load().others(), 1e-9);
        assertEquals(2, forks.get(1).seconds(), 1e-9, "still open when the process ended: closed then");
    }

    @Test
    void outputWithoutAForkLineWatchesNothing() {
        BaselineForkLoad load = load();
        List.of("Error: Unable to access jarfile baseline.jar", "# Run complete. Total time: 00:00:01").forEach(load::line);
        assertEquals(List.of(), load.finish());
        assertEquals(0, opened.get());
    }
}
