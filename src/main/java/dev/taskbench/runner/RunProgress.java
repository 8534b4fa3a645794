package dev.taskbench.runner;

import dev.taskbench.Spans;
import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.results.RowTestbeds;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The whole run's clock as it goes: the estimate before the first fork ({@link RunClock}), then
 * one line for the whole run as forks end, {@code taskbench: 37 of 117 rows, 185 of 585 forks,
 * 6:12 elapsed, about 8 min left}, and at the end the planned against the real time, said and
 * kept in the metadata under {@value #METADATA_KEY}. The time left is what the plan and the forks
 * predicted beyond it have left ({@link ExtraForks}), scaled by how the forks so far kept to their
 * planned times (elapsed over planned, the plan weighing in as two minutes of forks that kept to it):
 * this run's own pace as its forks add up. Past that prediction, a phase that adds
 * forks round by round says the most it can still add ({@link #atMost}): {@code at most 9 min left}.
 *
 * <p>JMH writes its own output to the same console line by line, and mid-line while it prepares a
 * fork's profilers; so a line redrawn in place would be torn by it. The line is printed instead as
 * the next fork is prepared, after this profiler's name, which ends JMH's preparing line (it is the
 * last profiler prepared), and JMH's own line break ends it; a baseline jar's round, which runs
 * in a child process, ends with a line of its own. On a terminal every fork gets its line, in CI
 * one a minute ({@code -Dtaskbench.progress.every}).
 */
final class RunProgress implements ForkLoad.Listener {
    /** The metadata key of the planned against the real time. */
    static final String METADATA_KEY = "clock";
    /** The plan's weight in the pace, as seconds of planned forks that kept to it ({@link #pace}). */
    static final double PACE_PRIOR_SECONDS = 120;

    private final RunClock.Estimate plan;
    /** Between two progress lines; empty: none. */
    private final Optional<Duration> every;
    private final PrintStream out;
    private final LongSupplier nanos;
    private final long start;
    private final Map<String, Integer> doneByBenchmark = new HashMap<>();
    /** Per benchmark, the planned forks JMH ran here of each of its rows. */
    private final Map<String, Map<String, Integer>> forksByRow = new HashMap<>();
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private final Map<String, Integer> phaseForks = new LinkedHashMap<>();
    private long shown;
    private boolean pending;
    private int plannedDone;
    private int extra;
    private double plannedSecondsDone;
    /** The planned time of the forks beyond the plan so far, set against the forks predicted beyond it. */
    private double extraSecondsDone;
    /** Null while the planned forks run; else the phase adding forks beyond them. */
    private String phase;
    /** Whether the phase's forks count as planned while there are planned forks left. */
    private boolean phasePlannedFirst;
    private long phaseStart;
    /** The most planned fork time the phase can still add, as its last round said; NaN: not said. */
    private double boundSeconds = Double.NaN;
    /** {@link #extraSecondsDone} when the bound was said: what the phase spent since counts against it. */
    private double boundFrom;
    /** The forks' time as {@link #end} said it; NaN before: the metadata keeps what was said, not a later clock. */
    private double took = Double.NaN;

    RunProgress(RunClock.Estimate plan, Optional<Duration> every, PrintStream out, LongSupplier nanos) {
        this.plan = plan;
        this.every = every;
        this.out = out;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.shown = start;
    }

    /**
     * Plans the run, says how long it will take, and from now on hears of each fork's end
     * ({@link ForkLoad}); {@code started} is the run's metadata as it starts, whose testbed keys the rows, and
     * {@code history} where each row starts.
     */
    static RunProgress start(RunSettings settings, CommandLineOptions user, RunPlan plan, HistoryPlan history,
            Map<String, Object> started, PrintStream out) {
        List<RunClock.Rows> rows = RunClock.planned(RunClock.rows(plan, user, RowTestbeds.of(started)), history);
        RunClock.Estimate start = RunClock.estimate(rows, plan.baseline() != null ? 2 : 1, plan.flagSets().size(),
                ForkTimes.read(settings.resultsRoot()), history.runs());
        RunClock.Estimate estimate = start.adding(RunClock.beyond(plan, settings.adaptiveForks(), history.rows(), start,
                ForkStops.read(settings.resultsRoot())));
        out.println(estimate.line(settings.reruns() > 0 ? "re-runs of suspect forks" : ""));
        RunProgress progress = new RunProgress(estimate, settings.progress(), out, System::nanoTime);
        ForkLoad.listen(progress);
        return progress;
    }

    @Override
    public void forkEnded(BenchmarkParams params, double seconds) {
        forkEnded(params.getBenchmark(), SuspectReruns.key(params).label());
    }

    @Override
    public synchronized void forkStarting() {
        if (pending && due()) {
            // a line of its own: JMH may print another profiler's name after this one's on its line
            out.print(System.lineSeparator() + line() + System.lineSeparator());
            shown();
        }
    }

    /** One fork of {@code benchmark} ended, of a row not told: as if each row's forks ran back to back. */
    synchronized void forkEnded(String benchmark) {
        forkEnded(benchmark, "");
    }

    /** One fork of this row of {@code benchmark} ended. */
    synchronized void forkEnded(String benchmark, String row) {
        if (credit(null, benchmark, 1)) {
            forksByRow.computeIfAbsent(benchmark, b -> new HashMap<>()).merge(row, 1, Integer::sum);
        }
        pending = true;
    }

    /** A baseline jar's round ended: one fork of each of these benchmarks' rows in this flag set. */
    synchronized void elsewhere(String flagSet, Collection<String> benchmarks) {
        benchmarks.forEach(b -> credit(flagSet, b, rowsOf(flagSet, b)));
        if (due()) {
            out.println(line());
            shown();
        }
    }

    /** A fork pair's baseline side ended: {@code forks} forks of {@code benchmark} in this flag set. */
    synchronized void elsewhere(String flagSet, String benchmark, int forks) {
        credit(flagSet, benchmark, forks);
        pending = true;
    }

    /** From now on forks are beyond the plan: {@code name} says what adds them (re-runs, fork pairs). */
    synchronized void phase(String name) {
        phase(name, false);
    }

    /**
     * The same; where {@code plannedFirst}, the phase's forks count as planned while their benchmark has
     * planned forks left: the forks a row's history starts it at beyond the rounds' come in this phase.
     */
    synchronized void phase(String name, boolean plannedFirst) {
        closePhase();
        phase = name;
        phasePlannedFirst = plannedFirst;
        phaseStart = nanos.getAsLong();
    }

    /**
     * The most forks the phase can still add, per benchmark (its open rows times the forks each may still get):
     * past the forks predicted beyond the plan, the line says {@code at most 9 min left} from it, at this run's pace.
     */
    synchronized void atMost(Map<String, Integer> forksByBenchmark) {
        boundSeconds = forksByBenchmark.entrySet().stream()
                .mapToDouble(e -> e.getValue() * forkSeconds(null, e.getKey())).sum();
        boundFrom = extraSecondsDone;
    }

    /**
     * {@code taskbench: planned about 14 min, took 16 min 20 s (re-runs 1 min 10 s, fork pairs 2 min)}; forks
     * after it (a profiling pass) are no longer heard.
     */
    synchronized String end() {
        ForkLoad.listen((params, seconds) -> { });
        closePhase();
        phase = "";
        StringBuilder extraPhases = new StringBuilder();
        phases.forEach((name, s) -> {
            if (phaseForks.getOrDefault(name, 0) > 0) {
                extraPhases.append(extraPhases.length() == 0 ? " (" : ", ").append(name).append(' ')
                        .append(Spans.span(s));
            }
        });
        took = elapsed();
        return "taskbench: planned about " + Spans.about(plan.total()) + ", took " + Spans.span(took)
                + (extraPhases.length() == 0 ? "" : extraPhases + ")");
    }

    /** What the metadata keeps: the planned and the real time, the forks, and each phase beyond the plan. */
    synchronized Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plannedSeconds", Math.round(plan.total()));
        m.put("predictedBeyondSeconds", Math.round(plan.beyond().seconds()));
        m.put("actualSeconds", Math.round(Double.isNaN(took) ? elapsed() : took));
        m.put("plannedFromRuns", plan.earlierRuns());
        m.put("rows", plan.rows());
        m.put("plannedForks", plan.forks());
        m.put("forks", plannedDone + extra);
        Map<String, Object> beyond = new LinkedHashMap<>();
        phases.forEach((name, s) -> beyond.put(name, Map.of("seconds", Math.round(s), "forks",
                phaseForks.getOrDefault(name, 0))));
        m.put("beyondThePlan", beyond);
        return m;
    }

    /** The progress line now. */
    synchronized String line() {
        return line(elapsed());
    }

    /** The progress line {@code elapsed} seconds into the run. */
    synchronized String line(double elapsed) {
        String forks = plannedDone + " of " + plan.forks() + " forks" + (extra > 0 ? " and " + extra + " more" : "");
        double left = left(elapsed);
        double most = mostLeft(elapsed);
        boolean bounded = phase != null && most >= 0 && (left <= 0 || left > most || predictionSpent());
        String about = bounded ? ", at most " + Spans.about(Math.max(left, most)) + " left"
                : phase == null || left > 0 ? ", about " + Spans.about(left) + " left" : "";
        String tail = (phase == null || phase.isEmpty() ? "" : ", " + phase) + about;
        return "taskbench: " + rowsDone() + " of " + plan.rows() + " rows, " + forks + ", " + Spans.clock(elapsed)
                + " elapsed" + tail;
    }

    /**
     * What the plan and the forks predicted beyond it have left, scaled by how the forks so far kept to
     * their planned times: this run's own pace, once a fork has ended.
     */
    double left(double elapsed) {
        double remaining = (plannedDone >= plan.forks() ? 0 : Math.max(0, plan.seconds() - plannedSecondsDone))
                + Math.max(0, plan.beyond().seconds() - extraSecondsDone);
        return plannedSecondsDone + extraSecondsDone > 0 ? remaining * pace(elapsed) : Math.max(0, remaining - elapsed);
    }

    /**
     * Elapsed over planned for the forks so far, with the plan counted as {@value #PACE_PRIOR_SECONDS} s of forks
     * that kept to it: the first minute holds one-off costs (the runner's first JMH invocation, each benchmark's
     * first fork) and too few forks to read a pace from alone, and the plan's weight fades as forks add up.
     */
    private double pace(double elapsed) {
        double done = plannedSecondsDone + extraSecondsDone;
        return (elapsed + PACE_PRIOR_SECONDS) / (done + PACE_PRIOR_SECONDS);
    }

    /**
     * Whether the forks beyond the plan have used up what was predicted for them: what is left then is
     * only planned forks that may never run (a row its history started high that the rule let go), not a
     * time to say as "about".
     */
    private boolean predictionSpent() {
        return extraSecondsDone >= plan.beyond().seconds();
    }

    /** What the phase's bound ({@link #atMost}) has left at this run's pace; -1 when none was said. */
    private double mostLeft(double elapsed) {
        if (Double.isNaN(boundSeconds)) {
            return -1;
        }
        double remaining = Math.max(0, boundSeconds - (extraSecondsDone - boundFrom));
        return plannedSecondsDone + extraSecondsDone > 0 ? remaining * pace(elapsed) : remaining;
    }

    /**
     * Counts {@code forks} forks of a benchmark (in {@code flagSet}, or in any: a fork's own flag set is not
     * told), within the plan while the planned rounds run and it has forks left, else beyond it.
     */
    private boolean credit(String flagSet, String benchmark, int forks) {
        int done = doneByBenchmark.getOrDefault(benchmark, 0);
        if (phase != null && !phasePlannedFirst || done + forks > plannedForks(benchmark)) {
            extra += forks;
            extraSecondsDone += forks * forkSeconds(flagSet, benchmark);
            if (phase != null) {
                phaseForks.merge(phase, forks, Integer::sum);
            }
            return false;
        }
        doneByBenchmark.put(benchmark, done + forks);
        plannedDone += forks;
        plannedSecondsDone += forks * forkSeconds(flagSet, benchmark);
        return true;
    }

    /**
     * The rows whose planned forks have all ended, counted on the forks JMH ran here (a baseline jar's twins
     * follow them): in rounds of one fork a row, no row is done before the last round.
     */
    private int rowsDone() {
        int rows = 0;
        for (Map.Entry<String, Map<String, Integer>> b : forksByRow.entrySet()) {
            int perRow = plan.planned().stream().filter(p -> p.rows().benchmark().equals(b.getKey()))
                    .mapToInt(p -> p.rows().forks()).findFirst().orElse(1);
            int done = b.getValue().values().stream().mapToInt(f -> f / Math.max(1, perRow)).sum();
            rows += Math.min(rowsOf(null, b.getKey()), done);
        }
        return rows;
    }

    private int plannedForks(String benchmark) {
        return plan.planned().stream().filter(p -> p.rows().benchmark().equals(benchmark))
                .mapToInt(p -> p.forks(plan.sides())).sum();
    }

    private int rowsOf(String flagSet, String benchmark) {
        return plan.planned().stream().filter(p -> matches(p, flagSet, benchmark)).mapToInt(p -> p.rows().rows()).sum();
    }

    /**
     * One fork's planned time, in its flag set or over the flag sets that run the benchmark: over its plans
     * weighed by their forks, so that its planned forks, credited one by one, add up to its plan (an
     * unweighted mean left a few seconds of plan "to go" once every planned fork had run, and the line said
     * "about 0 s left" instead of its phase's bound).
     */
    private double forkSeconds(String flagSet, String benchmark) {
        double seconds = 0;
        int forks = 0;
        for (RunClock.Timed p : plan.planned()) {
            if (matches(p, flagSet, benchmark)) {
                seconds += p.forkSeconds() * p.forks(plan.sides());
                forks += p.forks(plan.sides());
            }
        }
        return forks == 0 ? 0 : seconds / forks;
    }

    private static boolean matches(RunClock.Timed p, String flagSet, String benchmark) {
        return p.rows().benchmark().equals(benchmark) && (flagSet == null || p.rows().flagSet().equals(flagSet));
    }

    private boolean due() {
        return every.isPresent() && nanos.getAsLong() - shown >= every.get().toNanos();
    }

    private void shown() {
        shown = nanos.getAsLong();
        pending = false;
    }

    private void closePhase() {
        boundSeconds = Double.NaN;
        if (phase != null && !phase.isEmpty()) {
            phases.merge(phase, (nanos.getAsLong() - phaseStart) / 1e9, Double::sum);
        }
    }

    private double elapsed() {
        return (nanos.getAsLong() - start) / 1e9;
    }
}
