package dev.taskbench.runner;

import java.util.List;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The rows a run selects and the passes they run in under its profile: the part of a plan that
 * {@code mvn jmh:run} and {@code java -jar target/benchmarks.jar} make alike ({@link Planner}).
 */
record RowPlan(Profile profile, List<BenchmarkListEntry> selected, PassPlan passes) {
    RowPlan {
        selected = List.copyOf(selected);
    }
}
