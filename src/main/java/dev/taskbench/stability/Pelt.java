package dev.taskbench.stability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Optimal change points of a series under a penalised Gaussian cost on the mean, by PELT (Killick,
 * Fearnhead and Eckley, "Optimal detection of changepoints with a linear computational cost", JASA
 * 2012): the exact minimum of the summed segment costs plus a penalty per change, with the
 * candidates no later optimum can use pruned away.
 */
final class Pelt {
    private Pelt() {
    }

    /**
     * The start index of every segment after the first, ascending.
     *
     * @param sigma the noise's standard deviation; the cost of a segment is its sum of squared
     *              deviations from its mean over sigma squared (twice its negative log-likelihood)
     * @param penalty the cost of one more change point, in the same units
     * @param minSegment fewest values in a segment, at least 1
     */
    static List<Integer> changePoints(double[] y, double sigma, double penalty, int minSegment) {
        int n = y.length;
        if (minSegment < 1 || !(sigma > 0) || n < 2 * minSegment) {
            return List.of();
        }
        Cost cost = new Cost(y, sigma);
        double[] best = new double[n + 1];
        int[] previous = new int[n + 1];
        best[0] = -penalty;
        List<Integer> candidates = new ArrayList<>(List.of(0));
        for (int t = minSegment; t <= n; t++) {
            if (t - minSegment >= minSegment) {
                candidates.add(t - minSegment);
            }
            double min = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int tau : candidates) {
                double v = best[tau] + cost.of(tau, t) + penalty;
                if (v < min) {
                    min = v;
                    arg = tau;
                }
            }
            best[t] = min;
            previous[t] = arg;
            final int end = t;
            candidates.removeIf(tau -> best[tau] + cost.of(tau, end) > best[end]);
        }
        List<Integer> points = new ArrayList<>();
        for (int t = previous[n]; t > 0; t = previous[t]) {
            points.add(t);
        }
        Collections.reverse(points);
        return points;
    }

    /** Segment costs from prefix sums of the centred series. */
    private static final class Cost {
        private final double[] sum;
        private final double[] squares;
        private final double variance;

        Cost(double[] y, double sigma) {
            double mean = 0;
            for (double v : y) {
                mean += v / y.length;
            }
            sum = new double[y.length + 1];
            squares = new double[y.length + 1];
            for (int i = 0; i < y.length; i++) {
                double c = y[i] - mean;
                sum[i + 1] = sum[i] + c;
                squares[i + 1] = squares[i] + c * c;
            }
            variance = sigma * sigma;
        }

        /** Cost of y[from, to). */
        double of(int from, int to) {
            double s = sum[to] - sum[from];
            double ss = squares[to] - squares[from] - s * s / (to - from);
            return Math.max(0, ss) / variance;
        }
    }
}
