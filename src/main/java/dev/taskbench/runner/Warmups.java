package dev.taskbench.runner;

import dev.taskbench.results.WarmupPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Each planned benchmark's {@link WarmupPlan}, for a steady run's metadata: the declared
 * {@code @Warmup} as JMH generated it into its benchmark list, what {@link PassPlan} gives the
 * benchmark under the standard profile (without the user's options), and the measured iteration's
 * length in this run's own pass.
 */
final class Warmups {
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
}
