package dev.taskbench.stability;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Engelman and Hartigan's test for clusters ("Percentage points of a test for clusters", JASA 1969)
 * on a few sorted values, for {@link ForkModes}: the best partition into two (or three) runs, the
 * ratio of the between-group to the within-group sum of squares, and that ratio's 1 - alpha quantile
 * for one normal sample of the same size, simulated once per size from seeded samples rather than
 * read from the 1969 tables.
 */
final class ClusterTest {
    static final double ALPHA = 0.05;
    /** The three-group step's level: with the two-group step's, about {@value #ALPHA} in all. */
    static final double ALPHA_THREE = 0.01;
    static final int NULL_SAMPLES = 20_000;
    static final long NULL_SEED = 19_690_601L;
    private static final Map<Integer, Double> CRITICAL = new ConcurrentHashMap<>();

    private ClusterTest() {
    }

    /** The run boundaries: 0, the cuts, n. */
    static int[] bounds(int[] cuts, int n) {
        int[] b = new int[cuts.length + 2];
        System.arraycopy(cuts, 0, b, 1, cuts.length);
        b[b.length - 1] = n;
        return b;
    }

    /** The cuts of the sorted values into two or three runs with the least within-group sum of squares. */
    static int[] bestPartition(double[] sorted, int groups) {
        Squares sq = new Squares(sorted);
        int n = sorted.length;
        int[] best = null;
        double bestWithin = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            if (groups == 2) {
                double w = sq.of(0, i) + sq.of(i, n);
                if (w < bestWithin) {
                    bestWithin = w;
                    best = new int[] {i};
                }
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                double w = sq.of(0, i) + sq.of(i, j) + sq.of(j, n);
                if (w < bestWithin) {
                    bestWithin = w;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    /** Sums of squares about the mean of any run, from prefix sums of the centred values. */
    private static final class Squares {
        private final double[] sum;
        private final double[] squares;

        Squares(double[] v) {
            double mean = mean(v, 0, v.length);
            sum = new double[v.length + 1];
            squares = new double[v.length + 1];
            for (int i = 0; i < v.length; i++) {
                sum[i + 1] = sum[i] + (v[i] - mean);
                squares[i + 1] = squares[i] + (v[i] - mean) * (v[i] - mean);
            }
        }

        double of(int from, int to) {
            double s = sum[to] - sum[from];
            return Math.max(0, squares[to] - squares[from] - s * s / (to - from));
        }
    }

    /** Between-group over within-group sum of squares; infinite for tight groups that differ. */
    static double statistic(double[] sorted, int[] cuts) {
        double mean = mean(sorted, 0, sorted.length);
        double total = squares(sorted, 0, sorted.length, mean);
        double within = within(sorted, cuts);
        if (within <= 0) {
            return total > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return (total - within) / within;
    }

    private static double within(double[] sorted, int[] cuts) {
        Squares sq = new Squares(sorted);
        int[] b = bounds(cuts, sorted.length);
        double w = 0;
        for (int g = 0; g + 1 < b.length; g++) {
            w += sq.of(b[g], b[g + 1]);
        }
        return w;
    }

    /** The 1 - alpha quantile of the best partition's ratio in n normal values, simulated once per size. */
    static double critical(int n, int groups) {
        return CRITICAL.computeIfAbsent(n * 10 + groups, key -> simulate(n, groups));
    }

    private static double simulate(int n, int groups) {
        RandomGenerator rng = new MersenneTwister(NULL_SEED + n * 10L + groups);
        double[] stats = new double[NULL_SAMPLES / groups];
        double[] s = new double[n];
        for (int r = 0; r < stats.length; r++) {
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextGaussian();
            }
            Arrays.sort(s);
            stats[r] = statistic(s, bestPartition(s, groups));
        }
        return Spread.percentile(stats, 100 * (1 - (groups == 2 ? ALPHA : ALPHA_THREE)));
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }

    private static double squares(double[] v, int from, int to, double mean) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (v[i] - mean) * (v[i] - mean);
        }
        return sum;
    }
}
