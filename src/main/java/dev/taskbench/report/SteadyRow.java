package dev.taskbench.report;

import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.WarmupPlan;
import dev.taskbench.stability.RowStability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a steady run with its forks classified ({@link RowStability}) and its warm-up plan
 * ({@link WarmupPlan}). Only a run whose metadata records the plans (the steady profile's: it
 * measures from each fork's first iteration) has such rows; single-shot rows are left out, their
 * iterations being of no fixed length (their warm-up curve is their own report).
 */
record SteadyRow(BenchmarkResult result, WarmupPlan plan, RowStability stability) {
    static final String SINGLE_SHOT = "ss";

    /** The run's rows that recorded a plan and have at least one fork with enough iterations to classify. */
    static List<SteadyRow> of(RunResults run) {
        Map<String, WarmupPlan> plans = WarmupPlan.of(run.metadata());
        List<SteadyRow> out = new ArrayList<>();
        for (BenchmarkResult r : run.results()) {
            WarmupPlan plan = plans.get(r.key().benchmark());
            if (plan == null || r.key().mode().equals(SINGLE_SHOT)) {
                continue;
            }
            RowStability.of(r, plan.iterationSeconds()).filter(s -> s.steadiness().consistency().isPresent())
                    .ifPresent(s -> out.add(new SteadyRow(r, plan, s)));
        }
        return out;
    }

    /** Whether the declared warm-up ends before the row is steady (false when none is declared). */
    boolean declaredTooShort() {
        return plan.declaredLength().isPresent()
                && stability.steadiness().warmupTooShort(plan.declaredLength().getAsDouble());
    }

    boolean standardTooShort() {
        return stability.steadiness().warmupTooShort(plan.standardSeconds());
    }
}
