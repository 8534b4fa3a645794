package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkModesTest {
    static final Direction TIME = Direction.LOWER_IS_BETTER;
    /** Iteration noise inside a quiet fork: p90 - p10 of about 2%. */
    static final double QUIET = 0.02;
    static final int SEEDS = 200;

    static ForkModes modes(double noise, double... levels) {
        return ForkModes.of(levels, noise, TIME);
    }

    @Test
    void threeForksAtOneLevelAndTwoAtAnotherAreTwoModes() {
        ForkModes m = modes(QUIET, 150, 199, 151, 149, 203);
        assertEquals("2 modes: 3 forks near 150 ns, 2 near 201 ns", m.describe("ns"));
        assertEquals(List.of(0, 2, 3), m.modes().get(0).forks().stream().sorted().toList());
        assertEquals(1, m.modeOf(1));
    }

    /** The issue's rows: Tomcat at 3195cc7, the decoder on a busy machine, Jetty's spread, lichess. */
    @Test
    void theRowsTheIssueQuotes() {
        assertEquals("2 modes: 3 forks near 590 ns, 2 near 1,069 ns", modes(QUIET, 590, 588, 595, 1005, 1133).describe("ns"));
        assertEquals("2 modes: 2 forks near 170 ns, 3 near 1,593 ns", modes(QUIET, 150, 1278, 1593, 189, 2332).describe("ns"));
        assertEquals("1 mode: 5 forks near 2,483 ns", modes(QUIET, 4958, 2483, 1459, 3504, 1237).describe("ns"));
        assertEquals("2 modes: 1 fork near 5.66 ms, 9 near 7.00 ms",
                modes(QUIET, 7.0, 7.0, 7.01, 6.99, 7.0, 7.02, 6.98, 7.0, 7.0, 5.66).describe("ms"));
    }

    /** A fork halfway between two modes is in neither: no mode's count or location takes it in. */
    @Test
    void aForkBetweenTwoModesIsCountedInNeither() {
        ForkModes m = modes(QUIET, 150, 151, 149, 150.5, 200, 201, 199, 200.5, 175);
        assertEquals("2 modes: 4 forks near 150 ns, 4 near 200 ns; 1 fork between", m.describe("ns"));
        assertEquals(List.of(8), m.between());
        assertEquals(-1, m.modeOf(8));
        assertEquals(1, m.nearestMode(8), "175 ns is nearer 200 ns than 150 ns on the log scale");
    }

    /** A mode's reach is a third of the way to the next mode, or its own forks' Hampel spread where wider. */
    @Test
    void aForkWithinItsModesReachIsHeld() {
        ForkModes m = modes(QUIET, 150, 151, 149, 150.5, 162, 200, 201, 199, 200.5);
        assertEquals(List.of(), m.between(), "162 ns is 8% from 150 ns, under a third of the 29% (log) to 200 ns");
        assertEquals("2 modes: 5 forks near 151 ns, 4 near 200 ns", m.describe("ns"));
        assertEquals(List.of(), modes(QUIET, 590, 588, 595, 1005, 1133).between(), "Tomcat's slow mode spreads 12%");
    }

    @Test
    void evenlySpreadForksAreOneMode() {
        assertFalse(modes(QUIET, 100, 110, 120, 130, 140).multimodal());
    }

    @Test
    void threeClustersAreThreeModes() {
        ForkModes m = modes(QUIET, 100, 101, 99, 100.5, 150, 151, 149, 150.5, 250, 252, 248, 251);
        assertEquals("3 modes: 4 forks near 100 ns, 4 near 150 ns, 4 near 251 ns", m.describe("ns"));
    }

    /** Levels nearer than the band are one mode: the minimum separation, or 3 (p90 - p10) of the noise. */
    @Test
    void levelsWithinTheBandAreOneMode() {
        assertFalse(modes(QUIET, 150, 150.2, 149.9, 154, 154.2).multimodal(), "2.7% apart: below the 5% floor");
        assertTrue(modes(QUIET, 150, 150.2, 149.9, 165, 165.2).multimodal(), "10% apart, quiet forks");
        assertFalse(modes(0.05, 150, 150.2, 149.9, 165, 165.2).multimodal(), "10% apart, forks noisier than that");
    }

    @Test
    void throughputModesAreListedFastestFirst() {
        ForkModes m = ForkModes.of(new double[] {1.0 / 150, 1.0 / 200, 1.0 / 151, 1.0 / 149, 1.0 / 201}, QUIET,
                Direction.HIGHER_IS_BETTER);
        assertEquals(3, m.modes().get(0).count());
        assertEquals(1.0 / 150, m.modes().get(0).location(), 1e-6);
    }

    /**
     * Seeded rows from one level: with 3% fork-to-fork spread few are called modal (the 5% floor
     * stops most); with 10% about the test's level.
     */
    @Test
    void oneLevelIsRarelyCalledTwoModes() {
        for (int forks : new int[] {5, 8, 12}) {
            assertTrue(modal(forks, 0.03) <= SEEDS * 0.03, forks + " forks, 3% spread: " + modal(forks, 0.03) + " modal");
            assertTrue(modal(forks, 0.10) <= SEEDS * 0.10, forks + " forks, 10% spread: " + modal(forks, 0.10) + " modal");
        }
    }

    private static int modal(int forks, double spread) {
        int modal = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] levels = new Synthetic(seed).forks(forks, spread, new double[] {150}, new int[] {forks});
            modal += modes(QUIET, levels).multimodal() ? 1 : 0;
        }
        return modal;
    }

    /** Seeded rows from two levels 33% apart, 3 + 2 forks or 5 + 3: almost always two modes, counted right. */
    @Test
    void twoLevelsAreFoundWithTheirCounts() {
        int[][] splits = {{3, 2}, {5, 3}};
        for (int[] split : splits) {
            int found = 0;
            for (int seed = 0; seed < SEEDS; seed++) {
                double[] levels = new Synthetic(seed).forks(split[0] + split[1], 0.02, new double[] {150, 200}, split);
                ForkModes m = modes(QUIET, levels);
                boolean right = m.modes().size() == 2 && m.modes().get(0).count() == split[0];
                found += right ? 1 : 0;
            }
            assertTrue(found >= SEEDS * 0.9, split[0] + " + " + split[1] + ": found in " + found + " of " + SEEDS);
        }
    }

    @Test
    void theNoiseInsideForksIsReadFromNeighbours() {
        double[] a = new Synthetic(1).steps(200, 0.01, 150, 0);
        double[] b = new Synthetic(2).steps(200, 0.01, 300, 0, 330, 100);
        double noise = ForkModes.noise(List.of(a, b), TIME);
        // p90 - p10 of normal noise with sigma 1% is 2.56%; the step inside b is not noise
        assertEquals(0.0256, noise, 0.004);
    }

    @Test
    void criticalValuesFallWithTheForkCount() {
        assertTrue(ClusterTest.critical(5, 2) > ClusterTest.critical(8, 2));
        assertTrue(ClusterTest.critical(8, 2) > ClusterTest.critical(12, 2));
        assertTrue(ClusterTest.critical(8, 3) > ClusterTest.critical(8, 2), "a third group always explains more");
        // Engelman and Hartigan's statistic for 5 normal values: about 25 at the 5% level
        assertEquals(25, ClusterTest.critical(5, 2), 3);
    }
}
