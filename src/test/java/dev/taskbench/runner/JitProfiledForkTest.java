package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** One real, tiny profiled fork: its score comes back, its JIT recording is read, its files are gone. */
class JitProfiledForkTest {
    static final Options TINY = new OptionsBuilder().include("CounterLoopBenchmark.opaque").param("outer", "100")
            .mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS).forks(1).warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(200)).measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200)).build();
    static final BenchmarkResult ROW = new BenchmarkResult(BenchmarkKey.of(
            "dev.taskbench.loop.CounterLoopBenchmark.opaque", Map.of("outer", "100"), "avgt", 1), "default", "ns/op",
            List.of(1.0, 2.0), Optional.empty(), Double.NaN);

    @Test
    void aForkGivesItsScoreAndWhatItsJitDid(@TempDir Path tmp) throws Exception {
        Profiling profiling = new Profiling(List.of(), tmp.resolve("cache"), Profiling.Engine.auto);
        ModeProfiles.Profiled p = new JitProfiledFork(profiling, r -> TINY, tmp.resolve("modes")).fork(ROW, 1);
        assertTrue(Double.isFinite(p.score()) && p.score() > 0, p.toString());
        assertTrue(p.jit().isPresent(), p.notes().toString());
        assertTrue(p.jit().get().compilations().stream().anyMatch(c -> c.method().startsWith("dev.taskbench.loop.")),
                "the benchmark's own code was compiled");
        assertTrue(!p.stacks().isEmpty() || p.notes().stream().anyMatch(n -> n.startsWith("no CPU profile")),
                p.notes().toString());
        assertFalse(Files.exists(tmp.resolve("modes").resolve(".fork-1")), "the fork's files are read and gone");
    }

    /** JFR's execution samples for the CPU profile and its compiler events for the JIT: two recordings, one fork. */
    @Test
    void underJfrAloneBothRecordingsAreRead(@TempDir Path tmp) throws Exception {
        Profiling jfr = new Profiling(List.of(), tmp.resolve("cache"), Profiling.Engine.jfr);
        ModeProfiles.Profiled p = new JitProfiledFork(jfr, r -> TINY, tmp.resolve("modes")).fork(ROW, 2);
        assertTrue(Double.isFinite(p.score()), p.notes().toString());
        assertTrue(p.jit().isPresent() && !p.jit().get().compilations().isEmpty(), p.notes().toString());
        assertFalse(p.stacks().isEmpty(), p.notes().toString());
    }
}
