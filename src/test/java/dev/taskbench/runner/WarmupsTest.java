package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.form.FormParsingBenchmark;
import dev.taskbench.pool.ConnectionBenchmark;
import dev.taskbench.results.WarmupPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** A steady run's warm-up plans, from the real benchmark list, as its metadata holds them and a report reads them. */
class WarmupsTest {
    private static final String DECODE = FormParsingBenchmark.class.getName() + ".decode";
    private static final String ONE_USER = ConnectionBenchmark.class.getName() + ".oneUser";

    @Test
    void theDeclaredWarmupComesFromTheBenchmarkListAndTheStandardOneFromItsPlan() {
        List<BenchmarkListEntry> selected = Selection.of(List.of("^" + DECODE + "$", "^" + ONE_USER + "$"), List.of());
        RowPlan rows = new RowPlan(Profile.STEADY, selected, PassPlan.plan(Profile.STEADY,
                JmhOptionsFactory.parseUserArgs(List.of()), selected));
        Map<String, WarmupPlan> plans = WarmupPlan.of(Map.of(WarmupPlan.METADATA_KEY, Warmups.of(rows)));
        assertEquals(new WarmupPlan(Optional.of("2 x 500 ms"), 1.0, 1.0, 0.1), plans.get(DECODE),
                "FormParsingBenchmark declares @Warmup(iterations = 2, time = 500 ms), which standard keeps");
        assertEquals(new WarmupPlan(Optional.empty(), Double.NaN, 0.5, 0.1), plans.get(ONE_USER),
                "nothing declared: the standard profile's 1 x 500 ms");
        assertTrue(plans.get(ONE_USER).declaredLength().isEmpty());
    }
}
