package dev.taskbench.runner;

import java.util.List;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Decides what a run does before anything runs: which rows ({@link Selection}) in which passes
 * ({@link PassPlan}). Both entries plan here: {@code mvn jmh:run} ({@link SuiteRunner}) and JMH's
 * own CLI ({@link JmhMain}).
 */
final class Planner {
    private Planner() {
    }

    /**
     * JMH's own CLI: its include and exclude patterns, every row of each (the standard profile's
     * core rows are {@code mvn jmh:run}'s, for a whole-suite run).
     */
    static RowPlan forJmhCli(Profile profile, CommandLineOptions user) {
        return rows(profile, user, null, false);
    }

    /**
     * The rows of the user's patterns and {@code include} (null: none) under {@code profile}; when
     * nothing narrows the selection and {@code coreRows}, each class's declared core rows.
     */
    static RowPlan rows(Profile profile, CommandLineOptions user, String include, boolean coreRows) {
        List<String> includes = Selection.includes(user, include);
        List<BenchmarkListEntry> selected = Selection.of(includes, user.getExcludes());
        return new RowPlan(profile, selected, PassPlan.plan(profile, user, selected, coreRows && includes.isEmpty()));
    }
}
