package dev.taskbench.compare;

import java.util.Optional;

/**
 * Geometric mean of the time ratios (above 1 = slower) over the tested rows, with a
 * bootstrap interval: replicate r is the geometric mean of every row's replicate r.
 */
final class GeometricMean {
    private final Criteria o;
    private final double[] logs;
    private double logEstimate;
    private int rows;

    GeometricMean(Criteria o) {
        this.o = o;
        this.logs = new double[o.resamples()];
    }

    void add(Direction d, double estimate, double[] replicates) {
        double sign = d == Direction.LOWER_IS_BETTER ? 1 : -1;
        logEstimate += sign * Math.log(estimate);
        for (int r = 0; r < logs.length; r++) {
            logs[r] += sign * Math.log(replicates[r]);
        }
        rows++;
    }

    Optional<Interval> result() {
        if (rows == 0) {
            return Optional.empty();
        }
        double[] replicates = new double[logs.length];
        for (int r = 0; r < logs.length; r++) {
            replicates[r] = Math.exp(logs[r] / rows);
        }
        return Optional.of(Bootstrap.percentile(Math.exp(logEstimate / rows), replicates, o.confidence()));
    }
}
