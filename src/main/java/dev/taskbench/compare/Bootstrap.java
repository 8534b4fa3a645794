package dev.taskbench.compare;

import java.util.Arrays;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Percentile bootstrap over fork scores. Each replicate resamples the forks of each side
 * with replacement (sizes kept) and takes the statistic; the interval is the replicates'
 * (1-c)/2 and (1+c)/2 quantiles. The generator is a seeded Mersenne Twister, so the same
 * input and seed give the same interval on every JVM.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** Replicates of median(candidate*)/median(base*), in generation order. */
    public static double[] ratioOfMediansReplicates(double[] base, double[] candidate, int resamples, long seed) {
        RandomGenerator rng = new MersenneTwister(seed);
        double[] b = new double[base.length];
        double[] c = new double[candidate.length];
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            resample(base, b, rng);
            resample(candidate, c, rng);
            out[r] = Stats.sortedMedian(sort(c)) / Stats.sortedMedian(sort(b));
        }
        return out;
    }

    /** Percentile interval of median(candidate)/median(base). */
    public static Interval ratioOfMedians(double[] base, double[] candidate, int resamples, double confidence,
            long seed) {
        double estimate = Stats.median(candidate) / Stats.median(base);
        return percentile(estimate, ratioOfMediansReplicates(base, candidate, resamples, seed), confidence);
    }

    /** Percentile interval of the median of one sample (a run's scores). */
    public static Interval median(double[] values, int resamples, double confidence, long seed) {
        RandomGenerator rng = new MersenneTwister(seed);
        double[] v = new double[values.length];
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            resample(values, v, rng);
            out[r] = Stats.sortedMedian(sort(v));
        }
        return percentile(Stats.median(values), out, confidence);
    }

    /** The interval from replicates: indices floor(B (1-c)/2) and ceil(B (1+c)/2) - 1 of the sorted replicates. */
    public static Interval percentile(double estimate, double[] replicates, double confidence) {
        double[] s = replicates.clone();
        Arrays.sort(s);
        int n = s.length;
        int lo = (int) Math.floor(n * (1 - confidence) / 2);
        int hi = Math.max(lo, (int) Math.ceil(n * (1 + confidence) / 2) - 1);
        return new Interval(estimate, s[Math.min(lo, n - 1)], s[Math.min(hi, n - 1)], confidence);
    }

    private static void resample(double[] from, double[] into, RandomGenerator rng) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[rng.nextInt(from.length)];
        }
    }

    private static double[] sort(double[] a) {
        Arrays.sort(a);
        return a;
    }
}
