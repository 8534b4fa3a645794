package dev.taskbench.findings;

import dev.taskbench.compare.Drift;
import dev.taskbench.compare.Interval;
import dev.taskbench.declare.Finding;
import dev.taskbench.results.BenchmarkResult;
import java.util.Optional;

/**
 * One question answered on one run's rows.
 *
 * @param label what tells this answer from the others of its question (the input, the flag set), or empty
 * @param sentence the question's sentence with the figures filled in
 * @param figure its main figure as the sentence shows it ("3.39× [3.24×, 3.54×]" for "as fast as", where
 *               {@code ratio} is the time ratio 0.295), so the same question's figure on another run reads alike
 * @param ratio time of/to (for a ceiling: rows/s of the row over pgbench's), median of forks, bootstrap interval
 * @param of the row asked about
 * @param to the row it is held against; empty for the pgbench ceiling
 * @param toForks forks (or pgbench samples) on the {@code to} side
 * @param field for "the fastest of": every row it was chosen from, the asked row among them; else empty
 * @param drift the ratio's run-to-run spread over earlier runs, which {@code ratio} holds; empty when too few
 *              runs held both rows (the interval is this run's forks alone)
 */
public record Answer(String group, String label, String sentence, String figure, Interval ratio, Finding.Better better,
        Kind kind, BenchmarkResult of, Optional<BenchmarkResult> to, int ofForks, int toForks,
        java.util.List<BenchmarkResult> field, Optional<Drift.Spread> drift) {

    public Answer {
        field = java.util.List.copyOf(field);
    }

    /** An answer from this run's forks alone. */
    public Answer(String group, String label, String sentence, String figure, Interval ratio, Finding.Better better,
            Kind kind, BenchmarkResult of, Optional<BenchmarkResult> to, int ofForks, int toForks,
            java.util.List<BenchmarkResult> field) {
        this(group, label, sentence, figure, ratio, better, kind, of, to, ofForks, toForks, field, Optional.empty());
    }

    /** How the ratio reads. */
    public enum Kind {
        /** Time of one row over another's. */
        TIME_RATIO,
        /** Rows/s of a single-row write over pgbench's on the same INSERT: 1.0 is the ceiling. */
        CEILING
    }

    /** True for a distance to a reference or a share of a whole, which is news neither way. */
    public boolean reference() {
        return better == Finding.Better.NEITHER;
    }

    /** True when the whole interval lies on the good side of 1; false when on the bad side; empty when it holds 1. */
    public Optional<Boolean> good() {
        if (ratio.contains(1) || better == Finding.Better.NEITHER) {
            return Optional.empty();
        }
        boolean below = ratio.high() < 1;
        return Optional.of(below == (better == Finding.Better.LOWER));
    }
}
