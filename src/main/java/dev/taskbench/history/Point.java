package dev.taskbench.history;

import dev.taskbench.compare.Interval;
import java.time.Instant;
import java.util.Objects;

/**
 * One run's figure for one row: the median fork score with its bootstrap interval, and where it
 * came from.
 *
 * @param runId the run's id (its folder name under {@code results/})
 * @param timestamp when the run started; a series is in this order
 * @param commit the commit the run measured, empty when not recorded
 * @param testbed hash of the testbed facts the row depends on (the machine's, plus PostgreSQL's for a
 *                database row); only points of one testbed form a series
 * @param median median fork score, in the row's unit
 * @param interval the bootstrap interval of the median
 */
public record Point(String runId, Instant timestamp, String commit, String testbed, double median, Interval interval) {
    public Point {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(testbed, "testbed");
        Objects.requireNonNull(interval, "interval");
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("median of run " + runId + " must be finite, got " + median);
        }
    }
}
