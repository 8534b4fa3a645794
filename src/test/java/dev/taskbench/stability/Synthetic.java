package dev.taskbench.stability;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Series of known shape with multiplicative Gaussian noise, from a seed. A Mersenne Twister, as the
 * bootstrap uses: java.util.Random's first Gaussians from consecutive seeds are correlated, which
 * made 2,000 "independent" rows measure a test's power five points low.
 */
final class Synthetic {
    private final RandomGenerator random;

    Synthetic(long seed) {
        this.random = new MersenneTwister(seed);
    }

    /** {@code level * exp(N(0, noise))}. */
    double noisy(double level, double noise) {
        return level * Math.exp(noise * random.nextGaussian());
    }

    /** Levels held from given starts: steps(60, 0.01, 600, 0, 150, 8) is 600 for 8 iterations, then 150. */
    double[] steps(int length, double noise, double... levelAndStart) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            double level = levelAndStart[0];
            for (int s = 0; s < levelAndStart.length; s += 2) {
                if (i >= levelAndStart[s + 1]) {
                    level = levelAndStart[s];
                }
            }
            out[i] = noisy(level, noise);
        }
        return out;
    }

    /** n fork levels, each from mode i with the given share. */
    double[] forks(int n, double noise, double[] locations, int[] counts) {
        double[] out = new double[n];
        int f = 0;
        for (int m = 0; m < locations.length; m++) {
            for (int c = 0; c < counts[m]; c++) {
                out[f++] = noisy(locations[m], noise);
            }
        }
        return out;
    }

    /** n fork levels from a mixture: mode 0 with probability {@code shareOfFirst}, else mode 1. */
    double[] mixture(int n, double noise, double first, double second, double shareOfFirst) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = noisy(random.nextDouble() < shareOfFirst ? first : second, noise);
        }
        return out;
    }

}
