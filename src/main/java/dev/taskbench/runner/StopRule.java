package dev.taskbench.runner;

import dev.taskbench.compare.Interval;
import dev.taskbench.history.VarianceSplit;
import dev.taskbench.results.StopLog;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.StatUtils;

/**
 * When a row of a run without a baseline jar has forks enough: once the bootstrap interval of
 * the median of its fork scores, the interval its findings and reports use, is at most
 * {@code width} of the median wide, (high - low) / median &lt;= width, and it has at least
 * {@code minForks}; or once it has {@code maxForks}, whatever its width. A quiet row stops at the
 * minimum; a noisy one gets the budget. After Laaber et al. (FSE 2020), who stop adding forks at a
 * relative bootstrap interval width, and pyperf, which counts the processes a spread needs.
 *
 * <p>The budget goes where it can decide a row. From {@code reachAt} forks on, a row that even the
 * cap cannot bring within the width stops (a futility stop, as group-sequential trials have one): the
 * forks its median needs for the width ({@link VarianceSplit#forksFor}) at the spread its forks show
 * (the variance of their log scores, the trend a futility rule reads) are more than the cap. A row in
 * two modes, or one whose forks spread by a tenth, is one: more forks leave its interval as wide, they
 * only cost the run its time. {@code reachAt} defaults to the profile's fixed forks, so such a row
 * keeps what the fixed design gave it, enough for its modes to show.
 *
 * @param width the widest relative interval that stops a row ({@code -Dtaskbench.stop.width})
 * @param minForks the forks every row gets first ({@code -Dtaskbench.stop.minForks})
 * @param maxForks the most forks a row gets ({@code -Dtaskbench.stop.maxForks})
 * @param reachAt the forks from which a row out of the cap's reach stops; 0 never
 *     ({@code -Dtaskbench.stop.reachAt})
 */
record StopRule(double width, int minForks, int maxForks, int reachAt) {
    /**
     * 10%: with three forks the interval of the median is about their range, so a row whose three
     * forks lie within a tenth of their median is quiet and stops there; a finding's ratio of two
     * such rows keeps an interval of about 20% around it, enough to tell 1.5x from 2x.
     */
    static final double DEFAULT_WIDTH = 0.10;

    /** Whether a row stops, how, and why in a few words. */
    record Decision(boolean stop, StopLog.Kind kind, String reason) {
    }

    /** (high - low) / |estimate|; infinite when the estimate is 0 or not a number. */
    static double relativeWidth(Interval median) {
        double w = (median.high() - median.low()) / Math.abs(median.estimate());
        return Double.isFinite(w) ? w : Double.POSITIVE_INFINITY;
    }

    /** The rule on a row with {@code forks} forks whose median has this interval. */
    Decision judge(Interval median, int forks) {
        return judge(median, forks, minForks);
    }

    /**
     * The same for a row its history starts at {@code start} forks ({@link HistoryPlan}): it is not
     * judged before it has them.
     */
    Decision judge(Interval median, int forks, int start) {
        double w = relativeWidth(median);
        if (forks < Math.min(start, maxForks)) {
            return new Decision(false, null, "planned " + start + " forks from history, " + forks + " so far");
        }
        if (forks >= minForks && w <= width) {
            return new Decision(true, StopLog.Kind.WIDTH, "width " + percent(w) + " <= " + percent(width) + " after "
                    + forks + " forks");
        }
        if (forks >= maxForks) {
            return new Decision(true, StopLog.Kind.CAP, "cap " + maxForks + " forks reached, width " + percent(w));
        }
        return new Decision(false, null, "width " + percent(w) + " > " + percent(width) + " after " + forks + " forks");
    }

    /**
     * The same on the row's fork scores: the width and the cap first, then, from {@link #reachAt()}
     * forks on and once the forks history planned are in, whether the cap can decide it at all.
     */
    Decision judge(Interval median, double[] forkScores, int start) {
        int forks = forkScores.length;
        Decision d = judge(median, forks, start);
        if (d.stop() || reachAt == 0 || forks < Math.max(reachAt, Math.min(start, maxForks))) {
            return d;
        }
        int needs = neededForks(forkScores);
        if (needs <= maxForks) {
            return d;
        }
        return new Decision(true, StopLog.Kind.OUT_OF_REACH, "out of reach: width " + percent(relativeWidth(median))
                + " after " + forks + " forks; at their spread it needs " + (needs >= 1000 ? "1000+"
                        : needs) + " forks for " + percent(width) + ", more than the cap of " + maxForks);
    }

    /**
     * The forks the width needs at these forks' spread: the sample variance of their log scores, its point
     * estimate (read at the low end of its interval the rule gave rows up late, and the forks it let them
     * have decided few; docs/running.md). 1000 where a score is not positive. From 5 forks the
     * one farthest from their median is left out first: from 6 forks the median's interval leaves the
     * extremes out, so one stray fork does not put a row out of reach.
     */
    int neededForks(double[] forkScores) {
        if (forkScores.length < 2) {
            return minForks;
        }
        for (double f : forkScores) {
            if (!(f > 0) || !Double.isFinite(f)) {
                return 1000;
            }
        }
        double[] logs = Arrays.stream(forkScores).map(Math::log).sorted().toArray();
        if (logs.length >= 5) {
            double median = (logs[(logs.length - 1) / 2] + logs[logs.length / 2]) / 2;
            logs = median - logs[0] > logs[logs.length - 1] - median ? Arrays.copyOfRange(logs, 1, logs.length)
                    : Arrays.copyOf(logs, logs.length - 1);
        }
        return VarianceSplit.forksFor(width, StatUtils.variance(logs));
    }

    /**
     * The forks a row whose fork means vary by {@code forkVariance} (relative) needs for the width, within the
     * rule's; a row that needs more than the cap starts where the rule would give it up ({@link #reachAt}).
     */
    int forksFor(double forkVariance) {
        int needed = VarianceSplit.forksFor(width, forkVariance);
        if (needed > maxForks && reachAt > 0) {
            return Math.max(minForks, Math.min(maxForks, reachAt));
        }
        return Math.max(minForks, Math.min(maxForks, needed));
    }

    /** "width <= 10% of the median, 3 to 8 forks; out of the cap's reach from 5". */
    String describe() {
        return "width <= " + percent(width) + " of the median, " + minForks + " to " + maxForks + " forks"
                + (reachAt > 0 && reachAt < maxForks ? "; out of the cap's reach from " + reachAt : "");
    }

    /** "6.1%", "10%", "inf%" never: an unbounded width reads "unbounded". */
    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "unbounded";
        }
        double p = share * 100;
        return Math.abs(p - Math.rint(p)) < 0.05 ? String.format(Locale.ROOT, "%.0f%%", p)
                : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
