package dev.taskbench.runner;

import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.history.ForkHistory;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowKey;
import dev.taskbench.stability.Disturbance;
import dev.taskbench.stability.RowStability;
import dev.taskbench.stability.SuspectForks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Forks that should not be trusted, re-run: after the rounds, every row's forks are checked
 * ({@link SuspectForks}: the rest of the machine busy beside a fork, a fork alone far from its
 * row's others, a fork that never settled), and each suspect fork is replaced by a fresh fork of
 * its row, up to {@code -Dtaskbench.rerun.max} times. A standard or full run also holds each fork
 * against its row's earlier runs on the same testbed ({@link ForkHistory}). A replaced fork leaves the results the
 * findings read but stays in the run folder and in its {@link ForkLog}, with why, so nothing is
 * dropped out of sight; a fork still suspect at the cap stays in the results, marked, and a
 * finding that rests on a disturbed one says it is undecided. Two forks at one level are a mode,
 * which a re-run cannot settle: the rule leaves them to the modes report.
 */
final class SuspectReruns {
    private static final Disturbance UNSAMPLED = Disturbance.unmeasured("not sampled");

    private final int cap;
    private final RunPlan plan;
    private final Execution execution;
    private final ForkHistory history;
    private final PrintStream out;
    /** Forks already judged and kept: never suspect again. */
    private final Set<BenchmarkResult> accepted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Forks still suspect when the re-runs ended, with why. */
    private final Map<BenchmarkResult, List<String>> unsettled = new IdentityHashMap<>();

    SuspectReruns(RunSettings settings, RunPlan plan, Execution execution, ForkHistory history, PrintStream out) {
        this.cap = settings.reruns();
        this.plan = plan;
        this.execution = execution;
        this.history = settings.request().profile().keepsDeclaredPlans() ? history : ForkHistory.NONE;
        this.out = out;
    }

    /** One row's kept forks, what was measured beside each, and its suspects as the rule finds them now. */
    private record Checked(Planned planned, BenchmarkParams params, List<BenchmarkResult> forks,
            List<Disturbance> load, List<SuspectForks.Suspect> suspects) {
    }

    /**
     * Re-runs the suspect forks of every row until none is left or the cap is reached. A fork is
     * judged once: after the first check only the re-runs' fresh forks can be suspect, so taking
     * one outlier out never makes its row's other forks suspect in turn (its spread shrinks, and the
     * rule would otherwise go on trimming real forks).
     */
    void settle(Measurements measured) throws RunnerException {
        for (int attempt = 1; attempt <= cap; attempt++) {
            List<Checked> suspect = check(measured).stream().filter(c -> !c.suspects().isEmpty()).toList();
            accept(measured);
            if (suspect.isEmpty()) {
                return;
            }
            int forks = suspect.stream().mapToInt(c -> c.suspects().size()).sum();
            out.printf("taskbench: %d suspect fork(s) in %d row(s); re-running them (%d of at most %d)%n", forks,
                    suspect.size(), attempt, cap);
            for (Checked c : suspect) {
                replace(c, measured);
            }
        }
        List<Checked> left = check(measured).stream().filter(c -> !c.suspects().isEmpty()).toList();
        left.forEach(c -> c.suspects().forEach(s -> unsettled.put(c.forks().get(s.fork()), s.reasons())));
        accept(measured);
        if (!left.isEmpty()) {
            out.printf("taskbench: %d row(s) still have suspect forks%s; they stay in the results, marked, and a"
                    + " finding resting on a disturbed one is undecided%n", left.size(),
                    cap == 0 ? " (re-runs are off: -D" + SettingsCatalogue.RERUNS.key() + "=0)"
                            : " after " + cap + " re-run(s)");
            left.forEach(c -> c.suspects().forEach(s -> out.println("taskbench:   " + label(c) + " " + s.describe())));
        }
    }

    /** Fresh forks of the row first; only once they ran are the suspect ones taken out. */
    private void replace(Checked c, Measurements measured) throws RunnerException {
        c.suspects().forEach(s -> out.println("taskbench:   " + label(c) + " " + s.describe()));
        execution.rerun(c.planned(), c.params(), c.suspects().size());
        for (SuspectForks.Suspect s : c.suspects()) {
            measured.replace(c.forks().get(s.fork()), s.reasons());
        }
    }

    /**
     * The log of every row's forks as the run ends: what the metadata keeps and the reports read. A
     * kept fork is suspect if it was when the re-runs ended, or if it came later (a fork pair for an
     * undecided row) and the rule finds it so.
     */
    ForkLog log(Measurements measured) {
        List<ForkLog.RowLog> rows = new ArrayList<>();
        Map<String, List<RunResult>> replaced = new LinkedHashMap<>();
        for (Checked c : check(measured)) {
            String set = c.planned().flagSet().name();
            List<ForkLog.Fork> kept = new ArrayList<>();
            for (int i = 0; i < c.forks().size(); i++) {
                int fork = i;
                List<String> why = Optional.ofNullable(unsettled.get(c.forks().get(i))).orElseGet(() -> c.suspects()
                        .stream().filter(s -> s.fork() == fork).findFirst().map(SuspectForks.Suspect::reasons)
                        .orElse(List.of()));
                kept.add(fork(c.forks().get(i), c.load().get(i), why, measured.seconds(c.forks().get(i))));
            }
            List<ForkLog.Fork> gone = replaced.computeIfAbsent(set, measured::replacedForks).stream()
                    .filter(r -> r.getParams().id().equals(c.params().id()))
                    .flatMap(r -> r.getBenchmarkResults().stream())
                    .map(f -> fork(f, measured.load(f).orElse(UNSAMPLED), measured.replacedBecause(f).orElse(List.of()),
                            measured.seconds(f)))
                    .toList();
            rows.add(new ForkLog.RowLog(set, key(c.params()), c.forks().get(0).getPrimaryResult().getScoreUnit(), kept,
                    gone, RunClock.iterationSeconds(c.params()), measured.baselineForks(set, key(c.params()))));
        }
        return new ForkLog(cap, rows);
    }

    private static ForkLog.Fork fork(BenchmarkResult f, Disturbance d, List<String> why, double seconds) {
        return new ForkLog.Fork(RowStability.level(scores(f).stream().mapToDouble(Double::doubleValue).toArray()),
                d.others(), d.steal(), SuspectForks.disturbed(d), why, seconds);
    }

    /** Every fork the results keep now has been judged. */
    private void accept(Measurements measured) {
        for (Planned p : measured.survivors(plan.flagSets())) {
            measured.kept(p.flagSet().name()).forEach(r -> accepted.addAll(r.getBenchmarkResults()));
        }
    }

    /** Each row's forks, and its suspects among the forks not yet judged. */
    private List<Checked> check(Measurements measured) {
        List<Checked> out = new ArrayList<>();
        for (Planned p : measured.survivors(plan.flagSets())) {
            for (RunResult r : measured.kept(p.flagSet().name())) {
                List<BenchmarkResult> forks = List.copyOf(r.getBenchmarkResults());
                List<Disturbance> load = forks.stream().map(f -> measured.load(f).orElse(UNSAMPLED)).toList();
                List<SuspectForks.Suspect> suspects = stability(p, r)
                        .map(s -> s.suspects(load, history.of(new RowKey(p.flagSet().name(), key(r.getParams())))))
                        .orElse(List.of()).stream()
                        .filter(s -> !accepted.contains(forks.get(s.fork()))).toList();
                out.add(new Checked(p, r.getParams(), forks, load, suspects));
            }
        }
        return out;
    }

    /** The row as the stability rules read it: each fork's iteration scores. */
    private static Optional<RowStability> stability(Planned p, RunResult r) {
        List<BenchmarkResult> forks = List.copyOf(r.getBenchmarkResults());
        List<List<Double>> iterations = forks.stream().map(SuspectReruns::scores).toList();
        List<Double> means = iterations.stream().map(f -> f.stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN)).toList();
        String unit = forks.get(0).getPrimaryResult().getScoreUnit();
        dev.taskbench.results.BenchmarkResult row = new dev.taskbench.results.BenchmarkResult(key(r.getParams()),
                p.flagSet().name(), unit, means, Optional.empty(), Double.NaN, Double.NaN, iterations);
        double seconds = r.getParams().getMeasurement().getTime().convertTo(TimeUnit.NANOSECONDS) / 1e9;
        return RowStability.of(row, seconds);
    }

    private static List<Double> scores(BenchmarkResult fork) {
        return fork.getIterationResults().stream().map(IterationResult::getPrimaryResult).map(x -> x.getScore())
                .toList();
    }

    /** The row's key as the results files name it. */
    static BenchmarkKey key(BenchmarkParams p) {
        Map<String, String> params = new LinkedHashMap<>();
        p.getParamsKeys().forEach(k -> params.put(k, p.getParam(k)));
        return BenchmarkKey.of(p.getBenchmark(), params, p.getMode().shortLabel(), p.getThreads());
    }

    /** "FormParsingBenchmark.decode [...] avgt t1," with its flag set when it is not the default. */
    private static String label(Checked c) {
        String set = c.planned().flagSet().name();
        return key(c.params()).label() + (set.equals(FlagSet.DEFAULT.name()) ? "" : " (" + set + ")") + ",";
    }
}
