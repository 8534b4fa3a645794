package dev.taskbench.compare;

import dev.taskbench.results.RowKey;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How far a row moves from run to run on one testbed when nothing changed, from its other runs (as
 * conbench and Bencher derive thresholds from history). Two runs in separate folders (nightly:
 * tonight against last night) differ by that drift as well as by the code; their forks are not
 * interleaved, so the rank test over forks cannot see it. Supplied by the layer that reads the
 * history; {@link #NONE} when there is none.
 */
@FunctionalInterface
public interface Drift {
    /** No history. */
    Drift NONE = row -> Optional.empty();

    /** The row's run-to-run spread; empty when too few other runs hold it. */
    Optional<Spread> of(RowKey row);

    /**
     * @param log robust spread of the row's per-run medians on the log scale (1.4826 MAD)
     * @param runs how many runs it is from, the two compared left out
     */
    record Spread(double log, int runs) {
        /**
         * The smallest relative change two separate runs can tell from drift: the difference of
         * two runs' log medians has sd sqrt(2) times one run's, so an unchanged row exceeds
         * z(1 - alpha / 2) sqrt(2) spreads in about alpha of pairs (2.77 at alpha 0.05). Never below
         * the criteria's minimum effect.
         */
        public double threshold(Criteria c) {
            return Math.max(c.minEffect(), Math.expm1(factor(c) * log));
        }
    }

    /** The spreads a threshold is: z(1 - alpha / 2) sqrt(2), 2.77 at alpha 0.05 ({@link Spread#threshold}). */
    static double factor(Criteria c) {
        return new NormalDistribution().inverseCumulativeProbability(1 - c.alpha() / 2) * Math.sqrt(2);
    }
}
