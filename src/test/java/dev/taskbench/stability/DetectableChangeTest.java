package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.compare.MannWhitney;
import org.junit.jupiter.api.Test;

class DetectableChangeTest {
    static final Criteria CRITERIA = Criteria.defaults();

    /**
     * The known answer it must give: shifted by what it says it can see, the suite's own exact
     * Mann-Whitney test flags about 80% of seeded pairs at that fork count.
     */
    @Test
    void whatItSaysItCanSeeTheRankTestSeesFourTimesInFive() {
        double spread = 0.04;
        int forks = 10;
        DetectableChange d = DetectableChange.ofSpread(spread, CRITERIA, 1);
        double change = d.at(forks).orElseThrow();
        int seen = 0;
        int pairs = 400;
        for (int seed = 0; seed < pairs; seed++) {
            Synthetic s = new Synthetic(seed);
            double[] base = s.forks(forks, spread, new double[] {100}, new int[] {forks});
            double[] candidate = s.forks(forks, spread, new double[] {100 * (1 + change)}, new int[] {forks});
            seen += MannWhitney.test(base, candidate).p() <= CRITERIA.alpha() ? 1 : 0;
        }
        double power = (double) seen / pairs;
        assertTrue(power > 0.72 && power < 0.88, "seen in " + seen + " of " + pairs + " at " + change);
    }

    /** Each side about its own mean: a shift between the sides is no spread, and equal sides pool to their own spread. */
    @Test
    void thePooledSpreadOfTwoSidesLeavesTheirDifferenceOut() {
        double[] base = {100, 102, 98, 101, 99};
        double[] shifted = java.util.Arrays.stream(base).map(x -> x * 1.5).toArray();
        DetectableChange one = DetectableChange.of(base, dev.taskbench.compare.Direction.LOWER_IS_BETTER, CRITERIA, 1);
        DetectableChange two = DetectableChange.pooled(base, shifted, dev.taskbench.compare.Direction.LOWER_IS_BETTER,
                CRITERIA, 1);
        assertEquals(one.spread(), two.spread(), 1e-12);
        double[] flat = {100, 100, 100, 100, 100};
        DetectableChange half = DetectableChange.pooled(base, flat, dev.taskbench.compare.Direction.LOWER_IS_BETTER,
                CRITERIA, 1);
        assertEquals(one.spread() / Math.sqrt(2), half.spread(), 1e-12);
    }

    @Test
    void moreForksSeeLessAndMoreRowsMore() {
        DetectableChange one = DetectableChange.ofSpread(0.05, CRITERIA, 1);
        assertTrue(one.at(10).orElseThrow() < one.at(5).orElseThrow());
        DetectableChange many = DetectableChange.ofSpread(0.05, CRITERIA, 20);
        assertTrue(many.at(10).orElseThrow() > one.at(10).orElseThrow());
    }

    @Test
    void aQuietRowSeesTheMinimumEffectAndNoLess() {
        DetectableChange d = DetectableChange.of(new double[] {150, 150.1, 149.9, 150, 150.05}, Direction.LOWER_IS_BETTER,
                CRITERIA, 1);
        assertEquals(CRITERIA.minEffect(), d.at(5).orElseThrow(), 1e-12);
        assertEquals("can see \u00b15.0% at 5 forks (the minimum effect)", d.describe(5));
    }

    /** The standard profile's design: 5 forks a side among about 110 rows cannot flag a lone row. */
    @Test
    void aDesignWhoseExactTestCannotReachAlphaSeesNothing() {
        DetectableChange d = DetectableChange.ofSpread(0.02, CRITERIA, 110);
        assertTrue(d.at(5).isEmpty());
        assertFalse(d.sees(0.5, 5));
        assertEquals("cannot see any change at 5 forks among 110 rows (best q 0.873): 8 could", d.describe(5));
        assertTrue(d.at(8).isPresent());
    }

    @Test
    void theForksForAChangeAreTheFewestThatSeeIt() {
        DetectableChange d = DetectableChange.ofSpread(0.06, CRITERIA, 1);
        int n = d.forksFor(0.10);
        assertTrue(d.sees(0.10, n));
        assertFalse(d.sees(0.10, n - 1));
        assertEquals("can see \u00b1" + String.format(java.util.Locale.ROOT, "%.1f", d.at(n).orElseThrow() * 100) + "% at "
                + n + " forks", d.describe(n));
    }

    @Test
    void aSpreadRowSeesLittle() {
        DetectableChange d = DetectableChange.of(new double[] {4958, 2483, 1459, 3504, 1237}, Direction.LOWER_IS_BETTER,
                CRITERIA, 1);
        assertTrue(d.at(5).orElseThrow() > 1, "forks 4x apart: a change under 100% is not seen at 5 forks");
        assertFalse(d.sees(0.10, 20));
    }
}
