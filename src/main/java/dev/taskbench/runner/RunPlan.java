package dev.taskbench.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * What one {@code mvn jmh:run} does, decided before anything runs ({@link Planner}); where it
 * runs, its name, folder and database, is {@link RunSite}'s.
 *
 * @param rows the selected rows and the passes they run in
 * @param flagSets the flag sets that run, in order
 * @param flagReport per requested flag set, as planned: its JDK, options and status ({@code ran}, or why it cannot)
 * @param rounds interleaved rounds of one fork each, or 1
 * @param baseline the baseline jar run after each of the candidate's forks, or null
 * @param candidateJvmArgs JVM options for the candidate's forks only
 * @param needsDatabase whether a selected benchmark needs PostgreSQL
 * @param ceilingCovered whether declared single-row writes run on a database, for the pgbench ceiling
 * @param stops when a row of a run without a baseline jar has forks enough ({@link RowStops}); null when forks are
 *              fixed ({@code -f}, a profile without the rule) or a baseline jar's comparison decides instead
 * @param base the run the verdict compares with ({@code -Dbase}); null without one, or when a baseline jar's
 *             results are the base
 * @param shard in a shard of a run ({@link ShardPlan}), per flag set the benchmarks it runs; empty: every one
 */
record RunPlan(RowPlan rows, List<Planned> flagSets, Map<String, Map<String, Object>> flagReport, int rounds,
        BaselineJar baseline, List<String> candidateJvmArgs, boolean needsDatabase, boolean ceilingCovered,
        StopRule stops, Path base, Map<String, Set<String>> shard) {
    RunPlan {
        flagSets = List.copyOf(flagSets);
        flagReport = Collections.unmodifiableMap(new LinkedHashMap<>(flagReport));
        candidateJvmArgs = List.copyOf(candidateJvmArgs);
        shard = Map.copyOf(shard);
    }

    /** The whole run, not a shard of it. */
    RunPlan(RowPlan rows, List<Planned> flagSets, Map<String, Map<String, Object>> flagReport, int rounds,
            BaselineJar baseline, List<String> candidateJvmArgs, boolean needsDatabase, boolean ceilingCovered,
            StopRule stops, Path base) {
        this(rows, flagSets, flagReport, rounds, baseline, candidateJvmArgs, needsDatabase, ceilingCovered, stops,
                base, Map.of());
    }

    /**
     * This plan narrowed to a shard's units: per flag set, the benchmarks it runs. A flag set with none leaves the
     * plan and its report; one that cannot run here stays in the report, as in every shard.
     */
    RunPlan only(Map<String, Set<String>> units) {
        List<Planned> sets = flagSets.stream().filter(p -> units.containsKey(p.flagSet().name())).toList();
        Map<String, Map<String, Object>> report = new LinkedHashMap<>(flagReport);
        flagSets.stream().map(p -> p.flagSet().name()).filter(n -> !units.containsKey(n)).forEach(report::remove);
        return new RunPlan(rows, sets, report, rounds, baseline, candidateJvmArgs, needsDatabase, ceilingCovered,
                stops, base, units);
    }

    /** The benchmarks a flag set runs: those its JDK can run ({@link JdkFilter}) and, in a shard, of its units. */
    JdkFilter kept(Planned p) {
        JdkFilter jdk = JdkFilter.of(selected(), p.feature(), p.flagSet().name());
        if (shard.isEmpty()) {
            return jdk;
        }
        Set<String> mine = shard.getOrDefault(p.flagSet().name(), Set.of());
        return new JdkFilter(jdk.kept().stream().filter(e -> mine.contains(e.getUsername())).toList(),
                jdk.leftOut());
    }

    List<BenchmarkListEntry> selected() {
        return rows.selected();
    }

    PassPlan passes() {
        return rows.passes();
    }

    /**
     * The forks of one pass: one a round when interleaved, the stop rule's minimum when it decides,
     * else the profile's or the user's (null).
     */
    Integer passForks() {
        return rounds > 1 ? Integer.valueOf(1) : stops != null ? Integer.valueOf(stops.minForks()) : null;
    }

    /** The candidate's forks: the hand-off, then what only the candidate gets (a planted slowdown, say). */
    List<String> candidateForkArgs(List<String> forkProps) {
        List<String> args = new ArrayList<>(forkProps);
        args.addAll(candidateJvmArgs);
        return args;
    }
}
