package dev.taskbench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.special.Beta;

/**
 * Change points in a series of per-run values, by E-divisive means with a Student's t-test, the
 * method of Apache Otava (formerly DataStax Hunter; Fleming et al., "Hunter: Using Change Point
 * Detection to Hunt for Performance Regressions", ICPE 2023). Deterministic: no permutations.
 *
 * <ol>
 * <li><b>Candidate</b> (Matteson and James 2014, distance exponent 1): inside an interval, the
 * split point tau that maximises over tau &lt; kappa the statistic q-hat(X, Y) = 2/(m+n) sum |x-y|
 * - 2m/((m+n)(n-1)) sum_{i&lt;k} |x_i-x_k| - 2n/((m+n)(m-1)) sum_{j&lt;k} |y_j-y_k|, with X the n
 * values before tau and Y the m values from tau to kappa (a within-term is 0 for a single value).
 * Of all current intervals the candidate with the largest q-hat is tried.</li>
 * <li><b>Significance</b>: a two-sided Student's t-test (pooled variance) between the values left
 * of the candidate and those right of it, each reaching to the neighbouring change point or the
 * series' end. Splitting goes on while the best candidate's p is at most the threshold; the first
 * candidate that fails ends it.</li>
 * <li><b>Split</b>: the series is searched in sliding windows of {@link Params#window()} values,
 * advancing half a window (or to the last change point found), at a relaxed first-pass threshold
 * (10 times {@link Params#maxP()} below 0.05, as Otava does); the union are weak change points.</li>
 * <li><b>Merge</b>: with all weak points as boundaries, the point with the largest p is dropped
 * while that p is not below {@link Params#maxP()}, or, once all are, the one with the smallest
 * relative step while it is not above {@link Params#minMagnitude()}; its neighbours' statistics
 * are recomputed after each drop.</li>
 * </ol>
 * Three differences from Otava. In the split step the t-test compares the two segments the
 * best q-hat compared, X = [interval start, tau) and Y = [tau, kappa), where Otava tests X against
 * everything from tau to the interval's end: with Otava's test a step up and back inside one
 * window (a regression, then its fix) often mixes both levels on the right and is missed; the
 * merge step still tests every point between its neighbours, as Otava does. The t-test uses
 * sample (n-1) standard deviations, the textbook Student's test, where Otava passes population
 * ones. And a difference of means below {@value #ROUNDING} of their size counts as none, so a
 * constant series never splits on rounding.
 *
 * <p>Defaults ({@link Params#defaults()}) are Otava's: window 50, maxP 0.001, minMagnitude 0. What
 * the tests check, on seeded synthetic series of 30 runs with one 5% step at least five runs from
 * either end: with Gaussian noise of 1.5% standard deviation (a band of about +-3%), the step is
 * found within one run of its place in at least 95% of 200 series; of 200 series of pure noise at
 * most 5% show any change point. With Gaussian noise of 3% standard deviation no method can place
 * the step within one run 95% of the time: the test shows that even the least-squares split that
 * is told there is exactly one step does not, and checks that this detector finds at least half.
 * A higher maxP finds more of those steps and also more change points in pure noise.
 */
public final class ChangePoints {
    /** Relative difference of two means below which they count as equal (floating-point rounding). */
    static final double ROUNDING = 1e-12;

    /**
     * @param window values per sliding window of the split step, at least 4
     * @param maxP p-value a change point must stay below in the merge step, in (0, 1)
     * @param minMagnitude a significant change point is kept only if its relative step (the larger
     *                     of forward and backward) is above this, 0 keeps every significant one
     */
    public record Params(int window, double maxP, double minMagnitude) {
        public Params {
            if (window < 4) {
                throw new IllegalArgumentException("window must be at least 4, got " + window);
            }
            if (!(maxP > 0 && maxP < 1)) {
                throw new IllegalArgumentException("maxP must be a finite number strictly between 0 and 1, got " + maxP);
            }
            if (!(minMagnitude >= 0 && Double.isFinite(minMagnitude))) {
                throw new IllegalArgumentException("minMagnitude must be a finite number >= 0, got " + minMagnitude);
            }
        }

        public static Params defaults() {
            return new Params(50, 0.001, 0);
        }

        /** Otava's relaxed threshold for the split step. */
        double firstPassP() {
            return maxP < 0.05 ? maxP * 10 : maxP < 0.5 ? maxP * 2 : maxP;
        }
    }

    /** Fewest values in which a change point can be tested (a t-test needs one degree of freedom). */
    public static final int MIN_LENGTH = 3;

    private ChangePoints() {
    }

