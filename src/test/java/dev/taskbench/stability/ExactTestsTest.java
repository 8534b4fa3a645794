package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.compare.MannWhitney;
import java.util.List;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

class ExactTestsTest {

    /** Two-sided Fisher on a 2 x 2 table from commons-math3's hypergeometric law, summed by hand. */
    static double fisher2x2(int a, int b, int c, int d) {
        HypergeometricDistribution h = new HypergeometricDistribution(null, a + b + c + d, a + c, a + b);
        double observed = h.probability(a);
        double p = 0;
        for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
            p += h.probability(x) <= observed * (1 + 1e-7) ? h.probability(x) : 0;
        }
        return p;
    }

    @Test
    void twoByTwoIsFishersExactTest() {
        assertEquals(fisher2x2(4, 1, 1, 4), ExactTests.fisher(new int[] {4, 1}, new int[] {1, 4}).p(), 1e-12);
        assertEquals(0.2063492, ExactTests.fisher(new int[] {4, 1}, new int[] {1, 4}).p(), 1e-6); // R: fisher.test
        assertEquals(fisher2x2(10, 2, 2, 10), ExactTests.fisher(new int[] {10, 2}, new int[] {2, 10}).p(), 1e-12);
        assertEquals(2.0 / 252, ExactTests.fisher(new int[] {4, 1}, new int[] {1, 4}).minP(), 1e-12);
        assertEquals(1, ExactTests.fisher(new int[] {3, 2}, new int[] {3, 2}).p(), 1e-12);
    }

    /** 2 x 3 against every way of choosing which forks are the base's, counted by brute force. */
    @Test
    void twoByThreeCountsEveryTableWithTheSameMargins() {
        int[] base = {3, 1, 0};
        int[] candidate = {0, 2, 3};
        int[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 2}; // each fork's column
        int[] observed = tableOf(0b000001111, labels);
        assertEquals(List.of(3, 1, 0), List.of(observed[0], observed[1], observed[2]));
        double pObserved = probability(observed, labels);
        double p = 0;
        int chosen = 0;
        for (int mask = 0; mask < 1 << labels.length; mask++) {
            if (Integer.bitCount(mask) == 4) {
                chosen++;
                double q = probability(tableOf(mask, labels), labels);
                p += q <= pObserved * (1 + 1e-7) ? 1 : 0;
            }
        }
        assertEquals(p / chosen, ExactTests.fisher(base, candidate).p(), 1e-12);
    }

    private static int[] tableOf(int mask, int[] labels) {
        int[] t = new int[3];
        for (int i = 0; i < labels.length; i++) {
            t[labels[i]] += (mask >> i & 1);
        }
        return t;
    }

    /** How many base-sets give this first row, over all base-sets: the hypergeometric probability. */
    private static double probability(int[] row, int[] labels) {
        int same = 0;
        int all = 0;
        for (int mask = 0; mask < 1 << labels.length; mask++) {
            if (Integer.bitCount(mask) == 4) {
                all++;
                same += java.util.Arrays.equals(tableOf(mask, labels), row) ? 1 : 0;
            }
        }
        return (double) same / all;
    }

    @Test
    void oneStratumIsTheExactMannWhitneyTest() {
        double[] b = {150, 151, 149, 152, 150.5};
        double[] c = {178, 180, 176, 151.5, 179};
        ExactTests.Stratified s = ExactTests.vanElteren(List.of(b), List.of(c));
        assertEquals(MannWhitney.test(b, c).p(), s.p(), 1e-12);
        assertEquals(2.0 / 252, s.minP(), 1e-12);
        assertEquals(true, s.statistic() > s.expected());
    }

    /** Two strata fully separated: both orderings of both strata are the only ones as extreme. */
    @Test
    void stratumByStratumTheExtremesMultiply() {
        List<double[]> b = List.of(new double[] {1, 2, 3}, new double[] {10, 11});
        List<double[]> c = List.of(new double[] {4, 5, 6}, new double[] {12, 13});
        ExactTests.Stratified s = ExactTests.vanElteren(b, c);
        // P(both strata fully separated upward) = 1/C(6,3) * 1/C(4,2); two-sided doubles it
        assertEquals(2.0 / 20 / 6, s.p(), 1e-12);
        assertEquals(s.p(), s.minP(), 1e-12);
        assertEquals(1, ExactTests.vanElteren(List.of(new double[] {1}), List.of(new double[0])).p(), 1e-12);
    }
}
