package dev.taskbench.runner;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.config.Command;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.RowStability;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the stop rule would have cost and answered on a run whose every row ran the rule's cap of forks
 * ({@code -f 8} in the standard profile): for many orderings of each row's forks, the fixed design takes the
 * first {@link Profile#forks()}, the rule the first k at which it stops, and the findings are computed from
 * each. Both designs read the same forks, so their time and their findings' widths differ by the design alone,
 * not by the run-to-run noise that two separate runs of a shared machine add (Laaber et al., FSE 2020, judge
 * their stop rules the same way, post hoc on full-length runs). Time is the kept forks' own wall time, their
 * pgbench samples in it.
 *
 * <p>{@code scripts/replay-stops.sh RUN_DIR [ORDERINGS]}, from the uber-jar {@code java -cp target/benchmarks.jar
 * dev.taskbench.runner.StopReplay RUN_DIR 200}. A folder that is no run, a row short of the cap or a bad count is a
 * one-line error.
 */
public final class StopReplay {
    static final String USAGE = "usage: replay-stops.sh RUN_DIR [ORDERINGS (default 200)]";
    static final int DEFAULT_ORDERINGS = 200;
    /** A finding no more than this many times as wide as the fixed design's counts as the same answer (issue 25). */
    static final double SAME_WIDTH = 1.25;
    private static final long SEED = 20_261_207L;

    /**
     * One design: fixed forks, or a stop rule.
     *
     * @param fixed the forks every row gets; 0 for a rule
     */
    record Design(String name, int fixed, StopRule rule) {
        int forks(BenchmarkResult r, int[] order, Criteria c) {
            return rule == null ? Math.min(fixed, order.length) : stopAt(rule, r, order, c);
        }
    }

    /**
     * A design over every ordering.
     *
     * @param seconds the forks' wall time, per ordering on average
     * @param forksPerRow how many rows stopped at each fork count, over every ordering
     * @param compared findings compared with the fixed design's, over every ordering
     * @param sameWidth of those, how many are no more than {@link #SAME_WIDTH} times as wide
     * @param medianWidthRatio their log widths' ratio to the fixed design's, the median
     * @param modalRows rows whose kept forks land in more than one mode, per ordering on average
     */
    public record Outcome(String design, double seconds, Map<Integer, Integer> forksPerRow, int compared,
            int sameWidth, double medianWidthRatio, double modalRows) {
        public double sameWidthShare() {
            return compared == 0 ? Double.NaN : sameWidth / (double) compared;
        }
    }

    private StopReplay() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Replays the designs on the run at {@code args[0]}, one line each; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the replay", new String[0], System.getenv(), err, s -> {
            if (args.length < 1 || args.length > 2) {
                throw new TaskbenchException(USAGE);
            }
            int orderings = args.length == 2 ? orderings(args[1]) : DEFAULT_ORDERINGS;
            RunResults run = RunResults.read(Path.of(args[0]));
            List<Outcome> outcomes = replay(run, orderings);
            out.println("taskbench: run " + run.runId() + ", " + run.results().size() + " rows, " + orderings
                    + " orderings of each row's forks; every design reads the same forks");
            outcomes.forEach(o -> out.println("  " + describe(o, outcomes.get(0))));
            return ExitCodes.OK;
        });
    }

    private static int orderings(String arg) {
        try {
            return Integer.parseInt(arg.trim());
        } catch (NumberFormatException e) {
            throw new TaskbenchException("ORDERINGS must be a whole number, not '" + arg + "'; " + USAGE);
        }
    }

    /** The standard profile's designs: its fixed forks, its fewest, and its rule from each fork count it may give up at. */
    static List<Design> standardDesigns(int forks) {
        Profile p = Profile.STANDARD;
        List<Design> out = new ArrayList<>(List.of(new Design("fixed " + p.forks(), p.forks(), null),
                new Design("fixed " + p.stopMinForks(), p.stopMinForks(), null)));
        for (int reach = p.forks(); reach >= p.stopMinForks(); reach--) {
            StopRule rule = new StopRule(StopRule.DEFAULT_WIDTH, p.stopMinForks(), Math.min(forks, p.stopMaxForks()),
                    reach);
            out.add(new Design("rule, out of reach from " + reach + (reach == p.forks() ? " (default)" : ""), 0, rule));
        }
        return out;
    }

    /** Replays the standard designs over {@code orderings} orderings (the first: as the run took them). */
    public static List<Outcome> replay(RunResults run, int orderings) {
        int fewest = run.results().stream().mapToInt(r -> r.forks().length).min()
                .orElseThrow(() -> new TaskbenchException(run.source() + " holds no rows"));
        int cap = Profile.STANDARD.stopMaxForks();
        if (fewest < cap) {
            BenchmarkResult short_ = run.results().stream().filter(r -> r.forks().length == fewest).findFirst()
                    .orElseThrow();
            throw new TaskbenchException("a replay needs every row at the rule's cap of " + cap + " forks (-f " + cap
                    + "); " + short_.key().label() + " has " + fewest);
        }
        if (orderings < 1) {
            throw new TaskbenchException("orderings must be at least 1, not " + orderings);
        }
        return replay(run, standardDesigns(fewest), orderings, Criteria.defaults());
    }

    static List<Outcome> replay(RunResults run, List<Design> designs, int orderings, Criteria c) {
        Map<RowKey, ForkLog.RowLog> logs = new HashMap<>();
        ForkLog.of(run.metadata()).ifPresent(l -> l.rows().forEach(r -> logs.put(r.row(), r)));
        Random random = new Random(SEED);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        designs.forEach(d -> tallies.put(d.name(), new Tally()));
        for (int o = 0; o < orderings; o++) {
            Map<RowKey, int[]> orders = orderings(run, o == 0 ? null : random);
            Map<String, Map<String, Interval>> answers = new LinkedHashMap<>();
            for (Design d : designs) {
                answers.put(d.name(), answers(run, d, orders, logs, tallies.get(d.name()), c));
            }
            Map<String, Interval> fixed = answers.get(designs.get(0).name());
            for (Design d : designs) {
                tallies.get(d.name()).compare(answers.get(d.name()), fixed);
            }
        }
        return designs.stream().map(d -> tallies.get(d.name()).outcome(d.name(), orderings)).toList();
    }

    /** What one design runs and answers under one ordering; tallies its forks, time and modes. */
    private static Map<String, Interval> answers(RunResults run, Design d, Map<RowKey, int[]> orders,
            Map<RowKey, ForkLog.RowLog> logs, Tally tally, Criteria c) {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (BenchmarkResult r : run.results()) {
            int[] order = orders.get(r.row());
            int k = d.forks(r, order, c);
            ForkLog.RowLog log = logs.get(r.row());
            BenchmarkResult kept = take(r, order, k, log);
            tally.row(k, seconds(log, order, k), RowStability.of(kept, 1).map(s -> s.modes().multimodal())
                    .orElse(false));
            rows.add(kept);
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Answer a : Findings.of(new RunResults(run.source(), run.runId(), run.metadata(), rows), c)) {
            if (a.ratio() != null && a.ratio().low() > 0) {
                out.put(a.group() + "|" + a.of().row() + "|" + a.to().map(BenchmarkResult::row) + "|" + a.label(),
                        a.ratio());
            }
        }
        return out;
    }

    /** Each row's fork order: as run, or shuffled. */
    private static Map<RowKey, int[]> orderings(RunResults run, Random random) {
        Map<RowKey, int[]> out = new HashMap<>();
        for (BenchmarkResult r : run.results()) {
            int[] order = new int[r.forks().length];
            Arrays.setAll(order, i -> i);
            for (int i = order.length - 1; random != null && i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            out.put(r.row(), order);
        }
        return out;
    }

    /** The forks at which the rule stops the row, reading its forks in this order; all of them if it never does. */
    static int stopAt(StopRule rule, BenchmarkResult r, int[] order, Criteria c) {
        for (int k = rule.minForks(); k <= order.length; k++) {
            BenchmarkResult t = take(r, order, k, null);
            if (rule.judge(RunSummary.median(t, c), t.forks(), rule.minForks()).stop()) {
                return k;
            }
        }
        return order.length;
    }

    /** The kept forks' wall time; without a fork log, one second a fork (the ratio between designs is then in forks). */
    private static double seconds(ForkLog.RowLog log, int[] order, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            double f = log == null || order[i] >= log.kept().size() ? Double.NaN : log.kept().get(order[i]).seconds();
            s += Double.isFinite(f) ? f : 1;
        }
        return s;
    }

    /** The row with only its forks {@code order[0..k)}, their pgbench samples (the first k + 1) and disturbed forks. */
    static BenchmarkResult take(BenchmarkResult r, int[] order, int k, ForkLog.RowLog log) {
        List<Double> scores = new ArrayList<>();
        List<List<Double>> iterations = new ArrayList<>();
        int disturbed = 0;
        for (int i = 0; i < k; i++) {
            scores.add(r.forkScores().get(order[i]));
            iterations.add(r.iterations().get(order[i]));
            if (log != null && order[i] < log.kept().size() && log.kept().get(order[i]).disturbed()) {
                disturbed++;
            }
        }
        Optional<List<Double>> alloc = r.allocNormPerFork().map(a -> Arrays.stream(order, 0, k).mapToObj(a::get)
                .toList());
        Map<String, Double> secondary = new TreeMap<>();
        r.secondaryScores().forEach((name, v) -> {
            if (!name.startsWith(BenchmarkResult.PGBENCH_SAMPLE)) {
                secondary.put(name, v);
            }
        });
        double[] samples = r.pgbenchSamples();
        for (int i = 0; i < Math.min(samples.length, k + 1); i++) {
            secondary.put(BenchmarkResult.PGBENCH_SAMPLE + (i + 1), samples[i]);
        }
        return new BenchmarkResult(r.key(), r.flagSet(), r.unit(), scores, alloc, r.jmhScore(), r.jmhError(),
                iterations, secondary, disturbed);
    }

    /** One line a design: {@code rule, out of reach from 5 (default): 0.97x the fixed forks' time, ...}. */
    public static String describe(Outcome o, Outcome fixed) {
        if (o.compared() == 0) {
            return String.format(Locale.ROOT, "%s: %.2fx the time of %s (%.0f s of forks); forks a row %s; no finding"
                    + " whose rows both ran; rows seen in 2+ modes %.1f a run", o.design(), o.seconds() / fixed.seconds(),
                    fixed.design(), o.seconds(), o.forksPerRow(), o.modalRows());
        }
        return String.format(Locale.ROOT, "%s: %.2fx the time of %s (%.0f s of forks); forks a row %s; %.1f%% of %d"
                + " findings no more than %.2fx as wide (median width %.2fx); rows seen in 2+ modes %.1f a run",
                o.design(), o.seconds() / fixed.seconds(), fixed.design(), o.seconds(), o.forksPerRow(),
                100 * o.sameWidthShare(), o.compared(), SAME_WIDTH, o.medianWidthRatio(), o.modalRows());
    }

    /** A design's running totals. */
    private static final class Tally {
        private double seconds;
        private final Map<Integer, Integer> forks = new TreeMap<>();
        private int modal;
        private int compared;
        private int same;
        private final List<Double> ratios = new ArrayList<>();

        void row(int k, double s, boolean multimodal) {
            seconds += s;
            forks.merge(k, 1, Integer::sum);
            modal += multimodal ? 1 : 0;
        }

        void compare(Map<String, Interval> mine, Map<String, Interval> fixed) {
            mine.forEach((finding, a) -> {
                Interval b = fixed.get(finding);
                if (b == null) {
                    return;
                }
                double ratio = Math.log(a.high() / a.low()) / Math.log(b.high() / b.low());
                compared++;
                same += ratio <= SAME_WIDTH || Double.isNaN(ratio) ? 1 : 0;
                ratios.add(ratio);
            });
        }

        Outcome outcome(String design, int orderings) {
            double[] r = ratios.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
            return new Outcome(design, seconds / orderings, forks, compared, same,
                    r.length == 0 ? Double.NaN : r[r.length / 2], modal / (double) orderings);
        }
    }
}
