package dev.taskbench.compare;

import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import java.util.Locale;
import java.util.Optional;

/**
 * A matched pair of rows with its statistics, waiting for the multiple-comparison correction over all rows, then its
 * verdict by the rules {@link Comparison} states: the rank test, the test by modes, drift, the power floor and
 * allocation.
 */
final class PendingRow {
    final String group;
    final BenchmarkResult base;
    final BenchmarkResult candidate;
    final Optional<Direction> direction;
    final double[] b;
    final double[] c;
    final Interval ratio;
    final MannWhitney.Result mw;
    final boolean tested;
    final String untestedReason;
    /** Untested for its unit, not its forks: more forks would not help. */
    final boolean unitProblem;
    /** The mode-by-mode test, when the row has modes on a side and enough forks to reach alpha. */
    final Optional<ModeTest.Outcome> modes;
    /** A mode-by-mode test whose forks could not reach alpha: the rank test stands, and says so. */
    final Optional<ModeTest.Outcome> modesTooThin;
    /** The row's run-to-run spread on this testbed, for two separate runs with history. */
    final Optional<Drift.Spread> drift;

    PendingRow(String group, BenchmarkResult base, BenchmarkResult candidate, Criteria o, ModeTest modeTest,
            Drift drift, GeometricMean geo) {
        this.drift = drift.of(new RowKey(group, base.key()));
        this.group = group;
        this.base = base;
        this.candidate = candidate;
        this.b = base.forks();
        this.c = candidate.forks();
        this.direction = base.unit().equals(candidate.unit()) ? Direction.ofUnit(base.unit()) : Optional.empty();
        long seed = o.seed() * 31 + (group + "|" + base.key().label()).hashCode();
        double[] replicates = Bootstrap.ratioOfMediansReplicates(b, c, o.resamples(), seed);
        this.ratio = Bootstrap.percentile(Stats.median(c) / Stats.median(b), replicates, o.confidence());
        this.mw = MannWhitney.test(b, c);
        this.unitProblem = !base.unit().equals(candidate.unit()) || direction.isEmpty();
        boolean enough = b.length >= o.minForks() && c.length >= o.minForks();
        Optional<ModeTest.Outcome> t = unitProblem || !enough ? Optional.empty() : modeTest.test(base, candidate, o);
        this.modes = t.filter(x -> x.minP() <= o.alpha());
        this.modesTooThin = t.filter(x -> x.minP() > o.alpha());
        this.untestedReason = untested(o);
        this.tested = untestedReason == null;
        if (tested) {
            geo.add(direction.orElseThrow(), ratio.estimate(), replicates);
        }
    }

    private String untested(Criteria o) {
        if (!base.unit().equals(candidate.unit())) {
            return "units differ: " + base.unit() + " vs " + candidate.unit();
        }
        if (direction.isEmpty()) {
            return "unknown unit " + base.unit();
        }
        if (b.length < o.minForks() || c.length < o.minForks()) {
            return b.length + " vs " + c.length + " forks, need " + o.minForks() + " per side";
        }
        // a mode test is kept only when it can reach alpha, so a floor above it is the rank test's
        double floor = floor();
        if (floor > o.alpha()) {
            return String.format(Locale.ROOT, "%d vs %d forks cannot reach p <= %s (best p %.3f)", b.length,
                    c.length, o.alpha(), floor);
        }
        return null;
    }

    /** "the ±11% this testbed drifts run to run (5 other runs)". */
    private String driftText(Criteria o) {
        Drift.Spread d = drift.orElseThrow();
        return String.format(Locale.ROOT, "the \u00b1%.1f%% this testbed drifts run to run (%d other runs)",
                d.threshold(o) * 100, d.runs());
    }

    /** The p that enters the correction: the mode test's when there is one, else the rank test's. */
    double p() {
        return modes.map(ModeTest.Outcome::p).orElse(mw.p());
    }

    /** The smallest p the row's test allows with these forks. */
    private double floor() {
        return modes.map(ModeTest.Outcome::minP).orElseGet(() -> MannWhitney.minimumP(b.length, c.length));
    }

