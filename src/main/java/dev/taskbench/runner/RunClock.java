package dev.taskbench.runner;

import dev.taskbench.Spans;
import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long the whole run will take, said before its first fork: JMH's own "Run progress … ETA" is
 * one pass's, so a run of several passes, flag sets or a baseline jar had no idea of its end. A
 * fork takes its iterations (as planned, each class's declared plans kept) plus what starting,
 * setting up and ending it costs. That cost is each benchmark's median in earlier runs of this
 * testbed ({@link ForkTimes}), so a database benchmark's schema set-up or a slow flag set is
 * counted as measured; a benchmark no earlier run timed gets the model's: a JVM start, the heap's
 * pre-touch and a little per iteration. The forks a rule adds beyond the rows' start (fork pairs for
 * undecided rows, the stop rule's forks for rows still wide) are a term of their own, predicted from
 * earlier runs' stops ({@link ExtraForks}); re-runs of suspect forks are not known up front: they come
 * on top, and the end says how long they took ({@link RunProgress}).
 */
final class RunClock {
    /** Starting a fork's JVM and JMH's hand-shake with it. */
    static final double JVM_START_SECONDS = 1.0;
    /** The fork touching its 1g heap before the first iteration ({@code -XX:+AlwaysPreTouch}). */
    static final double PRE_TOUCH_SECONDS = 1.5;
    /** Each iteration's own set-up, tear-down and report, beyond its time. */
    static final double ITERATION_OVERHEAD_SECONDS = 0.05;

    private RunClock() {
    }

    /**
     * A benchmark's rows in one flag set, as planned.
     *
     * @param testbed the key of the testbed its rows depend on
     * @param rows its rows (parameter combinations) that run
     * @param forks each row's forks: the one input a rule adding forks per row changes
     * @param iterations warm-up and measurement iterations a fork
     * @param iterationSeconds the time those iterations take a fork (0 for single-shot ones)
     * @param pins the parameter values its pass pins (empty: none), where a plan splits a benchmark's rows
     */
    record Rows(String flagSet, String benchmark, String testbed, int rows, int forks, int iterations,
            double iterationSeconds, Map<String, List<String>> pins) {
        Rows {
            pins = Map.copyOf(pins);
        }

        Rows(String flagSet, String benchmark, String testbed, int rows, int forks, int iterations,
                double iterationSeconds) {
            this(flagSet, benchmark, testbed, rows, forks, iterations, iterationSeconds, Map.of());
        }

        /** One fork as the model has it, for a benchmark no earlier run timed. */
        double modelForkSeconds() {
            return JVM_START_SECONDS + PRE_TOUCH_SECONDS + iterations * ITERATION_OVERHEAD_SECONDS + iterationSeconds;
        }
    }

    /** A benchmark's rows with the time one of their forks is planned to take, and whether earlier runs said so. */
    record Timed(Rows rows, double forkSeconds, Optional<ForkTimes.Timing> timed) {
        int forks(int sides) {
            return rows.rows() * rows.forks() * sides;
        }
    }

    /**
     * The whole run as planned.
     *
     * @param planned each benchmark's rows in each flag set
     * @param sides 2 beside a baseline jar (each fork has its twin), else 1
     * @param flagSets the flag sets that run
     * @param planRuns the earlier runs the rows' forks, iterations and warm-up are planned from ({@link HistoryPlan})
     * @param beyond the forks a rule adds beyond the rows' start, as predicted
     */
    record Estimate(List<Timed> planned, int sides, int flagSets, Set<String> planRuns, ExtraForks beyond) {
        Estimate {
            planned = List.copyOf(planned);
            planRuns = Set.copyOf(planRuns);
        }

        Estimate(List<Timed> planned, int sides, int flagSets) {
            this(planned, sides, flagSets, Set.of(), ExtraForks.NONE);
        }

        /** The same estimate with the forks beyond the rows' start. */
        Estimate adding(ExtraForks extra) {
            return new Estimate(planned, sides, flagSets, planRuns, extra);
        }

        /** The rows' forks where they start. */
        double seconds() {
            return planned.stream().mapToDouble(p -> p.forks(sides) * p.forkSeconds()).sum();
        }

        /** The whole figure said up front: the rows' start and the forks predicted beyond it. */
        double total() {
            return seconds() + beyond.seconds();
        }

        /** One fork of a benchmark in a flag set, as planned; 0 for one the plan does not hold. */
        double forkSeconds(String flagSet, String benchmark) {
            return planned.stream().filter(p -> p.rows().flagSet().equals(flagSet)
                    && p.rows().benchmark().equals(benchmark)).mapToDouble(Timed::forkSeconds).findFirst().orElse(0);
        }

        int rows() {
            return planned.stream().mapToInt(p -> p.rows().rows()).sum();
        }

        int forks() {
            return planned.stream().mapToInt(p -> p.forks(sides)).sum();
        }

        /** The earlier runs the timed rows, and the rows' plans, are planned from. */
        int earlierRuns() {
            Set<String> runs = new HashSet<>(planRuns);
            planned.forEach(p -> p.timed().ifPresent(t -> runs.addAll(t.runs())));
            return runs.size();
        }

        /**
         * {@code taskbench: about 14 min: 117 rows x 5 forks on 1 flag set (planned from 3 earlier runs of this
         * testbed)}; with forks predicted beyond the rows' start {@code about 30 min: 17 min for 53 rows x 4 forks
         * ..., ~13 min for fork pairs for undecided rows (from 2 earlier comparisons of this testbed)}; and what
         * comes on top, {@code more} and what could not be predicted.
         */
        String line(String more) {
            List<Integer> forksPerRow = planned.stream().map(p -> p.rows().forks()).distinct().toList();
            String forks = forksPerRow.size() == 1 ? " x " + forksPerRow.get(0) + " fork" + plural(forksPerRow.get(0))
                    : ", " + forks() / sides + " forks";
            String start = beyond.counted() ? Spans.about(seconds()) + " for " : "";
            String extra = beyond.counted() ? ", " + beyond.term() : "";
            String onTop = String.join(" and ", Stream.of(more, beyond.onTop())
                    .filter(m -> !m.isEmpty()).toList());
            return "taskbench: about " + Spans.about(total()) + ": " + start + rows() + " row" + plural(rows()) + forks
                    + " on " + flagSets + " flag set" + plural(flagSets) + (sides > 1
                            ? ", each fork beside the baseline jar's" : "") + " (" + source() + ")" + extra
                    + (onTop.isEmpty() ? "" : "; " + onTop + " come on top");
        }

        private String source() {
            long timed = planned.stream().filter(p -> p.timed().isPresent()).mapToInt(p -> p.rows().rows()).sum();
            int runs = earlierRuns();
            String earlier = runs + " earlier run" + plural(runs) + " of this testbed";
            if (timed == 0) {
                return planRuns.isEmpty() ? "from the profile: no earlier run of this testbed"
                        : "rows planned from " + earlier + ", fork times from the profile";
            }
            return timed == rows() ? "planned from " + earlier
                    : timed + " rows planned from " + earlier + ", " + (rows() - timed) + " from the profile";
        }
    }

    /**
     * The run's rows as they will run: per flag set, each benchmark its JDK can run, its rows (the
     * pass's pins, else the user's {@code -p} values, else every declared value), forks and iterations
     * read from the options its pass is built with ({@link JmhOptionsFactory#build}), where the user's
     * {@code -wi/-w/-i/-r/-f} win over the plan as they do in the forks; {@code testbeds} keys each on
     * the testbed it depends on.
     */
    static List<Rows> rows(RunPlan plan, CommandLineOptions user, RowTestbeds testbeds) {
        RunRequest request = new RunRequest(plan.rows().profile(), List.of(), null, null);
        List<Rows> out = new ArrayList<>();
        for (Planned p : plan.flagSets()) {
            List<BenchmarkListEntry> kept = plan.kept(p).kept();
            plan.passes().passes().forEach((it, names) -> {
                Options o = JmhOptionsFactory.build(request, user, new JmhOptionsFactory.Pass(p.flagSet(), null,
                        plan.passForks(), List.of(), it, null), List.of());
                kept.stream().filter(e -> names.contains(e.getUsername()))
                        .forEach(e -> out.add(rows(p, e, o, plan.rounds(), testbeds, it.params())));
            });
        }
        return out;
    }

    /** A benchmark's rows under the options its pass runs with: a round's forks, times the rounds. */
    private static Rows rows(Planned p, BenchmarkListEntry e, Options o, int rounds, RowTestbeds testbeds,
            Map<String, List<String>> pins) {
        int warmup = o.getWarmupIterations().get();
        int measurement = o.getMeasurementIterations().get();
        double iterations = e.getMode() == Mode.SingleShotTime ? 0 : seconds(warmup, o.getWarmupTime().get())
                + seconds(measurement, o.getMeasurementTime().get());
        return new Rows(p.flagSet().name(), e.getUsername(), testbeds.key(e.getUsername()), rowCount(e, o),
                rounds * Math.max(1, o.getForkCount().orElse(1)), warmup + measurement, iterations, pins);
    }

    /** The time a fork of this row was planned to spend in its iterations, as its fork log keeps it. */
    static double iterationSeconds(BenchmarkParams p) {
        return p.getMode() == Mode.SingleShotTime ? 0 : seconds(p.getWarmup().getCount(), p.getWarmup().getTime())
                + seconds(p.getMeasurement().getCount(), p.getMeasurement().getTime());
    }

    private static double seconds(int iterations, TimeValue each) {
        return iterations * each.convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }

    /** Each parameter's values as the options run them (the pass's pins, else the user's {@code -p}), else all. */
    private static int rowCount(BenchmarkListEntry e, Options o) {
        int n = 1;
        for (Map.Entry<String, String[]> p : e.getParams().orElse(Map.of()).entrySet()) {
            n *= o.getParameter(p.getKey()).hasValue() ? o.getParameter(p.getKey()).get().size() : p.getValue().length;
        }
        return n;
    }

    /**
     * The rows as {@code plan} starts them: each benchmark's rows split by the forks their history
     * starts them at. Their iterations are the plan's already, as its passes hold them.
     */
    static List<Rows> planned(List<Rows> rows, HistoryPlan plan) {
        List<Rows> out = new ArrayList<>();
        for (Rows r : rows) {
            Map<Integer, Integer> byForks = plan.forksOf(r.flagSet(), r.benchmark(), r.pins());
            if (byForks.isEmpty()) {
                out.add(r);
                continue;
            }
            byForks.forEach((forks, n) -> out.add(new Rows(r.flagSet(), r.benchmark(), r.testbed(), n, forks,
                    r.iterations(), r.iterationSeconds(), r.pins())));
        }
        return out;
    }

    /** The same, with the earlier runs the rows are planned from. */
    static Estimate estimate(List<Rows> rows, int sides, int flagSets, ForkTimes history, Set<String> planRuns) {
        Estimate e = estimate(rows, sides, flagSets, history);
        return new Estimate(e.planned(), sides, flagSets, planRuns, ExtraForks.NONE);
    }

    /** Each benchmark's fork time from earlier runs where they timed it, else from the model. */
    static Estimate estimate(List<Rows> rows, int sides, int flagSets, ForkTimes history) {
        List<Timed> planned = new ArrayList<>();
        for (Rows r : rows) {
            Optional<ForkTimes.Timing> t = history.of(r.testbed(), r.flagSet(), r.benchmark());
            double fork = t.map(x -> x.overheadSeconds() + r.iterationSeconds()).orElseGet(r::modelForkSeconds);
            planned.add(new Timed(r, fork, t));
        }
        return new Estimate(planned, sides, flagSets);
    }

    /**
     * The forks a rule adds beyond each of {@code rows}' start, predicted from earlier runs' stops
     * ({@link ExtraForks}): beside a baseline jar the fork pairs for undecided rows up to {@code pairsCap},
     * alone the stop rule's forks up to its cap (without an earlier run, every row to its reach point);
     * none when forks are fixed.
     */
    static ExtraForks beyond(RunPlan plan, int pairsCap, List<HistoryPlan.Row> rows, Estimate e, ForkStops stops) {
        List<ExtraForks.Start> starts = rows.stream().map(r -> new ExtraForks.Start(new RowKey(r.flagSet(), r.key()),
                r.testbed(), r.forks(), e.forkSeconds(r.flagSet(), r.key().benchmark()))).toList();
        if (plan.baseline() != null) {
            return pairsCap <= plan.rounds() ? ExtraForks.NONE : ExtraForks.predict(ForkStops.Rule.PAIRS,
                    "fork pairs for undecided rows", pairsCap, 0, starts, e.sides(), stops);
        }
        return plan.stops() == null ? ExtraForks.NONE : ExtraForks.predict(ForkStops.Rule.WIDTH,
                "forks for rows still wide after " + plan.stops().minForks(), plan.stops().maxForks(),
                plan.stops().reachAt(), starts, 1, stops);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
