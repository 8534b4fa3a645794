package dev.taskbench.runner;

import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.history.RowHistory;
import dev.taskbench.history.VarianceSplit;
import dev.taskbench.report.PlanReport;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.PlanLog;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.stability.SteadyState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Each row's forks, iterations and warm-up, planned before the first fork from earlier runs of the
 * testbed it depends on ({@link RowHistory}); a row without them keeps the profile's.
 *
 * <ul>
 * <li>Iterations: Kalibera and Jones' optimal count from the row's variance split and what a fork
 * costs beyond its measurement against one iteration ({@link VarianceSplit#optimalIterations}),
 * rounded up, 1 to {@value #MAX_ITERATIONS}.
 * <li>Forks: where the stop rule starts the row, the forks its fork-to-fork spread needs for the
 * rule's width within the rule's minimum and cap, and no more than the fewest the rule ended it at in its
 * newest runs ({@link ForkStops}, as Japke et al.'s µOpTime sets repetitions from the previous run); a row
 * one of those runs stopped at the minimum keeps the profile's iterations. The rule still decides when it stops.
 * <li>Warm-up: the newest steady run's time to each fork's warm state ({@link SteadyState#warmIteration}:
 * a slower stretch after the fork once ran at its warm speed is the host's, not warm-up), its
 * {@value Warmups#STEADY_PERCENTILE}th percentile over the forks that reached one plus one of its iterations,
 * in the row's warm-up iterations when that is longer than the declared or profile warm-up, which is kept when
 * fewer than half its forks reached one ({@link Warmups#fromSteadyRun}).
 * </ul>
 * The user's {@code -wi/-w}, {@code -i/-r} and {@code -f} win. A benchmark method's rows run in one
 * JMH invocation per plan ({@link #apply}): rows whose plans differ no longer share the most any
 * of them asks.
 */
final class HistoryPlan {
    /** The most measurement iterations a fork gets: past them, a fork's mean is as good as its true one. */
    static final int MAX_ITERATIONS = 10;
    /**
     * One row's plan: what its invocation runs ({@code forks} its own start), and why.
     *
     * @param runsWith the iterations and warm-up it runs: its own, or more where the same parameters in
     *                 another flag set or mode ask more (they share an invocation)
     * @param own the measurement iterations and warm-up iterations its own history asks for
     * @param from the earlier runs it was planned from
     */
    record Row(String flagSet, BenchmarkKey key, String testbed, int forks, PassPlan.Iterations runsWith, Own own,
            Set<String> from, String why) {
    }

    /** What a row's own history asks of its iterations. */
    record Own(int iterations, int warmupIterations) {
    }

    /** Why every row keeps the profile's plan; null when rows are planned from history. */
    private final String off;
    private final List<Row> rows;

    private HistoryPlan(String off, List<Row> rows) {
        this.off = off;
        this.rows = List.copyOf(rows);
    }

    /**
     * The run's plan: from the history under the results folder where the run plans from history, else the
     * profile's with the reason; a folder that cannot be read is said on {@code err}.
     */
    static HistoryPlan of(RunSettings settings, CommandLineOptions user, RunPlan plan, RowTestbeds testbeds,
            PrintStream err) {
        Optional<String> off = off(settings, plan);
        if (off.isPresent()) {
            return plan(plan, user, testbeds, RowHistory.NONE, ForkTimes.NONE, "from the profile: " + off.get());
        }
        return plan(plan, user, testbeds, RowHistory.read(settings.resultsRoot(), err),
                ForkTimes.read(settings.resultsRoot()), ForkStops.read(settings.resultsRoot()), null);
    }

    /** Why a run plans nothing from history, if it does not. */
    private static Optional<String> off(RunSettings settings, RunPlan plan) {
        if (!settings.planHistory()) {
            return Optional.of("-D" + RunSettings.PLAN_HISTORY + "=false");
        }
        if (!plan.rows().profile().keepsDeclaredPlans()) {
            return Optional.of("the " + plan.rows().profile().id() + " profile plans its own forks and iterations");
        }
        if (plan.baseline() != null) {
            return Optional.of("beside a baseline jar the comparison decides the forks");
        }
        return Optional.empty();
    }

    /**
     * Every row of the plan, planned from {@code history} and {@code times}; {@code off} (null: none) is why
     * every row keeps the profile's.
     */
    static HistoryPlan plan(RunPlan plan, CommandLineOptions user, RowTestbeds testbeds, RowHistory history,
            ForkTimes times, String off) {
        return plan(plan, user, testbeds, history, times, ForkStops.NONE, off);
    }

    /** The same, no row starting beyond the forks the stop rule ended it at in its newest runs ({@code stops}). */
    static HistoryPlan plan(RunPlan plan, CommandLineOptions user, RowTestbeds testbeds, RowHistory history,
            ForkTimes times, ForkStops stops, String off) {
        List<Row> rows = new ArrayList<>();
        Map<String, BenchmarkListEntry> entries = new LinkedHashMap<>();
        for (Planned p : plan.flagSets()) {
            String set = p.flagSet().name();
            for (BenchmarkListEntry e : plan.kept(p).kept()) {
                Optional<PassPlan.Iterations> it = passOf(plan.passes(), e.getUsername());
                if (it.isEmpty()) {
                    continue;
                }
                entries.put(e.getUsername(), e);
                String testbed = testbeds.key(e.getUsername());
                Optional<ForkTimes.Timing> timing = times.of(testbed, set, e.getUsername());
                for (BenchmarkKey key : keys(e, it.get().params(), user)) {
                    rows.add(off != null ? profile(set, key, testbed, it.get(), forks(plan, user), off)
                            : row(set, key, testbed, e, it.get(), plan.stops(), forks(plan, user), user, history,
                                    timing, stops.of(ForkStops.Rule.WIDTH, testbed, new RowKey(set, key))));
                }
            }
        }
        Map<Combo, PassPlan.Iterations> runs = shared(rows);
        List<Row> said = rows.stream().map(r -> said(r, runs.get(Combo.of(r.key())), plan.flagSets().size() > 1,
                entries.get(r.key().benchmark()))).toList();
        return new HistoryPlan(off, said);
    }

    /** The pass that runs a benchmark; empty when the plan leaves it out. */
    private static Optional<PassPlan.Iterations> passOf(PassPlan passes, String benchmark) {
        return passes.passes().entrySet().stream().filter(p -> p.getValue().contains(benchmark))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The forks a row gets where nothing plans them: the rule's minimum, the user's, or the profile's. */
    private static int forks(RunPlan plan, CommandLineOptions user) {
        return plan.rounds() > 1 ? plan.rounds() : Math.max(1, user.getForkCount().orElse(
                plan.stops() != null ? plan.stops().minForks() : plan.rows().profile().forks()));
    }

    private static Row profile(String set, BenchmarkKey key, String testbed, PassPlan.Iterations it, int forks,
            String why) {
        return new Row(set, key, testbed, forks, it, new Own(it.measurementIterations(), it.warmupIterations()),
                Set.of(), why);
    }

    /**
     * One row from its history, its reasons in a few words each. {@code ended} holds the forks the stop rule
     * ended the row at in its newest runs: a row one of them stopped at the rule's minimum keeps the profile's
     * iterations and starts there, and no row starts beyond the fewest forks they ended it at. The variance split asks for the 95% interval of a
     * normal median, stricter at three forks than the rule itself (their range): planned from it alone, rows the
     * rule had decided at three started at up to eight, and the run took longer than one without history.
     */
    static Row row(String set, BenchmarkKey key, String testbed, BenchmarkListEntry e, PassPlan.Iterations it,
            StopRule rule, int forks, CommandLineOptions user, RowHistory history, Optional<ForkTimes.Timing> timing,
            Optional<ForkStops.Forks> ended) {
        RowKey row = new RowKey(set, key);
        Set<String> runs = new TreeSet<>();
        List<String> why = new ArrayList<>();
        int warmup = Warmups.fromSteadyRun(e, it, user, history.steadiness(testbed, row), runs, why);
        int iterations = it.measurementIterations();
        Optional<RowHistory.Split> split = history.split(testbed, row);
        if (split.isEmpty()) {
            why.add(runs.isEmpty() ? "from the profile: no earlier run of this testbed"
                    : "forks and iterations from the profile: no earlier standard or full run of this testbed");
        } else if (rule != null && ended.isPresent() && ended.get().fewest() <= rule.minForks()) {
            runs.addAll(ended.get().runs());
            forks = rule.minForks();
            int n = ended.get().runs().size();
            why.add("stopped at " + forks + " forks in " + (n == 1 ? "its earlier run" : "one of its " + n
                    + " newest runs") + ": the profile's iterations");
        } else {
            VarianceSplit s = split.get().split();
            runs.addAll(split.get().runs());
            if (!user.getMeasurementIterations().hasValue() && !user.getMeasurementTime().hasValue()
                    && e.getMode() != Mode.SingleShotTime) {
                double iteration = Warmups.seconds(it.measurementTime()) + RunClock.ITERATION_OVERHEAD_SECONDS;
                double fork = timing.map(ForkTimes.Timing::overheadSeconds)
                        .orElse(RunClock.JVM_START_SECONDS + RunClock.PRE_TOUCH_SECONDS)
                        + warmup * Warmups.seconds(it.warmupTime());
                iterations = iterations(s.optimalIterations(fork, iteration));
            }
            if (rule != null) {
                forks = rule.forksFor(s.forkVariance(iterations));
                if (ended.isPresent() && forks > ended.get().fewest()) {
                    forks = Math.max(rule.minForks(), ended.get().fewest());
                    runs.addAll(ended.get().runs());
                    why.add("no more forks than the fewest the rule ended it at in its newest runs");
                }
            }
            int n = split.get().runs().size();
            why.add("variance " + Math.round(100 * s.betweenShare()) + "% between forks, from " + n + " earlier run"
                    + (n == 1 ? "" : "s"));
        }
        PassPlan.Iterations runsWith = new PassPlan.Iterations(warmup, it.warmupTime(), iterations,
                it.measurementTime(), it.params());
        return new Row(set, key, testbed, forks, runsWith, new Own(iterations, warmup), runs, String.join("; ", why));
    }

    /** K&J's optimum rounded up, within 1 and the cap. */
    static int iterations(double optimal) {
        return optimal >= MAX_ITERATIONS ? MAX_ITERATIONS : Math.max(1, (int) Math.ceil(optimal - 1e-9));
    }

    /** A row's parameters in its method: what one invocation can pin; its flag sets and modes share it. */
    private record Combo(String benchmark, Map<String, String> params) {
        static Combo of(BenchmarkKey key) {
            return new Combo(key.benchmark(), Map.copyOf(key.params()));
        }
    }

    /** What each row's parameters run: the most iterations and warm-up their flag sets and modes ask for. */
    private static Map<Combo, PassPlan.Iterations> shared(List<Row> rows) {
        Map<Combo, PassPlan.Iterations> out = new HashMap<>();
        rows.forEach(r -> out.merge(Combo.of(r.key()), r.runsWith(), (a, b) -> new PassPlan.Iterations(
                Math.max(a.warmupIterations(), b.warmupIterations()), a.warmupTime(),
                Math.max(a.measurementIterations(), b.measurementIterations()), a.measurementTime(), a.params())));
        return out;
    }

    /**
     * The row as it runs, with its line: "FormParsingBenchmark.decode [input=seed] avgt t1: 4 forks x 2 iterations,
     * warm-up 2 x 500 ms (why)".
     */
    private static Row said(Row r, PassPlan.Iterations shared, boolean severalFlagSets, BenchmarkListEntry e) {
        List<String> why = new ArrayList<>(List.of(r.why()));
        if (shared.measurementIterations() != r.own().iterations()
                || shared.warmupIterations() != r.own().warmupIterations()) {
            why.add("its own history asks " + r.own().iterations() + " iteration(s) and " + r.own().warmupIterations()
                    + " warm-up; its parameters in another flag set or mode ask more, in the same invocation");
        }
        boolean single = e != null && e.getMode() == Mode.SingleShotTime;
        String line = r.key().label() + (severalFlagSets ? " (" + r.flagSet() + ")" : "") + ": " + r.forks() + " fork"
                + (r.forks() == 1 ? "" : "s") + " x " + shared.measurementIterations() + (single ? " shot" : " iteration")
                + (shared.measurementIterations() == 1 ? "" : "s") + ", warm-up " + (shared.warmupIterations() == 0
                        ? "none" : shared.warmup()) + " (" + String.join("; ", why.stream().filter(w -> !w.isEmpty())
                                .toList()) + ")";
        return new Row(r.flagSet(), r.key(), r.testbed(), r.forks(), shared, r.own(), r.from(), line);
    }

    /**
     * The run's plan with each row in a pass of its plan: a method whose rows all plan alike moves whole; one
     * whose rows differ runs one invocation per plan, each pinned to parameter products of its rows
     * ({@link PassProducts}), as the stop rule's rounds run a method's open rows.
     */
    RunPlan apply(RunPlan plan) {
        Map<PassPlan.Iterations, List<String>> passes = new LinkedHashMap<>();
        plan.passes().passes().forEach((it, names) -> names.forEach(n -> passesOf(n, it).forEach(
                pass -> passes.computeIfAbsent(pass, k -> new ArrayList<>()).add(n))));
        PassPlan planned = new PassPlan(passes, plan.passes().leftOut(), plan.passes().notes());
        return new RunPlan(new RowPlan(plan.rows().profile(), plan.selected(), planned), plan.flagSets(),
                plan.flagReport(), plan.rounds(), plan.baseline(), plan.candidateJvmArgs(), plan.needsDatabase(),
                plan.ceilingCovered(), plan.stops(), plan.base(), plan.shard());
    }

    /** The passes one method's rows run in: {@code it} when none is planned, one per plan and parameter product. */
    private List<PassPlan.Iterations> passesOf(String benchmark, PassPlan.Iterations it) {
        Map<PassPlan.Iterations, List<Map<String, String>>> byPlan = new LinkedHashMap<>();
        rows.stream().filter(r -> r.key().benchmark().equals(benchmark)).forEach(r -> byPlan.computeIfAbsent(
                r.runsWith(), k -> new ArrayList<>()).add(r.key().params()));
        if (byPlan.size() <= 1) {
            return List.copyOf(byPlan.isEmpty() ? List.of(it) : byPlan.keySet());
        }
        List<PassPlan.Iterations> out = new ArrayList<>();
        byPlan.forEach((planned, params) -> PassProducts.products(params).forEach(piece -> {
            Map<String, List<String>> pins = new TreeMap<>(planned.params());
            pins.putAll(piece);
            out.add(planned.pinning(pins));
        }));
        return out;
    }

    /** The forks a row starts at; {@code fallback} for a row the plan does not hold. */
    int startForks(String flagSet, BenchmarkKey key, int fallback) {
        return rows.stream().filter(r -> r.flagSet().equals(flagSet) && r.key().equals(key)).mapToInt(Row::forks)
                .findFirst().orElse(fallback);
    }

    /** A benchmark's rows in one flag set that {@code pins} admit, by the forks they start at: forks to rows. */
    Map<Integer, Integer> forksOf(String flagSet, String benchmark, Map<String, List<String>> pins) {
        Map<Integer, Integer> out = new TreeMap<>();
        rows.stream().filter(r -> r.flagSet().equals(flagSet) && r.key().benchmark().equals(benchmark)
                && PassPlan.admits(pins, r.key().params())).forEach(r -> out.merge(r.forks(), 1, Integer::sum));
        return out;
    }

    /** The plan of a shard's rows alone: per flag set, the benchmarks the shard runs ({@link ShardPlan}). */
    HistoryPlan only(Map<String, Set<String>> units) {
        return new HistoryPlan(off, rows.stream().filter(r -> units.getOrDefault(r.flagSet(), Set.of())
                .contains(r.key().benchmark())).toList());
    }

    /** The earlier runs any row was planned from. */
    Set<String> runs() {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.addAll(r.from()));
        return out;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Said before the first fork, as the reports say it: a line of counts, then one line per row; one line when
     * the run plans nothing from history.
     */
    void say(PrintStream out) {
        if (off != null) {
            out.println("taskbench: every row planned " + off);
            return;
        }
        out.print(PlanReport.text(log()));
    }

    /**
     * As the metadata keeps it ({@value PlanLog#METADATA_KEY}): every row, or none when the run plans nothing from
     * history (the source says why).
     */
    PlanLog log() {
        if (off != null) {
            return new PlanLog(off, List.of(), List.of());
        }
        return new PlanLog("earlier runs of this testbed", List.copyOf(runs()), rows.stream().map(r -> new PlanLog
                .Planned(r.flagSet(), r.key(), r.forks(), r.runsWith().measurementIterations(),
                        r.runsWith().warmupIterations() == 0 ? "none" : r.runsWith().warmup(), !r.from().isEmpty(),
                        r.why())).toList());
    }

    /** Every row of a benchmark under its pins and the user's {@code -p}: each parameter's values, multiplied out. */
    static List<BenchmarkKey> keys(BenchmarkListEntry e, Map<String, List<String>> pins, CommandLineOptions user) {
        List<Map<String, String>> combos = new ArrayList<>(List.of(new TreeMap<>()));
        for (Map.Entry<String, String[]> p : new TreeMap<>(e.getParams().orElse(Map.of())).entrySet()) {
            Collection<String> values = user.getParameter(p.getKey()).hasValue() ? user.getParameter(p.getKey()).get()
                    : pins.containsKey(p.getKey()) ? pins.get(p.getKey()) : List.of(p.getValue());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : values) {
                    Map<String, String> m = new TreeMap<>(c);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        String mode = e.getMode().shortLabel();
        int threads = user.getThreads().orElse(e.getThreads().orElse(1));
        return combos.stream().map(c -> BenchmarkKey.of(e.getUsername(), c, mode, threads)).toList();
    }
}
