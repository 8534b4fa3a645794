package dev.taskbench.compare;

import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.util.List;

/**
 * One run described on its own: per result the median fork score with a percentile-bootstrap
 * interval (same resamples, level and seeding as comparisons), the fork range, and the
 * median {@code gc.alloc.rate.norm}.
 */
public final class RunSummary {

    /** @param alloc median bytes per operation over forks, NaN without {@code -prof gc} */
    public record Entry(BenchmarkResult result, Interval median, double min, double max, double alloc) {
    }

    private RunSummary() {
    }

    /** Entries in {@link RunResults#byKey()} order: by key, then flag set. */
    public static List<Entry> of(RunResults run, Criteria o) {
        return run.byKey().values().stream().flatMap(List::stream).map(r -> entry(r, o)).toList();
    }

    static Entry entry(BenchmarkResult r, Criteria o) {
        double[] f = r.forks();
        return new Entry(r, median(r, o), Stats.min(f), Stats.max(f),
                r.allocForks().map(Stats::median).orElse(Double.NaN));
    }

    /**
     * The row's median fork score with its bootstrap interval, seeded from the row's name: the
     * interval the reports print, and the one a run's stop rule reads.
     */
    public static Interval median(BenchmarkResult r, Criteria o) {
        long seed = o.seed() * 31 + (r.flagSet() + "|" + r.key().label()).hashCode();
        return Bootstrap.median(r.forks(), o.resamples(), o.confidence(), seed);
    }
}
