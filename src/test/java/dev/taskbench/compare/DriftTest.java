package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #24 item 6: two separate runs hold a row's change against its run-to-run drift, interleaved runs do not. */
class DriftTest {
    static final Criteria C = Criteria.defaults().withResamples(1000);
    static final double[] FORKS = {100, 100.3, 99.7, 100.1, 99.9, 100.2, 99.8, 100.05, 99.95, 100};
    /** 4% run to run, over 5 earlier runs. */
    static final Drift FOUR_PERCENT = row -> Optional.of(new Drift.Spread(0.04, 5));

    static RunResults run(String folder, double factor) {
        List<Double> forks = Arrays.stream(FORKS).map(x -> x * factor).boxed().toList();
        return new RunResults(Path.of(folder), Path.of(folder).getFileName().toString(), Map.of(), List.of(
                new BenchmarkResult(BenchmarkKey.of("x.B.m", Map.of(), "avgt", 1), "default", "ns/op", forks,
                        Optional.empty(), Double.NaN)));
    }

    static Row only(RunResults base, RunResults candidate, Drift drift) {
        return Comparison.compare(base, candidate, C, ModeTest.NONE, drift).rows().get(0);
    }

    @Test
    void theThresholdIsZTimesRootTwoSpreads() {
        assertEquals(1.959964 * Math.sqrt(2), Drift.factor(C), 1e-6);
        assertEquals(Math.expm1(2.771808 * 0.04), new Drift.Spread(0.04, 5).threshold(C), 1e-6);
        assertEquals(0.05, new Drift.Spread(0.001, 5).threshold(C), 1e-12, "never below the minimum effect");
    }

    /** Tonight's run 8% above last night's, forks tight: the rank test calls it, the testbed's 11.7% drift does not. */
    @Test
    void anAaPairWithDriftIsSameAndSaysWhy() {
        assertEquals(Verdict.SLOWER, only(run("r/a", 1), run("r/b", 1.08), Drift.NONE).verdict());
        Row r = only(run("r/a", 1), run("r/b", 1.08), FOUR_PERCENT);
        assertEquals(Verdict.SAME, r.verdict(), r.reason());
        assertTrue(r.reason().startsWith("within the \u00b111.7% this testbed drifts run to run (5 other runs) (+8.0%"),
                r.reason());
        assertEquals(Optional.of(new Drift.Spread(0.04, 5)), r.drift());
    }

    @Test
    void aChangeBeyondTheDriftIsSlowerAndSaysSo() {
        Row r = only(run("r/a", 1), run("r/b", 1.30), FOUR_PERCENT);
        assertEquals(Verdict.SLOWER, r.verdict(), r.reason());
        assertTrue(r.reason().endsWith("; beyond the \u00b111.7% this testbed drifts run to run (5 other runs)"),
                r.reason());
    }

    /** An interleaved baseline shares the run's drift: the forks' test stands alone. */
    @Test
    void interleavedRunsIgnoreTheDrift() {
        Row r = only(run("r/b/baseline", 1), run("r/b", 1.08), FOUR_PERCENT);
        assertEquals(Verdict.SLOWER, r.verdict(), r.reason());
        assertTrue(r.drift().isEmpty());
    }
}
