package dev.taskbench.history;

import java.util.List;
import java.util.Optional;

/**
 * How a row's variance splits between its forks and the iterations inside them, after Kalibera
 * and Jones (ISMM 2013, "Rigorous benchmarking in reasonable time") with two levels: level 1 the
 * measurement iterations of a fork, level 2 the forks.
 *
 * <p>In one run, with n forks of r iterations, Y_jk the k-th iteration of fork j:
 * S²_1 = 1/(n(r-1)) ΣΣ (Y_jk - Ȳ_j)², the iterations about their fork's mean, and
 * S²_2 = 1/(n-1) Σ (Ȳ_j - Ȳ)², the spread of the fork means. Their unbiased components are
 * T²_1 = S²_1 and T²_2 = S²_2 - S²_1 / r (the paper's revised form, as libkalibera computes it;
 * with two levels the first form agrees). Each run's figures are relative to its grand mean, so runs
 * of another commit at another level pool: T²_1 weighted by its degrees of freedom n(r-1), T²_2 by n-1.
 *
 * @param within T²_1, the variance of one iteration about its fork's mean, relative (a squared coefficient of variation)
 * @param between T²_2, the variance of the forks' true means, relative; at most 0 when the iterations explain all
 *                the spread of the fork means
 * @param runs how many runs it is pooled from
 */
public record VarianceSplit(double within, double between, int runs) {
    /** The two-sided 95% normal quantile. */
    static final double Z95 = 1.959964;

    /**
     * One run's figures for one row.
     *
     * @param within S²_1 relative to the grand mean squared; NaN when no fork has two iterations
     * @param withinDf its degrees of freedom, Σ (r_j - 1)
     * @param forkMeans S²_2 relative to the grand mean squared
     * @param forks n
     * @param iterations r, the mean iterations a fork
     */
    public record Run(double within, int withinDf, double forkMeans, int forks, double iterations) {
        /** A run's forks, each its measurement iterations in order; empty with fewer than two forks or a mean of 0. */
        public static Optional<Run> of(List<List<Double>> forks) {
            List<List<Double>> kept = forks.stream().filter(f -> !f.isEmpty()).toList();
            int n = kept.size();
            if (n < 2) {
                return Optional.empty();
            }
            double[] means = kept.stream().mapToDouble(VarianceSplit::mean).toArray();
            double grand = mean(means);
            if (!(Math.abs(grand) > 0) || !Double.isFinite(grand)) {
                return Optional.empty();
            }
            double squares = 0;
            int df = 0;
            for (int j = 0; j < n; j++) {
                for (double y : kept.get(j)) {
                    squares += (y - means[j]) * (y - means[j]);
                }
                df += kept.get(j).size() - 1;
            }
            double forkSquares = 0;
            for (double m : means) {
                forkSquares += (m - grand) * (m - grand);
            }
            double scale = grand * grand;
            double r = kept.stream().mapToInt(List::size).average().orElse(1);
            return Optional.of(new Run(df > 0 ? squares / df / scale : Double.NaN, df, forkSquares / (n - 1) / scale,
                    n, r));
        }
    }

    /**
     * The runs pooled: T²_1 over those with iterations to say it, then each run's T²_2 with that T²_1; empty when
     * no run has a fork of two iterations.
     */
    public static Optional<VarianceSplit> pool(List<Run> runs) {
        double squares = 0;
        int df = 0;
        for (Run r : runs) {
            if (r.withinDf() > 0) {
                squares += r.within() * r.withinDf();
                df += r.withinDf();
            }
        }
        if (df == 0) {
            return Optional.empty();
        }
        double within = squares / df;
        double between = 0;
        int forkDf = 0;
        for (Run r : runs) {
            between += (r.forkMeans() - within / r.iterations()) * (r.forks() - 1);
            forkDf += r.forks() - 1;
        }
        return Optional.of(new VarianceSplit(within, between / forkDf, runs.size()));
    }

    /** T²_2, or 0 where the estimate fell below it. */
    public double betweenOrZero() {
        return Math.max(0, between);
    }

    /** The share of one iteration's variance that lies between forks, 0 to 1. */
    public double betweenShare() {
        double total = within + betweenOrZero();
        return total > 0 ? betweenOrZero() / total : 0;
    }

    /** The relative variance of a fork's mean of {@code iterations} iterations: T²_2 + T²_1 / r. */
    public double forkVariance(int iterations) {
        return betweenOrZero() + within / Math.max(1, iterations);
    }

    /**
     * Kalibera and Jones' optimal repetitions at the iteration level, unrounded:
     * r_1 = sqrt(c_2 · T²_1 / (c_1 · T²_2)), c_2 the cost of one fork beyond its measurement (its
     * start, set-up, warm-up, end) and c_1 that of one measurement iteration. Infinite when the forks' true
     * means do not differ (repeat iterations only); 0 when the iterations do not (repeat forks only).
     */
    public double optimalIterations(double forkCost, double iterationCost) {
        if (betweenOrZero() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(forkCost * within / (iterationCost * betweenOrZero()));
    }

    /**
     * The forks whose median has a 95% interval at most {@code width} of it wide, when a fork's mean
     * varies by {@code forkVariance} (relative): the normal approximation of the median's interval,
     * ±1.96 · sqrt(π/2) · σ / sqrt(n), solved for n; at least 1.
     */
    public static int forksFor(double width, double forkVariance) {
        double halfWidth = Z95 * Math.sqrt(Math.PI / 2 * forkVariance);
        double n = Math.pow(2 * halfWidth / width, 2);
        return n > 1000 || !Double.isFinite(n) ? 1000 : Math.max(1, (int) Math.ceil(n - 1e-9));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
