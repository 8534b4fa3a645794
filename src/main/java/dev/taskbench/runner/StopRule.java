package dev.taskbench.runner;

import dev.taskbench.compare.Interval;
import dev.taskbench.history.VarianceSplit;
import dev.taskbench.results.StopLog;
import java.util.Locale;

/**
 * When a row of a run without a baseline jar has forks enough: once the bootstrap interval of
 * the median of its fork scores, the interval its findings and reports use, is at most
 * {@code width} of the median wide, (high - low) / median &lt;= width, and it has at least
 * {@code minForks}; or once it has {@code maxForks}, whatever its width. A quiet row stops at the
 * minimum; a noisy one gets the budget. After Laaber et al. (FSE 2020), who stop adding forks at a
 * relative bootstrap interval width, and pyperf, which counts the processes a spread needs.
 *
 * @param width the widest relative interval that stops a row ({@code -Dtaskbench.stop.width})
 * @param minForks the forks every row gets first ({@code -Dtaskbench.stop.minForks})
 * @param maxForks the most forks a row gets ({@code -Dtaskbench.stop.maxForks})
 */
record StopRule(double width, int minForks, int maxForks) {
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

    /** The forks a row whose fork means vary by {@code forkVariance} (relative) needs for the width, within the rule's. */
    int forksFor(double forkVariance) {
        return Math.max(minForks, Math.min(maxForks, VarianceSplit.forksFor(width, forkVariance)));
    }

    /** "width <= 10% of the median, 3 to 8 forks". */
    String describe() {
        return "width <= " + percent(width) + " of the median, " + minForks + " to " + maxForks + " forks";
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
