package dev.taskbench.stability;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.compare.Power;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The smallest change a row can detect at a number of forks per side, from its fork-to-fork spread
 * (the standard deviation of its log fork levels), as pyperf sizes its runs from the spread of its
 * process means: the shift, in those standard deviations, that the suite's own exact two-sided
 * Mann-Whitney test finds with power {@value #POWER} (Cohen's convention) at the comparison's alpha
 * divided by the row count, because a row that alone differs must reach q &lt;= alpha as rank 1 of
 * Benjamini-Hochberg ({@code compare.Power}). Up to {@value #SIMULATED_FORKS} forks a side that shift
 * is simulated once per fork count and level against the exact test on normal data (the two-sample
 * formula with the test's efficiency 3/&pi; claims about 80% where the exact test at 10 forks has
 * 70%); above, the formula with Student's t quantiles. Never below the minimum effect, which no
 * verdict goes under; none where the exact test's smallest q ({@link Power#minReachableQ}) is above
 * alpha.
 */
public final class DetectableChange {
    static final double POWER = 0.8;
    static final double MANN_WHITNEY_EFFICIENCY = 3 / Math.PI;
    /** Largest fork count per side {@link #forksFor} searches. */
    static final int MAX_FORKS = 1000;
    /** Up to this many forks a side the exact test's power is simulated; above, the formula holds. */
    static final int SIMULATED_FORKS = 25;
    static final int SIMULATIONS = 4000;
    static final int BISECTIONS = 30;
    /** The search's upper end, in multiples of the formula's shift (which the exact test needs more than). */
    static final double BRACKET = 4;
    static final long SEED = 19_880_601L;
    private static final Map<String, Double> SHIFTS = new ConcurrentHashMap<>();

    private final double spread;
    private final Criteria criteria;
    private final int rows;

    private DetectableChange(double spread, Criteria criteria, int rows) {
        if (!(spread >= 0 && Double.isFinite(spread))) {
            throw new IllegalArgumentException("spread must be a finite number >= 0, got " + spread);
        }
        this.spread = spread;
        this.criteria = criteria;
        this.rows = Math.max(1, rows);
    }

    /**
     * From this run's fork levels (at least two).
     *
     * @param rows how many rows the comparison tests (its Benjamini-Hochberg m)
     */
    public static DetectableChange of(double[] forkLevels, Direction direction, Criteria criteria, int rows) {
        if (forkLevels.length < 2) {
            throw new IllegalArgumentException("a spread needs two forks, got " + forkLevels.length);
        }
        double[] x = Spread.logTime(forkLevels, direction);
        return new DetectableChange(new StandardDeviation().evaluate(x), criteria, rows);
    }

    /**
     * From the fork levels of both sides of a comparison (at least two each): the pooled standard
     * deviation of their log levels, each side about its own mean, so a change between the sides
     * does not count as spread.
     */
    public static DetectableChange pooled(double[] base, double[] candidate, Direction direction, Criteria criteria,
            int rows) {
        if (base.length < 2 || candidate.length < 2) {
            throw new IllegalArgumentException("a pooled spread needs two forks a side, got " + base.length + " and "
                    + candidate.length);
        }
        StandardDeviation sd = new StandardDeviation();
        double vb = Math.pow(sd.evaluate(Spread.logTime(base, direction)), 2);
        double vc = Math.pow(sd.evaluate(Spread.logTime(candidate, direction)), 2);
        double pooled = ((base.length - 1) * vb + (candidate.length - 1) * vc) / (base.length + candidate.length - 2);
        return new DetectableChange(Math.sqrt(pooled), criteria, rows);
    }

    /** From a spread known otherwise (the row's history): the standard deviation of log fork levels. */
    public static DetectableChange ofSpread(double logSpread, Criteria criteria, int rows) {
        return new DetectableChange(logSpread, criteria, rows);
    }

    /** The fork-to-fork standard deviation of log levels this is computed from. */
    public double spread() {
        return spread;
    }

    /** The smallest relative change (0.04 = 4%) seen at these forks per side; empty when none can be. */
    public OptionalDouble at(int forks) {
        if (forks < 2 || Power.minReachableQ(forks, forks, rows) > criteria.alpha()) {
            return OptionalDouble.empty();
        }
        double log = standardShift(forks, criteria.alpha() / rows) * spread;
        return OptionalDouble.of(Math.max(Math.expm1(log), criteria.minEffect()));
    }

    /** The shift in standard deviations the exact test finds with power {@value #POWER}, once per forks and level. */
    static double standardShift(int forks, double level) {
        return SHIFTS.computeIfAbsent(forks + "@" + level, k -> forks > SIMULATED_FORKS ? formula(forks, level)
                : simulated(forks, level));
    }

    private static double formula(int forks, double level) {
        TDistribution t = new TDistribution(null, 2.0 * forks - 2);
        double z = t.inverseCumulativeProbability(1 - level / 2) + t.inverseCumulativeProbability(POWER);
        return z * Math.sqrt(2.0 / (forks * MANN_WHITNEY_EFFICIENCY));
    }

    /**
     * Bisection on the shift with the same seeded normal samples at every step, so power rises with
     * the shift; a sample is found when its rank sum lies in the exact test's two-sided rejection region.
     */
    private static double simulated(int forks, double level) {
        double reach = rejectionDistance(forks, level);
        RandomGenerator rng = new MersenneTwister(SEED + forks);
        double[][] base = new double[SIMULATIONS][forks];
        double[][] candidate = new double[SIMULATIONS][forks];
        for (int r = 0; r < SIMULATIONS; r++) {
            for (int i = 0; i < forks; i++) {
                base[r][i] = rng.nextGaussian();
                candidate[r][i] = rng.nextGaussian();
            }
        }
        double low = 0;
        double high = BRACKET * formula(forks, level);
        for (int step = 0; step < BISECTIONS; step++) {
            double mid = (low + high) / 2;
            if (power(base, candidate, mid, reach) >= POWER) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /** How far the candidate's doubled rank sum must lie from its mean for the exact two-sided p to reach level. */
    private static double rejectionDistance(int forks, double level) {
        double[] ranks = new double[2 * forks];
        Arrays.setAll(ranks, i -> i + 1);
        double[] p = ExactTests.rankSums(ranks, forks);
        double mean = forks * (2.0 * forks + 1);
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < p.length; s++) {
            double d = Math.abs(s - mean);
            double tail = 0;
            for (int u = 0; u < p.length; u++) {
                tail += Math.abs(u - mean) >= d - 1e-9 ? p[u] : 0;
            }
            if (p[s] > 0 && tail <= level) {
                best = Math.min(best, d);
            }
        }
        return best;
    }

    private static double power(double[][] base, double[][] candidate, double shift, double reach) {
        int forks = base[0].length;
        double mean = forks * (2.0 * forks + 1);
        int found = 0;
        for (int r = 0; r < base.length; r++) {
            int above = 0;
            for (double c : candidate[r]) {
                for (double b : base[r]) {
                    above += c + shift > b ? 1 : 0;
                }
            }
            double doubledRankSum = 2.0 * above + forks * (forks + 1.0);
            found += Math.abs(doubledRankSum - mean) >= reach - 1e-9 ? 1 : 0;
        }
        return (double) found / base.length;
    }

    /** Whether a change of this size is seen at these forks. */
    public boolean sees(double change, int forks) {
        OptionalDouble d = at(forks);
        return d.isPresent() && d.getAsDouble() <= change;
    }

    /** The fewest forks per side that see this change; {@link Integer#MAX_VALUE} when none up to {@value #MAX_FORKS}. */
    public int forksFor(double change) {
        for (int n = 2; n <= MAX_FORKS; n++) {
            if (sees(change, n)) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** "can see ±4% at 5 forks"; "cannot see any change at 5 forks among 110 rows: 8 could". */
    public String describe(int forks) {
        OptionalDouble d = at(forks);
        if (d.isEmpty()) {
            int needed = Power.forksNeeded(rows, criteria.alpha(), 2);
            return String.format(Locale.ROOT, "cannot see any change at %d forks among %d rows (best q %.3g): %s", forks, rows,
                    Power.minReachableQ(forks, forks, rows), needed == Integer.MAX_VALUE ? "no fork count could"
                            : needed + " could");
        }
        String floor = d.getAsDouble() <= criteria.minEffect() ? " (the minimum effect)" : "";
        return "can see \u00b1" + Figures.change(d.getAsDouble()).substring(1) + " at " + forks + " forks" + floor;
    }
}