    Row finish(double q, int m, Criteria o) {
        // a row left out of the correction for its forks would be one more row with enough of them
        int family = tested ? m : m + 1;
        double minQ = unitProblem ? Double.NaN
                : modes.isPresent() ? Math.min(1, floor() * family) : Power.minReachableQ(b.length, c.length, family);
        int forksNeeded = unitProblem ? 0 : Power.forksNeeded(family, o.alpha(), o.minForks());
        Verdict verdict;
        String reason;
        if (!tested) {
            verdict = Verdict.UNKNOWN;
            reason = untestedReason;
        } else if (modes.isPresent()) {
            ModeVerdict v = ModeVerdict.of(modes.get(), q, minQ, m, o);
            verdict = v.verdict();
            reason = v.reason();
        } else {
            double r = ratio.estimate();
            boolean higherBetter = direction.orElseThrow() == Direction.HIGHER_IS_BETTER;
            boolean up = r >= 1 + o.minEffect();
            boolean down = r <= 1 - o.minEffect();
            String change = String.format(Locale.ROOT, "%+.1f%%, q=%.3g", (r - 1) * 100, q);
            boolean withinEffect = o.minEffect() > 0 && ratio.low() > 1 - o.minEffect()
                    && ratio.high() < 1 + o.minEffect();
            if (q > o.alpha() && minQ > o.alpha() && withinEffect) {
                verdict = Verdict.SAME;
                reason = String.format(Locale.ROOT, "interval [%.3f, %.3f] inside the %.0f%% minimum effect (%s)",
                        ratio.low(), ratio.high(), o.minEffect() * 100, change);
            } else if (q > o.alpha() && minQ > o.alpha()) {
                verdict = Verdict.UNKNOWN;
                reason = String.format(Locale.ROOT,
                        "not significant, and %d vs %d forks cannot reach q <= %s among %d rows alone "
                                + "(best q %.3g): need %d forks per side (%s)",
                        b.length, c.length, o.alpha(), m, minQ, forksNeeded, change);
            } else if (q > o.alpha() && !ratio.contains(1)) {
                // an interval wholly to one side of 1 is a change the correction could not confirm, not no change
                verdict = Verdict.UNKNOWN;
                reason = String.format(Locale.ROOT, "interval [%.3f, %.3f] excludes 1, but not significant among"
                        + " %d rows (%s): more forks would decide it", ratio.low(), ratio.high(), m, change);
            } else if (q > o.alpha()) {
                verdict = Verdict.SAME;
                reason = "not significant (" + change + ")";
            } else if (ratio.contains(1)) {
                verdict = Verdict.SAME;
                reason = "interval includes 1 (" + change + ")";
            } else if (!up && !down) {
                verdict = Verdict.SAME;
                reason = String.format(Locale.ROOT, "below the %.0f%% minimum effect (%s)", o.minEffect() * 100,
                        change);
            } else if (drift.isPresent() && Math.abs(r - 1) < drift.get().threshold(o)) {
                verdict = Verdict.SAME;
                reason = "within " + driftText(o) + " (" + change + ")";
            } else {
                verdict = (up == higherBetter) ? Verdict.FASTER : Verdict.SLOWER;
                reason = change + drift.map(d -> "; beyond " + driftText(o)).orElse("");
            }
        }
        reason += modesTooThin.map(t -> String.format(Locale.ROOT, "; forks in more than one mode, too few a mode to "
                + "test mode by mode (best p %.3f)", t.minP())).orElse("");
        reason += base.disturbedForks() > 0 ? "; " + base.disturbedForks() + " of " + b.length
                + " base forks disturbed (the machine busy beside them)" : "";
        return new Row(new RowKey(group, base.key()), base.unit(), direction, base.forkScores(), candidate.forkScores(),
                Stats.median(b), Stats.median(c), ratio, tested ? mw.u() : Double.NaN,
                tested ? p() : Double.NaN, modes.isPresent() || mw.exact(), q, verdict, reason, allocation(o), minQ,
                forksNeeded, modes.isPresent(), modes.isPresent() ? Optional.empty() : drift);
    }

    private Row.Allocation allocation(Criteria o) {
        Optional<double[]> ab = base.allocForks();
        Optional<double[]> ac = candidate.allocForks();
        if (ab.isEmpty() || ac.isEmpty()) {
            return new Row.Allocation(ab.map(Stats::median).orElse(Double.NaN),
                    ac.map(Stats::median).orElse(Double.NaN), Double.NaN, AllocationVerdict.MISSING);
        }
        double mb = Stats.median(ab.get());
        double mc = Stats.median(ac.get());
        double tolerance = o.allocTolerance(mb);
        double[] b = ab.get();
        double[] c = ac.get();
        AllocationVerdict v = Stats.min(c) - Stats.max(b) > tolerance ? AllocationVerdict.GREW
                : Stats.min(b) - Stats.max(c) > tolerance ? AllocationVerdict.SHRANK : AllocationVerdict.SAME;
        return new Row.Allocation(mb, mc, tolerance, v);
    }

    /** A mode-by-mode outcome after the correction over rows. */
    private record ModeVerdict(Verdict verdict, String reason) {
        static ModeVerdict of(ModeTest.Outcome t, double q, double minQ, int m, Criteria o) {
            String stats = String.format(Locale.ROOT, "q=%.3g", q);
            boolean moved = t.verdict() == Verdict.FASTER || t.verdict() == Verdict.SLOWER;
            if (q > o.alpha() && minQ > o.alpha() && t.verdict() != Verdict.UNKNOWN) {
                return new ModeVerdict(Verdict.UNKNOWN, String.format(Locale.ROOT, "%sits forks per mode cannot reach "
                        + "q <= %s among %d rows alone (best q %.3g); %s", Comparison.BY_MODES, o.alpha(), m, minQ, t.reason()));
            }
            if (moved && q > o.alpha()) {
                // a mode that moved at the test's own level is a change the correction could not confirm, not no change
                return new ModeVerdict(Verdict.UNKNOWN, Comparison.BY_MODES + "not significant among " + m + " rows (" + stats + "): "
                        + t.reason() + ": more forks would decide it");
            }
            return new ModeVerdict(t.verdict(), Comparison.BY_MODES + t.reason() + (moved ? " (" + stats + ")" : ""));
        }
    }
}
