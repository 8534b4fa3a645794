package dev.taskbench.stability;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.ModeTest;
import dev.taskbench.results.BenchmarkResult;
import java.util.Optional;

/**
 * The comparison's test for a row with modes on either side: {@link ModeComparison} on the two
 * sides' fork levels ({@link RowStability}), given to {@code compare.Comparison} by the layer that
 * calls it, so that package never depends on this one.
 */
public final class ByModes implements ModeTest {
    /** Steadiness is not asked here, so the iteration time does not matter. */
    private static final double ANY_ITERATION_SECONDS = 1;

    @Override
    public Optional<Outcome> test(BenchmarkResult base, BenchmarkResult candidate, Criteria criteria) {
        Optional<RowStability> b = RowStability.of(base, ANY_ITERATION_SECONDS);
        Optional<RowStability> c = RowStability.of(candidate, ANY_ITERATION_SECONDS);
        if (b.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        return b.get().compareModes(c.get(), criteria)
                .map(v -> new Outcome(v.verdict(), v.p(), v.floorP(), v.reason()));
    }
}
