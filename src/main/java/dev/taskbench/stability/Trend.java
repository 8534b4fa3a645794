package dev.taskbench.stability;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether a stretch of a fork's iterations is still falling: Mann's test for a monotonic trend (Mann 1945,
 * Kendall 1975; the tie-corrected variance of Hipel and McLeod, "Time Series Modelling of Water Resources and
 * Environmental Systems", 1994, ch. 23), sized by Sen's slope (Sen 1968, the median of the pairwise slopes). A
 * change-point search reads a slow drift under noisy iterations as one level; these two read it as a drift,
 * neither assumes the noise is normal, and one stray iteration moves neither.
 */
final class Trend {
    /** Fewest iterations the test is asked of; fewer say nothing. */
    static final int MIN_VALUES = 8;
    /** One-sided 5%: the stretch falls, not merely moves. */
    static final double ALPHA = 0.05;
    private static final double Z_CRITICAL = new NormalDistribution().inverseCumulativeProbability(1 - ALPHA);

    private Trend() {
    }

    /**
     * Mann-Kendall's S: over every pair i &lt; j, the sign of {@code y[j] - y[i]}.
     *
     * @param y the values in time order
     */
    static long s(double[] y) {
        long s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                s += Double.compare(y[j], y[i]);
            }
        }
        return s;
    }

    /** The variance of S with no trend, less what tied values take away: (n(n-1)(2n+5) - sum t(t-1)(2t+5)) / 18. */
    static double variance(double[] y) {
        int n = y.length;
        double v = (double) n * (n - 1) * (2 * n + 5);
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            int t = j - i;
            v -= (double) t * (t - 1) * (2 * t + 5);
            i = j;
        }
        return v / 18;
    }

    /** The normal score of S with the continuity correction: (S - sign S) / sqrt(var S); 0 for S = 0. */
    static double z(double[] y) {
        long s = s(y);
        double v = variance(y);
        if (s == 0 || !(v > 0)) {
            return 0;
        }
        return (s - Long.signum(s)) / Math.sqrt(v);
    }

    /** Sen's slope: the median over every pair i &lt; j of {@code (y[j] - y[i]) / (x[j] - x[i])}. */
    static double senSlope(double[] x, double[] y) {
        int n = y.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        return Spread.median(slopes);
    }

    /**
     * True when these iterations (log time, at positions {@code x}) fall, by Mann's one-sided test at
     * {@value #ALPHA}, and by more than {@code tolerance} (log) from the first position to the last along Sen's
     * slope: significant and large enough to matter. False for fewer than {@value #MIN_VALUES}.
     */
    static boolean falling(double[] x, double[] y, double tolerance) {
        if (y.length < MIN_VALUES) {
            return false;
        }
        return z(y) < -Z_CRITICAL && -senSlope(x, y) * (x[x.length - 1] - x[0]) > tolerance;
    }
}
