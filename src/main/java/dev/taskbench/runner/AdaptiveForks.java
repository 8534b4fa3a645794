package dev.taskbench.runner;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Fork pairs where a run beside a baseline jar cannot decide yet, by Chromium Pinpoint's rule:
 * while rows are UNKNOWN (their forks cannot decide them yet) and the cap
 * ({@code -Dtaskbench.adaptive.maxForks}) is not reached, each such row gets one more candidate
 * fork followed by one more baseline fork, and the comparison is made again. A benchmark
 * method's undecided rows share one JMH invocation a side ({@link RowForks}); a decided row caught
 * in that product keeps its extra pair.
 */
final class AdaptiveForks {
    private final int cap;
    private final Criteria criteria;
    private final RunPlan plan;
    private final Execution execution;
    private final PrintStream out;

    AdaptiveForks(RunSettings settings, RunPlan plan, Execution execution, PrintStream out) {
        this.cap = settings.adaptiveForks();
        this.criteria = settings.criteria();
        this.plan = plan;
        this.execution = execution;
        this.out = out;
    }

    /** Adds fork pairs to what the rounds measured, through the execution that owns it; answers it. */
    Measurements addForksWhereUndecided(Measurements measured) throws RunnerException, IOException {
        if (plan.baseline() == null || cap <= plan.rounds()) {
            return measured;
        }
        for (int pairs = plan.rounds(); pairs < cap; pairs++) {
            Map<String, List<BenchmarkKey>> undecided = undecided(measured);
            int n = undecided.values().stream().mapToInt(List::size).sum();
            if (n == 0) {
                out.printf("taskbench: every row is decided after %d fork pair(s)%n", pairs);
                return measured;
            }
            out.printf("taskbench: %d row(s) undecided after %d fork pair(s): one more pair each (at most %d)%n", n,
                    pairs, cap);
            for (Planned p : measured.survivors(plan.flagSets())) {
                List<BenchmarkKey> rows = undecided.getOrDefault(p.flagSet().name(), List.of());
                for (List<BenchmarkKey> ofOneMethod : RowForks.byMethod(rows)) {
                    execution.forkPair(p, ofOneMethod, pairs);
                }
            }
        }
        int left = undecided(measured).values().stream().mapToInt(List::size).sum();
        if (left > 0) {
            out.printf("taskbench: %d row(s) still undecided after %d fork pairs; the gate will say which%n", left,
                    cap);
        }
        return measured;
    }

    /** Per flag set, the rows whose comparison with the baseline so far is UNKNOWN but could be decided. */
    private Map<String, List<BenchmarkKey>> undecided(Measurements measured) throws IOException {
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
            Comparison cmp = Comparison.compare(new RunResults(scratch.resolve("base"), "baseline", Map.of(), base),
                    new RunResults(scratch, "candidate", Map.of(), candidate), criteria);
            Map<String, List<BenchmarkKey>> out = new LinkedHashMap<>();
            cmp.rows().stream().filter(r -> r.verdict() == Verdict.UNKNOWN && Double.isFinite(r.minReachableQ()))
                    .forEach(r -> out.computeIfAbsent(r.flagSet(), k -> new ArrayList<>()).add(r.key()));
            return out;
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
