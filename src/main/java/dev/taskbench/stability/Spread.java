package dev.taskbench.stability;

import dev.taskbench.compare.Direction;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Order statistics the stability rules share, with numpy's linear interpolation (R type 7), the
 * convention of Barrett et al.'s warmup_stats; and the time-oriented log scale they all work on.
 */
final class Spread {
    /** MAD to standard deviation for normal data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Spread() {
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Barrett's noise measure: the 90th percentile minus the 10th. */
    static double p90MinusP10(double[] values) {
        return values.length == 0 ? 0 : percentile(values, 90) - percentile(values, 10);
    }

    /** Median absolute deviation from the median (unscaled). */
    static double mad(double[] values) {
        double m = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - m)).toArray());
    }

    /**
     * Scores as log time: the log for time per operation, minus the log for operations per time,
     * so that up is slower whatever the unit and a difference is a ratio.
     */
    static double[] logTime(double[] scores, Direction direction) {
        double sign = direction == Direction.HIGHER_IS_BETTER ? -1 : 1;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] > 0 && Double.isFinite(scores[i]))) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + ": scores must be finite and above 0");
            }
            out[i] = sign * Math.log(scores[i]);
        }
        return out;
    }

    /**
     * Barrett's p90 - p10 of the noise in some series (log time), read from neighbours' differences
     * inside each series, about that series' median difference, over sqrt 2: a level, a step between
     * series or a steady drift is not counted as noise. 0 when no series has two values.
     */
    static double differenceNoise(List<double[]> series) {
        double[] pooled = series.stream().flatMapToDouble(v -> {
            double[] d = differences(v);
            double m = median(d);
            return Arrays.stream(d).map(x -> x - m);
        }).toArray();
        return p90MinusP10(pooled) / Math.sqrt(2);
    }

    static double[] differences(double[] v) {
        double[] d = new double[Math.max(0, v.length - 1)];
        for (int i = 1; i < v.length; i++) {
            d[i - 1] = v[i] - v[i - 1];
        }
        return d;
    }

    static double[] slice(double[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }
}
