package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.compare.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModeComparisonTest {
    static final Criteria CRITERIA = Criteria.defaults();
    static final double NOISE = 0.02;
    static final double FORK_SPREAD = 0.015;
    static final int SEEDS = 50;

    static Optional<ModeComparison.ModeVerdict> compare(double[] base, double[] candidate) {
        return ModeComparison.compare(base, candidate, NOISE, Direction.LOWER_IS_BETTER, CRITERIA, "ns");
    }

    static double[] forks(long seed, double[] locations, int... counts) {
        int n = java.util.Arrays.stream(counts).sum();
        return new Synthetic(seed).forks(n, FORK_SPREAD, locations, counts);
    }

    @Test
    void aMovedFastModeIsSlower() {
        double[] base = {150, 151, 149, 150.5, 149.5, 150.2, 200, 201, 199, 200.5};
        double[] candidate = {178.5, 179.5, 177.5, 179, 178, 178.7, 200, 201.5, 199, 200};
        assertEquals("SLOWER: the fast mode moved +19%", compare(base, candidate).orElseThrow().describe());
        int slower = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict v = compare(forks(2 * seed, new double[] {150, 200}, 6, 4),
                    forks(2 * seed + 1, new double[] {178.5, 200}, 6, 4)).orElseThrow().verdict();
            slower += v == Verdict.SLOWER ? 1 : 0;
        }
        assertTrue(slower >= SEEDS * 9 / 10, "flagged in " + slower + " of " + SEEDS);
    }

    @Test
    void forksMovingIntoTheSlowModeAreSlower() {
        double[] base = forks(3, new double[] {150, 200}, 10, 2);
        double[] candidate = forks(4, new double[] {150, 200}, 2, 10);
        assertEquals("SLOWER: 10 of 12 forks now land in the slow mode, 2 of 12 before",
                compare(base, candidate).orElseThrow().describe());
        assertEquals("FASTER: 10 of 12 forks now land in the fast mode, 2 of 12 before",
                compare(candidate, base).orElseThrow().describe());
        int slower = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict v = compare(forks(2 * seed, new double[] {150, 200}, 10, 2),
                    forks(2 * seed + 1, new double[] {150, 200}, 2, 10)).orElseThrow().verdict();
            slower += v == Verdict.SLOWER ? 1 : 0;
        }
        assertTrue(slower >= SEEDS * 9 / 10, "flagged in " + slower + " of " + SEEDS);
    }

    /**
     * Both sides drawn from one bimodal row (60% of forks near 150, 40% near 200), fork counts per
     * mode left to chance: the issue asks that this stays SAME, here at most 1 pair in 50 flagged.
     * Measured: about 1 in 100; with the two questions' level four times too loose, about 1 in 25.
     */
    @Test
    void aResampledAaStaysSame() {
        int pairs = 500;
        int flagged = 0;
        int compared = 0;
        for (int seed = 0; seed < pairs; seed++) {
            Synthetic s = new Synthetic(seed);
            double[] base = s.mixture(10, FORK_SPREAD, 150, 200, 0.6);
            double[] candidate = s.mixture(10, FORK_SPREAD, 150, 200, 0.6);
            Optional<ModeComparison.ModeVerdict> v = compare(base, candidate);
            compared += v.isPresent() ? 1 : 0;
            flagged += v.map(m -> m.verdict() == Verdict.FASTER || m.verdict() == Verdict.SLOWER ? 1 : 0).orElse(0);
        }
        assertTrue(compared >= pairs * 9 / 10, "mode-aware in " + compared + " of " + pairs);
        assertTrue(flagged <= pairs / 50, flagged + " of " + pairs + " A/A pairs flagged");
    }

    /** Four of five forks slow where one was: Fisher's p is 0.21, so five forks a side cannot call it. */
    @Test
    void fiveForksASideCannotCallFourOfFive() {
        ModeComparison.ModeVerdict v = compare(new double[] {150, 151, 149, 150.5, 200}, new double[] {150, 199, 201, 200.5, 198})
                .orElseThrow();
        assertEquals("SAME: no significant change: the fast mode -0.2%, the slow mode -0.1%; forks per mode 4/1 before, 1/4 now"
                + " (p 1.000, 0.206)", v.describe());
        assertEquals(0.2063492, v.splitP(), 1e-6);
    }

    @Test
    void tooFewForksPerModeIsUnknownNotSame() {
        ModeComparison.ModeVerdict v = compare(new double[] {150, 151, 200}, new double[] {149.5, 150.5, 201}).orElseThrow();
        assertEquals(Verdict.UNKNOWN, v.verdict(), v::describe);
        assertTrue(v.reason().startsWith("too few forks per mode to tell (2/1 before, 2/1 now)"), v::describe);
    }

    @Test
    void withoutModesOnEitherSideTheRowsRankTestStands() {
        assertTrue(compare(forks(9, new double[] {150}, 5), forks(10, new double[] {160}, 5)).isEmpty());
    }

    /** One side with modes, the other without: the lone side's forks join the nearest mode. */
    @Test
    void aSideWithoutModesIsPlacedInTheOthersModes() {
        ModeComparison.ModeVerdict v = compare(forks(11, new double[] {150}, 12), forks(12, new double[] {150, 200}, 2, 10))
                .orElseThrow();
        assertEquals("SLOWER: 10 of 12 forks now land in the slow mode, 0 of 12 before", v.describe());
    }
    /**
     * The +20% decoder plant's seed row (plant-b1): three base forks sat in a slow level, the planted
     * candidate's ten forks in one mode about midway. Placed fork by fork into the nearest base mode they
     * read "the fast mode +19%, the slow mode -10%" and cancelled; matched as one moved level they are the
     * fast mode moved.
     */
    @Test
    void aOneModeSideBetweenTheOthersModesIsOneMovedMode() {
        double[] base = {112, 114, 114, 114, 114, 117, 118, 167, 167, 168};
        double[] candidate = {135, 135, 139, 141, 142, 146, 153, 153, 167, 170};
        ModeComparison.ModeVerdict v = compare(base, candidate).orElseThrow();
        assertEquals("SLOWER: the fast mode moved +26%", v.describe());
        assertEquals("FASTER: the fast mode moved -21%", compare(candidate, base).orElseThrow().describe());
        int slower = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict verdict = compare(forks(2 * seed, new double[] {150, 200}, 7, 3),
                    forks(2 * seed + 1, new double[] {175}, 10)).orElseThrow().verdict();
            slower += verdict == Verdict.SLOWER ? 1 : 0;
        }
        assertTrue(slower >= SEEDS * 9 / 10, "flagged in " + slower + " of " + SEEDS);
    }

    /** The same row unchanged, its candidate's forks all in the base's main mode this time: no change. */
    @Test
    void aOneModeSideInTheOthersMainModeStaysSame() {
        int flagged = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Verdict verdict = compare(forks(2 * seed, new double[] {150, 200}, 7, 3),
                    forks(2 * seed + 1, new double[] {150}, 10)).orElseThrow().verdict();
            flagged += verdict == Verdict.SLOWER || verdict == Verdict.FASTER ? 1 : 0;
        }
        assertTrue(flagged <= 1, "flagged in " + flagged + " of " + SEEDS);
    }
}
