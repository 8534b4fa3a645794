package dev.taskbench.runner;

import dev.taskbench.history.RowHistory;
import dev.taskbench.results.WarmupPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Warm-up, measured and planned: each planned benchmark's {@link WarmupPlan}, for a steady run's
 * metadata (the declared {@code @Warmup} as JMH generated it into its benchmark list, what
 * {@link PassPlan} gives the benchmark under the standard profile without the user's options, and the
 * measured iteration's length in this run's own pass); and a row's warm-up planned from the newest
 * steady run ({@link #fromSteadyRun}), for {@link HistoryPlan}.
 */
final class Warmups {
    /** The share of warm forks a warm-up planned from a steady run covers. */
    static final int STEADY_PERCENTILE = 75;

    private Warmups() {
    }

    /** By benchmark ({@code package.Class.method}), as the metadata holds them. */
    static Map<String, Object> of(RowPlan rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (BenchmarkListEntry e : rows.selected()) {
            iterationTime(rows.passes(), e.getUsername()).ifPresent(t -> out.put(e.getUsername(),
                    plan(e, seconds(t)).toMetadata()));
        }
        return out;
    }

    static WarmupPlan plan(BenchmarkListEntry e, double iterationSeconds) {
        PassPlan.Iterations standard = PassPlan.runs(Profile.STANDARD,
                JmhOptionsFactory.parseUserArgs(List.of()), e);
        Optional<String> declared = Optional.empty();
        double declaredSeconds = Double.NaN;
        if (e.getWarmupIterations().hasValue() || e.getWarmupTime().hasValue()) {
            int n = e.getWarmupIterations().orElse(standard.warmupIterations());
            TimeValue t = e.getWarmupTime().orElse(standard.warmupTime());
            declared = Optional.of(n + " x " + t);
            declaredSeconds = n * seconds(t);
        }
        return new WarmupPlan(declared, declaredSeconds, standard.warmupIterations() * seconds(standard.warmupTime()),
                iterationSeconds);
    }

    /** The measured iteration of the pass that runs this benchmark; empty when it is left out. */
    private static Optional<TimeValue> iterationTime(PassPlan passes, String benchmark) {
        return passes.passes().entrySet().stream().filter(p -> p.getValue().contains(benchmark))
                .map(p -> p.getKey().measurementTime()).findFirst();
    }

    static double seconds(TimeValue t) {
        return t.getTimeUnit().toNanos(t.getTime()) / 1e9;
    }

    /**
     * The row's warm-up iterations: the user's, the steady run's when it is longer, or as planned; the reason goes to
     * {@code why}. Never shorter than planned: a write row's noisy iterations read as warm seconds before its
     * measured score stops falling, and a warm-up cut to that point measured it slower.
     */
    static int fromSteadyRun(BenchmarkListEntry e, PassPlan.Iterations it, CommandLineOptions user,
            Optional<RowHistory.Steadiness> steady, Set<String> runs, List<String> why) {
        if (user.getWarmupIterations().hasValue() || user.getWarmupTime().hasValue()) {
            why.add("warm-up: your -wi/-w");
            return it.warmupIterations();
        }
        if (steady.isEmpty() || e.getMode() == Mode.SingleShotTime) {
            return it.warmupIterations();
        }
        RowHistory.Steadiness s = steady.get();
        runs.add(s.runId());
        String declared = e.getWarmupIterations().hasValue() || e.getWarmupTime().hasValue() ? "declared" : "profile's";
        if (2 * s.warmAfter().size() < s.forks()) {
            why.add("the " + declared + " warm-up kept: warm in only " + s.warmAfter().size() + " of " + s.forks()
                    + " forks, run " + s.runId());
            return it.warmupIterations();
        }
        double after = percentile(s.warmAfter(), STEADY_PERCENTILE);
        int n = warmupIterations(after + s.iterationSeconds(), seconds(it.warmupTime()));
        String warm = "warm after " + said(after) + " in " + s.warmAfter().size() + " of " + s.forks() + " forks, run "
                + s.runId();
        if (n < it.warmupIterations()) {
            why.add(warm + "; the " + declared + " " + it.warmup() + " kept: a steady run lengthens a warm-up, never"
                    + " shortens it");
            return it.warmupIterations();
        }
        why.add(warm + (n == it.warmupIterations() ? "" : ", instead of the " + declared + " " + it.warmup()));
        return n;
    }

    /** Warm-up iterations of {@code each} seconds that cover {@code seconds}: at least 1. */
    static int warmupIterations(double seconds, double each) {
        return Math.max(1, (int) Math.ceil(seconds / each - 1e-9));
    }

    /** The {@code p}th percentile, interpolated between the sorted values (R type 7, as the stability rules read theirs). */
    static double percentile(List<Double> values, int p) {
        return new Percentile().withEstimationType(EstimationType.R_7)
                .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }

    private static String said(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
    }
}
