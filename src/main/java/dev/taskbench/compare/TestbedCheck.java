package dev.taskbench.compare;

import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a gate may judge a candidate against a base: only on one testbed, or when both ran
 * interleaved in one run (then drift and machine hit both alike), or when the user forces it.
 * A verdict across machines measures the machines, not the code.
 *
 * <p>One testbed is judged per group of rows, on the facts those rows depend on
 * ({@link RowTestbeds}): two runs on one machine whose PostgreSQL settings differ are one testbed
 * for the benchmarks that need no database and two for those that drive PostgreSQL.
 *
 * @param base the base run's whole testbed, for display
 * @param candidate the candidate run's whole testbed, for display
 * @param groups per scope, the benchmarks both runs hold; empty when they share none (then the whole
 *               testbeds are judged)
 * @param interleaved the base is the interleaved baseline of the candidate's own run, or the
 *                    same run (flag set against flag set)
 */
public record TestbedCheck(Testbed base, Testbed candidate, List<Group> groups, boolean interleaved, boolean forced) {
    /** Setting that lets a gate judge across testbeds anyway. */
    public static final String FORCE = SettingsCatalogue.GATE_ACROSS_TESTBEDS.key();

    /**
     * The benchmarks of one scope that both runs hold, and the facts they depend on in each run. A
     * benchmark that drives PostgreSQL in either run counts as driving it.
     */
    public record Group(Testbed.Scope scope, int benchmarks, Testbed base, Testbed candidate) {
        public boolean same() {
            return base.sameAs(candidate);
        }

        /** {@code 3 benchmark(s) keyed on the machine alone: one testbed, 433c29ed5241}. */
        String line() {
            return benchmarks + " " + scope.rows() + ": " + (same() ? "one testbed, " + base.hash()
                    : "different testbeds, " + base.hash() + " vs " + candidate.hash());
        }
    }

    public TestbedCheck {
        groups = List.copyOf(groups);
    }

    public static TestbedCheck of(RunResults base, RunResults candidate, boolean forced) {
        Path b = base.source().toAbsolutePath().normalize();
        Path c = candidate.source().toAbsolutePath().normalize();
        boolean interleaved = b.equals(c) || b.startsWith(c);
        RowTestbeds baseRows = RowTestbeds.of(base);
        RowTestbeds candidateRows = RowTestbeds.of(candidate);
        return new TestbedCheck(baseRows.whole(), candidateRows.whole(), groups(base, baseRows, candidate, candidateRows),
                interleaved, forced);
    }

    private static List<Group> groups(RunResults base, RowTestbeds baseRows, RunResults candidate,
            RowTestbeds candidateRows) {
        Set<String> common = benchmarks(base);
        common.retainAll(benchmarks(candidate));
        Map<Testbed.Scope, Integer> counts = new EnumMap<>(Testbed.Scope.class);
        for (String benchmark : common) {
            boolean database = baseRows.scope(benchmark) == Testbed.Scope.DATABASE
                    || candidateRows.scope(benchmark) == Testbed.Scope.DATABASE;
            counts.merge(database ? Testbed.Scope.DATABASE : Testbed.Scope.MACHINE, 1, Integer::sum);
        }
        List<Group> out = new ArrayList<>();
        counts.forEach((scope, n) -> out.add(new Group(scope, n, baseRows.of(scope), candidateRows.of(scope))));
        return out;
    }

    private static Set<String> benchmarks(RunResults run) {
        return run.results().stream().map(r -> r.key().benchmark()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Base and candidate on one testbed for every group of rows they share (or wholly, when they share none). */
    public boolean sameTestbed() {
        return groups.isEmpty() ? base.sameAs(candidate) : groups.stream().allMatch(Group::same);
    }

    public boolean allowsGate() {
        return interleaved || sameTestbed() || forced;
    }

    /**
     * What the console shows: both testbeds; when they differ, one line per group of rows (on one
     * testbed or not) and each fact that differs for the groups that differ.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (interleaved) {
            out.add("testbed: base and candidate ran interleaved in one run, candidate's testbed " + candidate.describe());
            return out;
        }
        out.add("testbed: base " + base.describe());
        out.add("testbed: candidate " + candidate.describe());
        if (base.sameAs(candidate)) {
            return out;
        }
        groups.forEach(g -> out.add("testbed: " + g.line()));
        differences().forEach(d -> out.add("  differs: " + d));
        return out;
    }

    /** The facts that differ for the rows compared: those of the groups on different testbeds. */
    private Set<String> differences() {
        Set<String> out = new LinkedHashSet<>();
        if (groups.isEmpty()) {
            out.addAll(base.differences(candidate));
        }
        groups.stream().filter(g -> !g.same()).forEach(g -> out.addAll(g.base().differences(g.candidate())));
        return out;
    }

    /** The one line a refused gate prints. */
    public String refusal() {
        String which = groups.isEmpty() ? "(" + base.hash() + " vs " + candidate.hash() + ")"
                : groups.stream().filter(g -> !g.same()).map(g -> "for the " + g.benchmarks() + " " + g.scope().rows()
                        + " (" + g.base().hash() + " vs " + g.candidate().hash() + ")").collect(Collectors.joining(" and "));
        return "base and candidate ran on different testbeds " + which
                + ": a verdict would measure the machines; rerun both on one machine, or interleaved in one run "
                + "(-Dtaskbench.baseline.jar=...), or force it with -D" + FORCE + "=true";
    }
}
