package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void threeAgainstThreeFullySeparatedIsExactlyOneTenth() {
        double[] base = {1, 2, 3};
        double[] cand = {4, 5, 6};
        MannWhitney.Result r = MannWhitney.test(base, cand);
        assertTrue(r.exact());
        assertEquals(9, r.u());
        assertEquals(0.1, r.p(), 1e-12); // 2 of C(6,3) = 20 arrangements
        // commons-math3 3.6.1 uses the normal approximation even here, and would call it significant
        assertEquals(0.0495, new MannWhitneyUTest().mannWhitneyUTest(base, cand), 1e-4);
    }

    @Test
    void smallestExactPValuesMatchTheCombinatorics() {
        assertEquals(2.0 / 70, MannWhitney.test(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}).p(), 1e-12);
        assertEquals(2.0 / 252, MannWhitney.test(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5}).p(),
                1e-12);
        assertEquals(0.1, MannWhitney.minimumP(3, 3), 1e-12);
        assertEquals(2.0 / 70, MannWhitney.minimumP(4, 4), 1e-12);
        assertEquals(2.0 / 56, MannWhitney.minimumP(3, 5), 1e-12);
        assertEquals(1, MannWhitney.minimumP(1, 1), 1e-12);
    }

    /** R's ?wilcox.test example from Hollander and Wolfe (1973), p. 69: W = 35, one-sided p = 0.1272. */
    @Test
    void hollanderWolfeExample() {
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        MannWhitney.Result r = MannWhitney.test(y, x); // U of x over y
        assertEquals(35, r.u());
        assertEquals(2 * 0.1272, r.p(), 2e-4); // no ties: the null distribution is symmetric
        assertTrue(r.exact());
    }

    @Test
    void tiesUseTheConditionalExactDistribution() {
        double[] base = {1, 2, 2, 3, 5};
        double[] cand = {2, 3, 3, 6, 7, 7};
        assertEquals(bruteForceP(base, cand), MannWhitney.test(base, cand).p(), 1e-12);
    }

    @Test
    void exactAgreesWithBruteForceOnRandomSamples() {
        Random rnd = new Random(7);
        for (int t = 0; t < 20; t++) {
            double[] a = new double[4 + rnd.nextInt(4)];
            double[] b = new double[4 + rnd.nextInt(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextInt(6);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(6) + rnd.nextInt(2);
            }
            assertEquals(bruteForceP(a, b), MannWhitney.test(a, b).p(), 1e-12);
        }
    }

    @Test
    void largeSamplesUseCommonsMath() {
        Random rnd = new Random(3);
        double[] a = rnd.doubles(30).toArray();
        double[] b = rnd.doubles(30).map(v -> v + 0.2).toArray();
        MannWhitney.Result r = MannWhitney.test(a, b);
        assertFalse(r.exact());
        assertEquals(new MannWhitneyUTest().mannWhitneyUTest(a, b), r.p(), 1e-15);
        // commons-math3 reports max(U1, U2); here the candidate is the larger sample
        assertEquals(new MannWhitneyUTest().mannWhitneyU(a, b), r.u(), 1e-9);
    }

    /** Two-sided p by enumerating every way to pick the candidate's ranks (mid-ranks for ties). */
    private static double bruteForceP(double[] base, double[] cand) {
        double[] all = new double[base.length + cand.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(cand, 0, all, base.length, cand.length);
        double[] ranks = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            double less = 0;
            double equal = 0;
            for (double v : all) {
                less += v < all[i] ? 1 : 0;
                equal += v == all[i] ? 1 : 0;
            }
            ranks[i] = less + (equal + 1) / 2;
        }
        double observed = 0;
        for (int i = base.length; i < all.length; i++) {
            observed += ranks[i];
        }
        int n = all.length;
        int k = cand.length;
        double mean = k * (n + 1) / 2.0;
        long extreme = 0;
        long total = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != k) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    s += ranks[i];
                }
            }
            total++;
            if (Math.abs(s - mean) >= Math.abs(observed - mean) - 1e-9) {
                extreme++;
            }
        }
        return (double) extreme / total;
    }
}
