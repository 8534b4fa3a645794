package dev.taskbench.stability;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Exact tests for few forks: Fisher's exact test on a 2 x k table of fork counts (Freeman and Halton's
 * extension, Biometrika 1951), and van Elteren's stratified rank-sum test (Biometrika 1960) with its
 * exact permutation distribution, strata independent; both two-sided, both with the smallest p the
 * margins or stratum sizes allow, so a caller can tell "no change" from "cannot tell".
 */
final class ExactTests {
    /** Relative slack when comparing probabilities or statistics computed in different orders. */
    private static final double SLACK = 1e-7;
    /** Resolution at which equal stratified statistics are merged. */
    private static final double GRID = 1e-9;

    private ExactTests() {
    }

    /** A two-sided p and the smallest any outcome could reach. */
    record Result(double p, double minP) {
    }

    /**
     * Fisher-Freeman-Halton: the probability, under the hypergeometric law with both margins fixed,
     * of every table no more likely than the observed one.
     */
    static Result fisher(int[] first, int[] second) {
        int k = first.length;
        int[] columns = new int[k];
        int row = 0;
        for (int j = 0; j < k; j++) {
            columns[j] = first[j] + second[j];
            row += first[j];
        }
        int total = Arrays.stream(columns).sum();
        double norm = CombinatoricsUtils.binomialCoefficientLog(total, row);
        Tally t = new Tally(logProbability(first, columns, norm));
        enumerate(columns, new int[k], 0, row, norm, t);
        return new Result(Math.min(1, t.p), Math.min(1, t.atLeast));
    }

    /** Sums over the tables: the p-value, and the mass of the least likely tables. */
    private static final class Tally {
        final double observed;
        double p;
        double least = Double.POSITIVE_INFINITY;
        double atLeast;

        Tally(double observed) {
            this.observed = observed;
        }

        void add(double logP) {
            double prob = Math.exp(logP);
            if (logP <= observed + SLACK) {
                p += prob;
            }
            if (logP < least - SLACK) {
                least = logP;
                atLeast = prob;
            } else if (logP <= least + SLACK) {
                atLeast += prob;
            }
        }
    }

    private static void enumerate(int[] columns, int[] a, int j, int left, double norm, Tally t) {
        if (j == columns.length - 1) {
            if (left <= columns[j]) {
                a[j] = left;
                t.add(logProbability(a, columns, norm));
            }
            return;
        }
        for (int v = 0; v <= Math.min(columns[j], left); v++) {
            a[j] = v;
            enumerate(columns, a, j + 1, left - v, norm, t);
        }
    }

    private static double logProbability(int[] a, int[] columns, double norm) {
        double lp = -norm;
        for (int j = 0; j < a.length; j++) {
            lp += CombinatoricsUtils.binomialCoefficientLog(columns[j], a[j]);
        }
        return lp;
    }

    /**
     * @param statistic van Elteren's T, the sum over strata of the candidate's rank sum over (N + 1)
     * @param expected T's mean under no difference; T above it means the candidate's values are higher
     */
    record Stratified(double statistic, double expected, double p, double minP) {
    }

    /** Van Elteren's test of base against candidate values, stratum by stratum (a stratum needs both sides). */
    static Stratified vanElteren(List<double[]> base, List<double[]> candidate) {
        Map<Long, Double> distribution = Map.of(0L, 1.0);
        double statistic = 0;
        double expected = 0;
        for (int s = 0; s < base.size(); s++) {
            double[] b = base.get(s);
            double[] c = candidate.get(s);
            if (b.length == 0 || c.length == 0) {
                continue;
            }
            int n = b.length + c.length;
            double[] ranks = ranks(b, c);
            double weight = 1.0 / (n + 1);
            for (int i = b.length; i < n; i++) {
                statistic += ranks[i] * weight;
            }
            expected += c.length * (n + 1) / 2.0 * weight;
            distribution = convolve(distribution, rankSums(ranks, c.length), weight / 2);
        }
        double observed = Math.abs(statistic - expected);
        double p = 0;
        double farthest = 0;
        for (long key : distribution.keySet()) {
            farthest = Math.max(farthest, Math.abs(key * GRID - expected));
        }
        double minP = 0;
        for (Map.Entry<Long, Double> e : distribution.entrySet()) {
            double d = Math.abs(e.getKey() * GRID - expected);
            p += d >= observed - SLACK ? e.getValue() : 0;
            minP += d >= farthest - SLACK ? e.getValue() : 0;
        }
        return new Stratified(statistic, expected, Math.min(1, p), Math.min(1, minP));
    }

    private static double[] ranks(double[] base, double[] candidate) {
        double[] all = new double[base.length + candidate.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(candidate, 0, all, base.length, candidate.length);
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
    }

    /** Probability of each doubled rank sum of k ranks drawn without replacement, index = doubled sum. */
    static double[] rankSums(double[] ranks, int k) {
        int total = 0;
        int[] doubled = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            total += doubled[i];
        }
        double[][] ways = new double[k + 1][total + 1];
        ways[0][0] = 1;
        for (int i = 0; i < ranks.length; i++) {
            for (int j = Math.min(i + 1, k); j >= 1; j--) {
                for (int s = total; s >= doubled[i]; s--) {
                    ways[j][s] += ways[j - 1][s - doubled[i]];
                }
            }
        }
        double all = CombinatoricsUtils.binomialCoefficientDouble(ranks.length, k);
        double[] p = new double[total + 1];
        for (int s = 0; s <= total; s++) {
            p[s] = ways[k][s] / all;
        }
        return p;
    }

    private static Map<Long, Double> convolve(Map<Long, Double> so, double[] stratum, double scale) {
        Map<Long, Double> out = new HashMap<>();
        so.forEach((key, p) -> {
            for (int s = 0; s < stratum.length; s++) {
                if (stratum[s] > 0) {
                    out.merge(key + Math.round(s * scale / GRID), p * stratum[s], Double::sum);
                }
            }
        });
        return out;
    }
}
