package dev.taskbench.compare;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RunResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Base against candidate, row by row, with the fork as the unit of measurement.
 *
 * <ul>
 * <li>Rows are matched by their {@link RowKey}, flag set and benchmark key; rows on one side only are listed in
 * {@link #onlyInBase()} / {@link #onlyInCandidate()}, not errors.</li>
 * <li>Per row: a two-sided Mann-Whitney U test on the fork scores ({@link MannWhitney}), a
 * percentile-bootstrap interval of median(candidate)/median(base), and Benjamini-Hochberg
 * across all tested rows.</li>
 * <li>FASTER/SLOWER needs q &lt;= alpha, an interval that excludes 1, and a median change of at
 * least the minimum effect in the score's own unit (default 5%); otherwise SAME.</li>
 * <li>UNKNOWN: unknown unit, fewer than {@link Criteria#minForks()} forks on a side, or fork
 * counts whose smallest possible exact p exceeds alpha (3 against 3 gives 0.1); such rows are
 * left out of the correction's m. A tested row that is not significant is UNKNOWN too, not SAME,
 * when its fork counts could not have reached q &lt;= alpha among the m tested rows had it been
 * the only row that differs ({@link Power}: smallest q = pMin * m); its reason says how many
 * forks per side it would need. Such a row is SAME only by equivalence: when its ratio's
 * interval lies inside the minimum effect band (1 &plusmn; minEffect), no change that large is
 * supported whatever the test's floor. A row that cannot be tested is never reported as SAME.</li>
 * <li>A row whose forks land in more than one mode on either side is tested mode by mode when a
 * {@link ModeTest} is given: that test's one p (both its questions, Bonferroni) takes the rank test's
 * place in the same Benjamini-Hochberg family, so m counts each row once whichever test it got, and
 * its verdict stands only when its q &lt;= alpha (else UNKNOWN: a mode its test saw move is not the
 * same, and a row whose forks could not have reached q &lt;= alpha alone is not decided either). Its reason starts {@value #BY_MODES}. The ratio's interval is
 * not asked to exclude 1: the median of a mixture is not what moved. When too few forks land in a
 * mode for the test by modes to reach p &lt;= alpha at all (5 forks a side split 3/2), the rank test
 * stands, as its null (one distribution on both sides) holds for an unchanged mixture too, and the
 * reason says the modes were not tested.</li>
 * <li>Base and candidate from separate runs (not interleaved) differ by the testbed's drift too,
 * which forks within each run do not show. With a {@link Drift} that knows a row's run-to-run
 * spread, a FASTER or SLOWER rank-tested row must also move by at least
 * {@link Drift.Spread#threshold} (else SAME), and its reason names the threshold it used. Rows
 * compared mode by mode keep their verdict: a split of forks between modes has no size to hold
 * against drift.</li>
 * <li>{@code gc.alloc.rate.norm} (bytes per operation) needs no test where it is deterministic,
 * but it is not everywhere: a row that allocates hundreds of KB per call moves by a percent or
 * two from fork to fork with what the JIT scalar-replaced. So allocation GREW only when every
 * candidate fork allocates more than every base fork by more than the tolerance (default 1% +
 * 16 B/op of the base median), and SHRANK the other way round; overlapping forks are SAME. On
 * deterministic rows that is the plain median test, and one fork per side suffices. 16 B is one
 * small object or a TLAB-accounting wobble.</li>
 * </ul>
 * {@link #coverage()} and {@link #coverageFailures()} say whether the comparison covered what a
 * gate must judge: something matched, nothing on one side only, nothing UNKNOWN.
 */
public final class Comparison {
    /** How the reason of a row tested mode by mode starts. */
    public static final String BY_MODES = "mode by mode: ";
    private final String baseName;
    private final String candidateName;
    private final Criteria options;
    private final List<Row> rows;
    private final List<BenchmarkResult> onlyInBase;
    private final List<BenchmarkResult> onlyInCandidate;
    private final Optional<Interval> geometricMean;
    private final TestbedCheck testbeds;

    private Comparison(String baseName, String candidateName, Criteria options, List<Row> rows,
            List<BenchmarkResult> onlyInBase, List<BenchmarkResult> onlyInCandidate, Optional<Interval> geometricMean,
            TestbedCheck testbeds) {
        this.testbeds = testbeds;
        this.baseName = baseName;
        this.candidateName = candidateName;
        this.options = options;
        this.rows = List.copyOf(rows);
        this.onlyInBase = List.copyOf(onlyInBase);
        this.onlyInCandidate = List.copyOf(onlyInCandidate);
        this.geometricMean = geometricMean;
    }

    /** Two runs: rows matched by flag set and key, every row by the rank test. */
    public static Comparison compare(RunResults base, RunResults candidate, Criteria options) {
        return compare(base, candidate, options, ModeTest.NONE);
    }

    /** Two runs: rows matched by flag set and key, rows with modes by {@code modes}. */
    public static Comparison compare(RunResults base, RunResults candidate, Criteria options, ModeTest modes) {
        return compare(base, candidate, options, modes, Drift.NONE);
    }

    /** The same, with the testbed's run-to-run drift held against rows of two separate runs. */
    public static Comparison compare(RunResults base, RunResults candidate, Criteria options, ModeTest modes,
            Drift drift) {
        TestbedCheck testbeds = TestbedCheck.of(base, candidate, false);
        // the baseline jar's forks are logged in the candidate's run, which watched them
        Map<RowKey, BenchmarkResult> b = index(testbeds.interleaved()
                ? ForkLog.applyBaseline(candidate.metadata(), base.results()) : base.results(), true);
        Map<RowKey, BenchmarkResult> c = index(candidate.results(), true);
        return build(base.runId(), candidate.runId(), b, c, r -> r.flagSet(), options, modes,
                testbeds.interleaved() ? Drift.NONE : drift, testbeds);
    }

    /** Two flag sets of one run ("is flag set B better than A?"): rows matched by key. */
    public static Comparison compareFlagSets(RunResults run, String baseFlagSet, String candidateFlagSet,
            Criteria options) {
        return compareFlagSets(run, baseFlagSet, run, candidateFlagSet, options);
    }

    /**
     * Flag set A of one run against flag set B of another (or the same) run: rows matched by
     * benchmark, params, mode and threads. Across runs the testbeds must match for a gate, as
     * for any two runs.
     */
    public static Comparison compareFlagSets(RunResults base, String baseFlagSet, RunResults candidate,
            String candidateFlagSet, Criteria options) {
        return compareFlagSets(base, baseFlagSet, candidate, candidateFlagSet, options, ModeTest.NONE);
    }

    /** The same, rows with modes by {@code modes}. */
    public static Comparison compareFlagSets(RunResults base, String baseFlagSet, RunResults candidate,
            String candidateFlagSet, Criteria options, ModeTest modes) {
        requireFlagSet(base, baseFlagSet);
        requireFlagSet(candidate, candidateFlagSet);
        Map<RowKey, BenchmarkResult> b = index(base.results(baseFlagSet), false);
        Map<RowKey, BenchmarkResult> c = index(candidate.results(candidateFlagSet), false);
        String label = baseFlagSet + " \u2192 " + candidateFlagSet;
        boolean oneRun = base.source().toAbsolutePath().normalize().equals(candidate.source().toAbsolutePath().normalize());
        return build(oneRun ? baseFlagSet : base.runId() + ":" + baseFlagSet,
                oneRun ? candidateFlagSet : candidate.runId() + ":" + candidateFlagSet, b, c, r -> label, options, modes,
                Drift.NONE, TestbedCheck.of(base, candidate, false));
    }

    private static void requireFlagSet(RunResults run, String flagSet) {
        if (!run.flagSets().contains(flagSet)) {
            throw new TaskbenchException("run " + run.runId() + " has no flag set " + flagSet
                    + " (it has " + String.join(", ", run.flagSets()) + ")");
        }
    }

    /** Results by the row they are matched on: flag set and key, or the key alone (an empty flag set). */
    private static Map<RowKey, BenchmarkResult> index(List<BenchmarkResult> results, boolean withFlagSet) {
        Map<RowKey, BenchmarkResult> m = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparing(BenchmarkResult::flagSet, RunResults.FLAG_SET_ORDER)
                .thenComparing(BenchmarkResult::key)).forEach(r -> m.put(
                        new RowKey(withFlagSet ? r.flagSet() : "", r.key()), r));
        return m;
    }

    private static Comparison build(String baseName, String candidateName, Map<RowKey, BenchmarkResult> base,
            Map<RowKey, BenchmarkResult> candidate, Function<BenchmarkResult, String> group,
            Criteria o, ModeTest modes, Drift drift, TestbedCheck testbeds) {
        List<PendingRow> pending = new ArrayList<>();
        List<BenchmarkResult> onlyBase = new ArrayList<>();
        GeometricMean geo = new GeometricMean(o);
        base.forEach((id, b) -> {
            BenchmarkResult c = candidate.get(id);
            if (c == null) {
                onlyBase.add(b);
            } else {
                pending.add(new PendingRow(group.apply(b), b, c, o, modes, drift, geo));
            }
        });
        List<BenchmarkResult> onlyCandidate = candidate.entrySet().stream()
                .filter(e -> !base.containsKey(e.getKey())).map(Map.Entry::getValue).toList();

        double[] p = pending.stream().mapToDouble(x -> x.tested ? x.p() : Double.NaN).toArray();
        double[] q = BenjaminiHochberg.adjust(p);
        int m = (int) pending.stream().filter(x -> x.tested).count();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            rows.add(pending.get(i).finish(q[i], m, o));
        }
        return new Comparison(baseName, candidateName, o, rows, onlyBase, onlyCandidate, geo.result(), testbeds);
    }

    /** Whether base and candidate ran on one testbed (or interleaved in one run). */
    public TestbedCheck testbeds() {
        return testbeds;
    }

    public String baseName() {
        return baseName;
    }

    public String candidateName() {
        return candidateName;
    }

    public Criteria options() {
        return options;
    }

    /** Matched rows, by flag set then key. */
    public List<Row> rows() {
        return rows;
    }

    public List<BenchmarkResult> onlyInBase() {
        return onlyInBase;
    }

    public List<BenchmarkResult> onlyInCandidate() {
        return onlyInCandidate;
    }

    /** Geometric mean of the tested rows' time ratios (above 1 = slower), empty when none was tested. */
    public Optional<Interval> geometricMean() {
        return geometricMean;
    }

    /** Rows that fail the regression gate: SLOWER after correction, or allocation grown beyond tolerance. */
    public List<Row> gateFailures() {
        return rows.stream().filter(r -> r.gateFailure().isPresent()).toList();
    }

    public boolean passesGate() {
        return gateFailures().isEmpty();
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    /** What a comparison covered, for a gate to judge whether it tested anything it must. */
    public record Coverage(int matched, int onlyInBase, int onlyInCandidate, int unknown) {
    }

    public Coverage coverage() {
        return new Coverage(rows.size(), onlyInBase.size(), onlyInCandidate.size(), (int) count(Verdict.UNKNOWN));
    }

    /**
     * Why a gate cannot judge this comparison, one line per reason; empty when it can. Every row
     * must be judged: rows matched at all, none on one side only, none UNKNOWN.
     */
    public List<String> coverageFailures() {
        return coverageFailures(k -> true);
    }

    /**
     * As {@link #coverageFailures()}, for the rows whose key {@code mustJudge} accepts; other
     * rows on one side only or UNKNOWN are not failures. Matching nothing at all always is.
     */
    public List<String> coverageFailures(Predicate<BenchmarkKey> mustJudge) {
        List<String> failures = new ArrayList<>();
        if (rows.isEmpty()) {
            failures.add("no rows matched between " + baseName + " and " + candidateName);
        }
        describe(failures, "only in " + baseName, onlyInBase.stream().filter(r -> mustJudge.test(r.key()))
                .map(r -> r.row().label()).toList());
        describe(failures, "only in " + candidateName, onlyInCandidate.stream().filter(r -> mustJudge.test(r.key()))
                .map(r -> r.row().label()).toList());
        describe(failures, "UNKNOWN", rows.stream().filter(r -> r.verdict() == Verdict.UNKNOWN)
                .filter(r -> mustJudge.test(r.key())).map(r -> r.row().label() + " ("
                        + r.reason() + ")").toList());
        return failures;
    }

    /** Rows listed in a coverage failure line before "and N more". */
    static final int LISTED = 5;

    private static void describe(List<String> failures, String what, List<String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        String listed = String.join("; ", labels.subList(0, Math.min(LISTED, labels.size())));
        String more = labels.size() > LISTED ? "; and " + (labels.size() - LISTED) + " more" : "";
        failures.add(labels.size() + (labels.size() == 1 ? " row " : " rows ") + what + ": " + listed + more);
    }
}
