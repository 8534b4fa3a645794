package dev.taskbench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run planned for each row before its first fork, and why, as the run keeps it in its
 * metadata under {@value #METADATA_KEY}: the forks it starts at, its measurement iterations and
 * warm-up, and one line saying where they come from (earlier runs of the same testbed, or the
 * profile). A run without it (older, or a profile that plans nothing) simply has none.
 *
 * @param source where the plan comes from in a few words ("history of this testbed", "the profile: ...")
 * @param runs the earlier runs any row was planned from
 */
public record PlanLog(String source, List<String> runs, List<Planned> rows) {
    public static final String METADATA_KEY = "plan";

    public PlanLog {
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    /**
     * One row's plan.
     *
     * @param forks the forks it starts at (the stop rule may add more)
     * @param iterations its measurement iterations a fork
     * @param warmup its warm-up, as JMH writes it ("2 x 500 ms")
     * @param fromHistory whether earlier runs set any of it
     * @param line the whole plan and its reasons in one line
     */
    public record Planned(String flagSet, BenchmarkKey key, int forks, int iterations, String warmup,
            boolean fromHistory, String line) {
    }

    /** The run's plan, if its metadata has one; a plan that cannot be read is a one-line error. */
    public static Optional<PlanLog> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, METADATA_KEY, PlanLog.class, "a plan per row");
    }
}
