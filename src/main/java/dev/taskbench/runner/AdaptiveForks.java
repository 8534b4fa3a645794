package dev.taskbench.runner;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.StopLog;
import dev.taskbench.stability.ByModes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Fork pairs where a run beside a baseline jar cannot decide yet, by Chromium Pinpoint's rule:
 * while rows are UNKNOWN (their forks cannot decide them yet) and the cap
 * ({@code -Dtaskbench.adaptive.maxForks}) is not reached, each such row gets one more candidate
 * fork followed by one more baseline fork, and the comparison is made again. A benchmark
 * method's undecided rows run in the few JMH invocations a side whose parameter products are exactly
 * theirs ({@link RowForks}), so a decided row gets no extra pair. The rounds start it at the fewest pairs with which the
 * exact test can decide a row at all ({@link Planner#startingPairs}); each row's outcome lands in
 * the metadata ({@link StopLog}).
 */
final class AdaptiveForks {
    private final int cap;
    private final Criteria criteria;
    private final RunPlan plan;
    private final Execution execution;
    private final RunProgress clock;
    private final PrintStream out;

    AdaptiveForks(RunSettings settings, RunPlan plan, Execution execution, RunProgress clock, PrintStream out) {
        this.cap = settings.adaptiveForks();
        this.criteria = settings.criteria();
        this.plan = plan;
        this.execution = execution;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Adds fork pairs to what the rounds measured, through the execution that owns it; answers why
     * each row stopped at its pairs. Null without a baseline jar ({@link RowStops} decides there).
     */
    StopLog addForksWhereUndecided(Measurements measured) throws RunnerException, IOException {
        if (plan.baseline() == null) {
            return null;
        }
        Comparison cmp = compare(measured);
        for (int pairs = plan.rounds(); pairs < cap; pairs++) {
            Map<String, List<BenchmarkKey>> undecided = undecided(cmp);
            int n = undecided.values().stream().mapToInt(List::size).sum();
            if (n == 0) {
                out.printf("taskbench: every row is decided after %d fork pair(s)%n", pairs);
                return log(cmp);
            }
            out.printf("taskbench: %d row(s) undecided after %d fork pair(s): one more pair each (at most %d)%n", n,
                    pairs, cap);
            int more = 2 * (cap - pairs); // a pair is a candidate fork and a baseline fork
            clock.atMost(undecided.values().stream().flatMap(List::stream).collect(Collectors.groupingBy(
                    BenchmarkKey::benchmark, Collectors.summingInt(k -> more))));
            for (Planned p : measured.survivors(plan.flagSets())) {
                List<BenchmarkKey> rows = undecided.getOrDefault(p.flagSet().name(), List.of());
                for (List<BenchmarkKey> ofOneMethod : RowForks.byPass(rows, plan.passes())) {
                    execution.forkPair(p, ofOneMethod, pairs);
                }
            }
            cmp = compare(measured);
        }
        int left = undecided(cmp).values().stream().mapToInt(List::size).sum();
        if (left > 0 && cap > plan.rounds()) {
            out.printf("taskbench: %d row(s) still undecided after %d fork pairs; the gate will say which%n", left,
                    cap);
        }
        return log(cmp);
    }

    /** Each row's pairs and whether the comparison decided it. */
    private StopLog log(Comparison cmp) {
        int most = Math.max(cap, plan.rounds());
        List<StopLog.Stop> rows = new ArrayList<>();
        for (Row r : cmp.rows()) {
            int pairs = Math.min(r.baseForks().size(), r.candidateForks().size());
            boolean decided = r.verdict() != Verdict.UNKNOWN;
            String reason = decided ? "comparison decided after " + pairs + " pairs"
                    : "undecided after " + pairs + " pairs" + (pairs >= most ? ", the cap" : "") + ": " + r.reason();
            rows.add(new StopLog.Stop(r.flagSet(), r.key(), r.candidateForks().size(),
                    decided ? StopLog.Kind.DECIDED : StopLog.Kind.UNDECIDED, reason));
        }
        return new StopLog("beside a baseline jar: fork pairs until the comparison decides, " + plan.rounds() + " to "
                + most + " pairs", plan.rounds(), most, rows);
    }

    /**
     * The comparison the run publishes ({@code report.ComparisonReports}), rows with modes tested mode by
     * mode: judged by the rank test alone, a two-mode row read as decided here and UNKNOWN in the
     * report, and stopped getting the fork pairs its modes needed.
     */
    static Comparison judge(RunResults base, RunResults candidate, Criteria criteria) {
        return Comparison.compare(base, candidate, criteria, new ByModes());
    }

    /** Per flag set, the rows whose comparison with the baseline so far is UNKNOWN but could be decided. */
    static Map<String, List<BenchmarkKey>> undecided(Comparison cmp) {
        Map<String, List<BenchmarkKey>> out = new LinkedHashMap<>();
        cmp.rows().stream().filter(r -> r.verdict() == Verdict.UNKNOWN && Double.isFinite(r.minReachableQ()))
                .forEach(r -> out.computeIfAbsent(r.flagSet(), k -> new ArrayList<>()).add(r.key()));
        return out;
    }

    /** The candidate's forks so far against the baseline jar's. */
    private Comparison compare(Measurements measured) throws IOException {
        Path scratch = Files.createTempDirectory("taskbench-adaptive-");
        try {
            List<BenchmarkResult> candidate = new ArrayList<>();
            List<BenchmarkResult> base = new ArrayList<>();
            for (Planned p : measured.survivors(plan.flagSets())) {
                String set = p.flagSet().name();
                Path c = scratch.resolve("candidate-" + p.flagSet().fileName() + ".json");
                measured.writeJson(set, c);
                candidate.addAll(JmhJsonReader.read(c, set));
                List<Path> rounds = measured.baselineRounds().get(p.flagSet().fileName());
                if (rounds != null) {
                    Path b = scratch.resolve("base-" + p.flagSet().fileName() + ".json");
                    BaselineJar.mergeRounds(rounds, b);
                    base.addAll(JmhJsonReader.read(b, set));
                }
            }
            return judge(new RunResults(scratch.resolve("base"), "baseline", Map.of(), base),
                    new RunResults(scratch, "candidate", Map.of(), candidate), criteria);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }
}
