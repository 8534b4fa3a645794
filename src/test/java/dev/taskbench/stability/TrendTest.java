package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mann's trend test and Sen's slope against answers computed independently (SciPy's kendalltau and theilslopes). */
class TrendTest {
    private static final double[] FALLING = {5.2, 5.0, 5.3, 4.9, 4.7, 4.8, 4.5, 4.6, 4.3, 4.4, 4.1, 4.2};
    private static final double[] TIED = {3.0, 2.5, 2.5, 2.0, 2.5, 1.5, 1.5, 1.0};

    private static double[] positions(int n) {
        return IntStream.range(0, n).asDoubleStream().toArray();
    }

    /** SciPy: kendalltau(range(12), FALLING) is tau -0.818, S = tau n(n-1)/2 = -54; theilslopes -0.1. */
    @Test
    void aNoisyFallMatchesSciPy() {
        assertEquals(-54, Trend.s(FALLING));
        assertEquals(12 * 11 * 29 / 18.0, Trend.variance(FALLING), 1e-9);
        assertEquals(-53 / Math.sqrt(12 * 11 * 29 / 18.0), Trend.z(FALLING), 1e-12);
        assertEquals(-0.1, Trend.senSlope(positions(12), FALLING), 1e-12);
    }

    /** Ties shrink S's variance: three values of 2.5 and two of 1.5; SciPy's tau-b -0.8487 over sqrt(28 x 24) is S -22. */
    @Test
    void tiesAreTakenOutOfTheVariance() {
        assertEquals(-22, Trend.s(TIED));
        assertEquals((8 * 7 * 21 - 3 * 2 * 11 - 2 * 1 * 9) / 18.0, Trend.variance(TIED), 1e-9);
        assertEquals(-0.25, Trend.senSlope(positions(8), TIED), 1e-12);
    }

    @Test
    void aFlatOrRisingStretchIsNotFalling() {
        double[] flat = new Synthetic(7).steps(40, 0.05, 100, 0);
        double[] logs = java.util.Arrays.stream(flat).map(Math::log).toArray();
        assertFalse(Trend.falling(positions(40), logs, Math.log1p(0.10)));
        double[] rising = IntStream.range(0, 40).mapToDouble(i -> Math.log(100 + 2 * i)).toArray();
        assertFalse(Trend.falling(positions(40), rising, Math.log1p(0.10)));
    }

    /** Significant is not enough: a steady fall of 5% in all is real but within the tolerance; 30% is not. */
    @Test
    void aFallMustBeSignificantAndLargerThanTheTolerance() {
        double[] small = IntStream.range(0, 40).mapToDouble(i -> Math.log(100 - 5.0 * i / 39)).toArray();
        assertTrue(Trend.z(small) < -5);
        assertFalse(Trend.falling(positions(40), small, Math.log1p(0.10)));
        double[] large = IntStream.range(0, 40).mapToDouble(i -> Math.log(100 - 30.0 * i / 39)).toArray();
        assertTrue(Trend.falling(positions(40), large, Math.log1p(0.10)));
    }

    @Test
    void tooFewValuesSayNothing() {
        double[] seven = {7, 6, 5, 4, 3, 2, 1};
        assertFalse(Trend.falling(positions(7), seven, 0.01));
        assertEquals(0, Trend.z(new double[] {1, 1, 1}));
    }
}
