package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kalibera and Jones' two-level estimators on forks whose answers are worked out by hand, and the
 * forks a spread needs for a width.
 */
class VarianceSplitTest {
    /**
     * Three forks of three iterations: 9 10 11 (mean 10), 11 12 13 (12), 13 14 15 (14); grand mean 12.
     * S²_1 = (2 + 2 + 2) / (3 · 2) = 1; S²_2 = ((10-12)² + 0 + (14-12)²) / 2 = 4;
     * T²_1 = 1, T²_2 = 4 - 1/3 = 11/3, both over 12² = 144 relative.
     * With a fork costing c_2 = 11 s beyond its measurement and an iteration c_1 = 0.5 s:
     * r_1 = sqrt(c_2 · T²_1 / (c_1 · T²_2)) = sqrt(11 · 1 / (0.5 · 11/3)) = sqrt(6) = 2.449..., so 3 iterations.
     * Between forks: (11/3) / (1 + 11/3) = 11/14 of one iteration's variance.
     */
    @Test
    void theWorkedExample() {
        VarianceSplit.Run run = VarianceSplit.Run.of(List.of(List.of(9.0, 10.0, 11.0), List.of(11.0, 12.0, 13.0),
                List.of(13.0, 14.0, 15.0))).orElseThrow();
        assertEquals(1.0 / 144, run.within(), 1e-12);
        assertEquals(4.0 / 144, run.forkMeans(), 1e-12);
        assertEquals(6, run.withinDf());
        VarianceSplit split = VarianceSplit.pool(List.of(run)).orElseThrow();
        assertEquals(1.0 / 144, split.within(), 1e-12);
        assertEquals(11.0 / 3 / 144, split.between(), 1e-12);
        assertEquals(Math.sqrt(6), split.optimalIterations(11, 0.5), 1e-9);
        assertEquals(11.0 / 14, split.betweenShare(), 1e-12);
        assertEquals(11.0 / 3 / 144 + 1.0 / 144 / 3, split.forkVariance(3), 1e-12, "T²_2 + T²_1 / r");
    }

    @Test
    void runsAtAnotherLevelPoolAsTheSameRelativeSplit() {
        VarianceSplit.Run base = VarianceSplit.Run.of(List.of(List.of(9.0, 10.0, 11.0), List.of(11.0, 12.0, 13.0),
                List.of(13.0, 14.0, 15.0))).orElseThrow();
        VarianceSplit.Run doubled = VarianceSplit.Run.of(List.of(List.of(18.0, 20.0, 22.0), List.of(22.0, 24.0, 26.0),
                List.of(26.0, 28.0, 30.0))).orElseThrow();
        VarianceSplit one = VarianceSplit.pool(List.of(base)).orElseThrow();
        VarianceSplit two = VarianceSplit.pool(List.of(base, doubled)).orElseThrow();
        assertEquals(one.within(), two.within(), 1e-12);
        assertEquals(one.between(), two.between(), 1e-12);
        assertEquals(2, two.runs());
    }

    @Test
    void allBetweenForksAsksNoSecondIterationAndAllWithinAsksNoEnd() {
        VarianceSplit between = VarianceSplit.pool(List.of(VarianceSplit.Run.of(List.of(List.of(90.0, 90.0),
                List.of(110.0, 110.0), List.of(100.0, 100.0))).orElseThrow())).orElseThrow();
        assertEquals(0, between.within(), 1e-15);
        assertEquals(0, between.optimalIterations(5, 0.5), 1e-12);
        assertEquals(1, between.betweenShare(), 1e-12);
        VarianceSplit within = VarianceSplit.pool(List.of(VarianceSplit.Run.of(List.of(List.of(90.0, 110.0),
                List.of(110.0, 90.0), List.of(90.0, 110.0))).orElseThrow())).orElseThrow();
        assertTrue(within.between() < 0, "S²_2 = 0 less T²_1 / r: below 0, read as 0");
        assertEquals(Double.POSITIVE_INFINITY, within.optimalIterations(5, 0.5));
        assertEquals(0, within.betweenShare(), 1e-12);
    }

    @Test
    void aRowWithoutTwoIterationsSaysNothingOfWithin() {
        assertTrue(VarianceSplit.Run.of(List.of(List.of(1.0, 2.0))).isEmpty(), "one fork");
        VarianceSplit.Run single = VarianceSplit.Run.of(List.of(List.of(100.0), List.of(110.0))).orElseThrow();
        assertTrue(Double.isNaN(single.within()));
        assertTrue(VarianceSplit.pool(List.of(single)).isEmpty(), "no run to say T²_1");
    }

    /**
     * A spread of 3% (relative variance 0.0009) and a width of 10%: n = (2 · 1.96 · sqrt(π/2) · 0.03 / 0.10)² =
     * 1.474² = 2.17, so 3 forks; at 1% width about 217.2, so 218.
     */
    @Test
    void theForksForAWidthFollowTheMediansNormalInterval() {
        assertEquals(3, VarianceSplit.forksFor(0.10, 0.0009));
        assertEquals(218, VarianceSplit.forksFor(0.01, 0.0009));
        assertEquals(1, VarianceSplit.forksFor(0.10, 0));
    }
}
