package dev.taskbench.compare;

import dev.taskbench.results.BenchmarkResult;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How far the ratio of two rows (a finding's) moves from run to run on one testbed when nothing
 * changed, from the earlier runs that hold both rows. A finding speaks of the testbed, not of one run, and the
 * forks of one run cannot see the run-to-run level of variance (Kalibera and Jones, "Rigorous
 * benchmarking in reasonable time", ISMM 2013: the interval belongs to the highest level that
 * varies). {@link #NONE} without history.
 */
@FunctionalInterface
public interface PairDrift {
    /** No history: the intervals hold the forks of this run only. */
    PairDrift NONE = (of, to) -> Optional.empty();

    /** The spread of log(time of / time to) over earlier runs; empty when too few hold both rows. */
    Optional<Drift.Spread> of(BenchmarkResult of, BenchmarkResult to);

    /**
     * The interval widened by the drift: on the log scale each side's half-width and {@link #quantile} spreads,
     * added in quadrature (a run's ratio varies by the two levels together). Conservative: the history's
     * spread already holds those runs' own fork noise.
     */
    static Interval widen(Interval i, Drift.Spread drift) {
        double between = quantile(i.confidence(), drift.runs()) * drift.log();
        double below = Math.log(i.estimate() / i.low());
        double above = Math.log(i.high() / i.estimate());
        return new Interval(i.estimate(), i.estimate() * Math.exp(-Math.hypot(below, between)),
                i.estimate() * Math.exp(Math.hypot(above, between)), i.confidence());
    }

    /**
     * How many spreads the drift adds: Student's t(1 - (1 - c) / 2) with runs - 1 degrees of freedom, as the
     * spread is itself estimated from those few runs (4.30 from 3 runs at 95%, 2.26 from 10, 1.96 in the limit).
     */
    static double quantile(double confidence, int runs) {
        return new TDistribution(Math.max(1, runs - 1)).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }
}
