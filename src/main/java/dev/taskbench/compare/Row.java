package dev.taskbench.compare;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.RowKey;
import java.util.List;
import java.util.Optional;

/**
 * One compared row: a benchmark key in one flag set (or flag-set pair), base against candidate.
 *
 * @param row the benchmark key and its flag set, or {@code "a → b"} when two flag sets of one run are compared
 * @param direction empty when the unit is not one JMH writes
 * @param ratio median(candidate)/median(base) of the fork scores, with its bootstrap interval
 * @param u Mann-Whitney U of the candidate; NaN when not tested
 * @param p two-sided p-value; NaN when not tested (UNKNOWN)
 * @param q Benjamini-Hochberg adjusted p-value; NaN when not tested
 * @param reason why the verdict is what it is, in a few words
 * @param minReachableQ the smallest q this row's fork counts can reach among the compared rows when
 *                      it alone differs ({@link Power}); a row not tested for its fork counts is
 *                      counted as one more row; NaN when forks are not the question (unit unknown or
 *                      different)
 * @param forksNeeded forks per side (equal sides) with which a difference in this row alone could
 *                    be flagged among the compared rows ({@link Power#forksNeeded}); 0 when forks
 *                    are not the question
 * @param byModes the verdict is the mode-by-mode test's ({@link ModeTest}); p is then that test's
 * @param drift the run-to-run spread that set a threshold for this row ({@link Drift}); empty when the
 *              runs were interleaved, without history, or for a row compared mode by mode
 */
public record Row(RowKey row, String unit, Optional<Direction> direction,
        List<Double> baseForks, List<Double> candidateForks, double baseMedian, double candidateMedian,
        Interval ratio, double u, double p, boolean exactP, double q, Verdict verdict, String reason,
        Allocation allocation, double minReachableQ, int forksNeeded, boolean byModes,
        Optional<Drift.Spread> drift) {

    public Row {
        baseForks = List.copyOf(baseForks);
        candidateForks = List.copyOf(candidateForks);
    }

    /**
     * Bytes per operation ({@code gc.alloc.rate.norm}), median over forks per side; NaN on a side
     * without the figure.
     */
    public record Allocation(double base, double candidate, double tolerance, AllocationVerdict verdict) {
        public double difference() {
            return candidate - base;
        }
    }

    /** The row's flag set, or {@code "a → b"} when two flag sets are compared. */
    public String flagSet() {
        return row.flagSet();
    }

    public BenchmarkKey key() {
        return row.key();
    }

    /** Relative change of the median in the score's own unit, e.g. +0.12 for 12% more. */
    public double change() {
        return ratio.estimate() - 1;
    }

    /** The ratio as time (above 1 = the candidate is slower), whatever the unit. */
    public Optional<Interval> timeRatio() {
        return direction.map(d -> d == Direction.LOWER_IS_BETTER ? ratio
                : new Interval(1 / ratio.estimate(), 1 / ratio.high(), 1 / ratio.low(), ratio.confidence()));
    }

    /** Why this row fails the gate, if it does: slower, or allocating more than the tolerance. */
    public Optional<String> gateFailure() {
        if (verdict == Verdict.SLOWER) {
            return Optional.of("slower: " + reason);
        }
        if (allocation.verdict() == AllocationVerdict.GREW) {
            return Optional.of(String.format(java.util.Locale.ROOT, "allocates %.1f B/op more (%.1f -> %.1f; every fork above every base fork by over %.1f)",
                    allocation.difference(), allocation.base(), allocation.candidate(), allocation.tolerance()));
        }
        return Optional.empty();
    }
}
