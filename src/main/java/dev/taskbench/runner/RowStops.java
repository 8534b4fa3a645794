package dev.taskbench.runner;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.report.StopsReport;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.StopLog;
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
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Forks until each row is decided, in a run without a baseline jar: the rounds gave every row the
 * rule's minimum; then, round by round, every row short of the forks its history starts it at
 * ({@link HistoryPlan}) or whose {@link StopRule} does not hold yet gets one more fork, until it holds or the
 * row reaches the cap. A benchmark method's open rows of one plan run in the few JMH invocations whose
 * parameter products are exactly theirs ({@link RowForks}), so a decided row gets no fork it did not ask for,
 * and every row is judged on all its forks each round. Runs after {@link SuspectReruns}, so the rule reads
 * the forks the findings will; the forks it adds are checked in the fork log, not re-run.
 *
 * <p>Every row's reason lands in the metadata ({@link StopLog}); with forks fixed ({@code -f}, a
 * profile without the rule) the reason says so.
 */
final class RowStops {
    private final StopRule rule;
    private final Criteria criteria;
    private final RunPlan plan;
    private final CommandLineOptions user;
    private final Profile profile;
    private final HistoryPlan history;
    private final Execution execution;
    private final RunProgress clock;
    private final PrintStream out;

    RowStops(RunSettings settings, CommandLineOptions user, RunPlan plan, HistoryPlan history, Execution execution,
            RunProgress clock, PrintStream out) {
        this.rule = plan.stops();
        this.criteria = settings.criteria();
        this.plan = plan;
        this.user = user;
        this.profile = settings.request().profile();
        this.history = history;
        this.execution = execution;
        this.clock = clock;
        this.out = out;
    }

    /** One row as the rule finds it now. */
    record Judged(String flagSet, BenchmarkKey key, int forks, StopRule.Decision decision) {
    }

    /**
     * Adds forks where the rule does not hold yet, through the execution that owns the measurements;
     * answers why each row stopped. Null beside a baseline jar, whose comparison decides
     * ({@link AdaptiveForks}).
     */
    StopLog addForksUntilDecided(Measurements measured) throws RunnerException, IOException {
        if (plan.baseline() != null) {
            return null;
        }
        if (rule == null) {
            return fixed(measured);
        }
        for (int round = 0; round < rule.maxForks(); round++) {
            List<Judged> open = judge(measured).stream().filter(j -> !j.decision().stop()).toList();
            if (open.isEmpty()) {
                break;
            }
            out.printf("taskbench: %d row(s) not yet within %s of their median, or short of the forks planned from"
                    + " history: one more fork each (at most %d)%n", open.size(), StopRule.percent(rule.width()),
                    rule.maxForks());
            clock.atMost(open.stream().collect(Collectors.groupingBy(j -> j.key().benchmark(),
                    Collectors.summingInt(j -> Math.max(0, rule.maxForks() - j.forks())))));
            for (Planned p : measured.survivors(plan.flagSets())) {
                List<Judged> ofSet = open.stream().filter(j -> j.flagSet().equals(p.flagSet().name())).toList();
                for (List<BenchmarkKey> ofOnePass : RowForks.byPass(ofSet.stream().map(Judged::key).toList(),
                        plan.passes())) {
                    int forks = ofSet.stream().filter(j -> ofOnePass.contains(j.key())).mapToInt(Judged::forks).max()
                            .orElse(0);
                    execution.fork(p, ofOnePass, forks);
                }
            }
        }
        StopLog log = new StopLog(rule.describe(), rule.minForks(), rule.maxForks(), judge(measured).stream()
                .map(RowStops::stop).toList());
        out.println("taskbench: forks per row: " + StopsReport.counts(log));
        return log;
    }

    private static StopLog.Stop stop(Judged j) {
        StopRule.Decision d = j.decision();
        return new StopLog.Stop(j.flagSet(), j.key(), j.forks(), d.stop() ? d.kind() : StopLog.Kind.CAP, d.reason());
    }

    /** The log of a run whose forks are fixed: each row ran what it was given. */
    private StopLog fixed(Measurements measured) throws IOException {
        int planned = user.getForkCount().orElse(profile.forks());
        String why = user.getForkCount().hasValue() ? "fixed: -f " + planned
                : "fixed: " + planned + " fork(s), no stop rule (profile " + profile.id() + ")";
        List<StopLog.Stop> rows = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkResult>> set : rows(measured).entrySet()) {
            set.getValue().forEach(r -> rows.add(new StopLog.Stop(set.getKey(), r.key(), r.forks().length,
                    StopLog.Kind.FIXED, why)));
        }
        return new StopLog(why, planned, planned, rows);
    }

    /** Every row of every surviving flag set, judged on its kept forks. */
    List<Judged> judge(Measurements measured) throws IOException {
        List<Judged> out = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkResult>> set : rows(measured).entrySet()) {
            for (BenchmarkResult r : set.getValue()) {
                int forks = r.forks().length;
                int start = history.startForks(set.getKey(), r.key(), rule.minForks());
                out.add(new Judged(set.getKey(), r.key(), forks, rule.judge(RunSummary.median(r, criteria), r.forks(),
                        start)));
            }
        }
        return out;
    }

    /** Per flag set, its rows as the findings read them: the kept forks, through JMH's JSON. */
    private Map<String, List<BenchmarkResult>> rows(Measurements measured) throws IOException {
        Map<String, List<BenchmarkResult>> out = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("taskbench-stops-");
        try {
            for (Planned p : measured.survivors(plan.flagSets())) {
                String set = p.flagSet().name();
                Path f = scratch.resolve(p.flagSet().fileName() + ".json");
                measured.writeJson(set, f);
                out.put(set, JmhJsonReader.read(f, set));
                Files.deleteIfExists(f);
            }
            return out;
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