    /**
     * Change points in time order. A series shorter than {@value #MIN_LENGTH} has none.
     *
     * @throws IllegalArgumentException when a value is NaN or infinite
     */
    public static List<ChangePoint> detect(double[] series, Params p) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] is " + series[i] + ": values must be finite");
            }
        }
        if (series.length < MIN_LENGTH) {
            return List.of();
        }
        List<Integer> points = new ArrayList<>(split(series, p));
        merge(series, points, p);
        return stats(series, points);
    }

    private static TreeSet<Integer> split(double[] z, Params p) {
        TreeSet<Integer> weak = new TreeSet<>();
        int step = p.window() / 2;
        int start = 0;
        while (start < z.length) {
            int end = Math.min(start + p.window(), z.length);
            List<Integer> found = divisive(z, start, end, p.firstPassP());
            weak.addAll(found);
            int last = found.stream().mapToInt(Integer::intValue).max().orElse(0);
            start = Math.max(last, start + step);
        }
        return weak;
    }

    /**
     * E-divisive inside z[start, end): change points (absolute indices) while significant. The
     * t-test compares the two segments q-hat compared, [interval start, tau) and [tau, kappa).
     */
    private static List<Integer> divisive(double[] z, int start, int end, double threshold) {
        TreeSet<Integer> points = new TreeSet<>();
        while (true) {
            Candidate best = null;
            int from = start;
            int lo = start;
            for (int hi : boundaries(points, end)) {
                if (hi - lo > 1) {
                    Candidate c = candidate(z, lo, hi);
                    if (best == null || c.qhat > best.qhat) {
                        best = c;
                        from = lo;
                    }
                }
                lo = hi;
            }
            if (best == null || tTest(z, from, best.tau, best.kappa) > threshold) {
                return List.copyOf(points);
            }
            points.add(best.tau);
        }
    }

    private static List<Integer> boundaries(TreeSet<Integer> points, int end) {
        List<Integer> b = new ArrayList<>(points);
        b.add(end);
        return b;
    }

    record Candidate(int tau, double qhat, int kappa) {
    }

    /** The (tau, kappa) of z[a, b) maximising q-hat, a &lt; tau &lt; kappa &lt;= b; ties keep the first. */
    static Candidate candidate(double[] z, int a, int b) {
        int len = b - a;
        // col[k][i]: sum of |z[a+i'] - z[a+k]| over i' < i, for i <= k
        double[][] col = new double[len][];
        for (int k = 0; k < len; k++) {
            col[k] = new double[k + 1];
            for (int i = 0; i < k; i++) {
                col[k][i + 1] = col[k][i] + Math.abs(z[a + i] - z[a + k]);
            }
        }
        int bestTau = a + 1;
        int bestKappa = b;
        double best = Double.NEGATIVE_INFINITY;
        double withinX = 0; // pairs inside [0, t)
        for (int t = 1; t < len; t++) {
            withinX += col[t - 1][t - 1];
            double between = 0;
            double withinY = 0;
            for (int k = t + 1; k <= len; k++) {
                int y = k - 1;
                between += col[y][t];
                withinY += col[y][y] - col[y][t];
                double n = t;
                double m = k - t;
                double q = 2 / (m + n) * between
                        - (n > 1 ? 2 * m / ((m + n) * (n - 1)) * withinX : 0)
                        - (m > 1 ? 2 * n / ((m + n) * (m - 1)) * withinY : 0);
                if (q > best) {
                    best = q;
                    bestTau = a + t;
                    bestKappa = a + k;
                }
            }
        }
        return new Candidate(bestTau, best, bestKappa);
    }

    /** Otava's merge: drop the weakest point until every one is significant and large enough. */
    private static void merge(double[] z, List<Integer> points, Params p) {
        while (!points.isEmpty()) {
            List<ChangePoint> s = stats(z, points);
            int weakest = 0;
            for (int i = 1; i < s.size(); i++) {
                if (s.get(i).pValue() > s.get(weakest).pValue()) {
                    weakest = i;
                }
            }
            if (s.get(weakest).pValue() < p.maxP()) {
                for (int i = 1; i < s.size(); i++) {
                    if (s.get(i).magnitude() < s.get(weakest).magnitude()) {
                        weakest = i;
                    }
                }
                if (s.get(weakest).magnitude() > p.minMagnitude()) {
                    return;
                }
            }
            points.remove(weakest);
        }
    }

    /** Each point tested between its neighbours (or the series' ends). */
    private static List<ChangePoint> stats(double[] z, List<Integer> points) {
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int from = i == 0 ? 0 : points.get(i - 1);
            int at = points.get(i);
            int to = i == points.size() - 1 ? z.length : points.get(i + 1);
            double before = mean(z, from, at);
            double after = mean(z, at, to);
            out.add(new ChangePoint(at, before, after, tTest(z, from, at, to)));
        }
        return out;
    }

    /** Two-sided pooled-variance Student's t-test of z[from, at) against z[at, to). */
    static double tTest(double[] z, int from, int at, int to) {
        int n1 = at - from;
        int n2 = to - at;
        if (n1 < 1 || n2 < 1 || n1 + n2 < 3) {
            return 1;
        }
        double m1 = mean(z, from, at);
        double m2 = mean(z, at, to);
        double diff = m2 - m1;
        if (Math.abs(diff) <= ROUNDING * Math.max(Math.abs(m1), Math.abs(m2))) {
            return 1;
        }
        double ss = squares(z, from, at, m1) + squares(z, at, to, m2);
        int df = n1 + n2 - 2;
        double se2 = ss / df * (1.0 / n1 + 1.0 / n2);
        if (se2 == 0) {
            return 0;
        }
        double t2 = diff * diff / se2;
        return Beta.regularizedBeta(df / (df + t2), df / 2.0, 0.5);
    }

    private static double mean(double[] z, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += z[i];
        }
        return s / (to - from);
    }

    private static double squares(double[] z, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = z[i] - mean;
            s += d * d;
        }
        return s;
    }
}
