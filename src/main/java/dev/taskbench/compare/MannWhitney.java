package dev.taskbench.compare;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test of base forks against candidate forks.
 *
 * <p>commons-math3 3.6.1's {@link MannWhitneyUTest#mannWhitneyUTest} always uses the normal
 * approximation, whatever the sample size, with neither a continuity nor a tie correction
 * (checked in its source and by test). For small samples that is anti-conservative: three
 * forks against three fully separated give p = 0.0495 where the exact p is 0.1 (2 of the
 * 20 equally likely arrangements). Fork counts here are small (5 to 20 per side), so up to
 * {@value #EXACT_LIMIT} forks in all this class computes the exact permutation distribution
 * of the rank sum (with mid-ranks when values tie, i.e. the conditional exact test), and
 * above that falls back to commons-math3's approximation, which is adequate for n > 20 per side.
 */
public final class MannWhitney {
    /** Largest total fork count tested exactly; the distribution costs O(n^2 * sum of ranks). */
    static final int EXACT_LIMIT = 50;

    /**
     * @param u the U statistic of the candidate (number of base/candidate pairs where the
     *          candidate is larger, ties counting half)
     * @param exact whether {@code p} is exact or commons-math3's normal approximation
     */
    public record Result(double u, double p, boolean exact) {
    }

    private MannWhitney() {
    }

    public static Result test(double[] base, double[] candidate) {
        int n1 = base.length;
        int n2 = candidate.length;
        if (n1 == 0 || n2 == 0) {
            return new Result(Double.NaN, Double.NaN, false);
        }
        double[] ranks = ranks(base, candidate);
        double rankSumCandidate = 0;
        for (int i = n1; i < n1 + n2; i++) {
            rankSumCandidate += ranks[i];
        }
        double u = rankSumCandidate - n2 * (n2 + 1) / 2.0;
        if (n1 + n2 <= EXACT_LIMIT) {
            return new Result(u, exactP(ranks, n2, rankSumCandidate), true);
        }
        return new Result(u, new MannWhitneyUTest().mannWhitneyUTest(base, candidate), false);
    }

    /**
     * The smallest two-sided p any outcome can reach with these sample sizes (no ties): full
     * separation. Up to {@value #EXACT_LIMIT} forks in all it is exact, 2 / C(n1 + n2, n1);
     * above, it is what {@link #test} reports for full separation, the normal approximation
     * 2 Phi(-(n1 n2 / 2) / sqrt(n1 n2 (n1 + n2 + 1) / 12)).
     */
    public static double minimumP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        if (n1 + n2 <= EXACT_LIMIT) {
            return Math.min(1, 2 / CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, n1));
        }
        double product = (double) n1 * n2;
        double z = -(product / 2) / Math.sqrt(product * (n1 + n2 + 1) / 12);
        return Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z));
    }

    private static double[] ranks(double[] base, double[] candidate) {
        double[] all = new double[base.length + candidate.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(candidate, 0, all, base.length, candidate.length);
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
    }

    /**
     * P(|W - E[W]| >= |w - E[W]|) where W is the rank sum of {@code k} ranks drawn without
     * replacement from {@code ranks}, all C(n, k) subsets equally likely under H0.
     */
    static double exactP(double[] ranks, int k, double observed) {
        int n = ranks.length;
        int[] doubled = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]); // mid-ranks are multiples of 1/2
            total += doubled[i];
        }
        // ways[j][s]: number of j-subsets of the ranks seen so far with doubled sum s
        double[][] ways = new double[k + 1][total + 1];
        ways[0][0] = 1;
        for (int i = 0; i < n; i++) {
            int r = doubled[i];
            for (int j = Math.min(i + 1, k); j >= 1; j--) {
                double[] to = ways[j];
                double[] from = ways[j - 1];
                for (int s = total; s >= r; s--) {
                    to[s] += from[s - r];
                }
            }
        }
        double mean = k * (n + 1.0); // E[2W] = k (n + 1)
        double observedDistance = Math.abs(2 * observed - mean);
        double extreme = 0;
        double all = 0;
        for (int s = 0; s <= total; s++) {
            double w = ways[k][s];
            if (w == 0) {
                continue;
            }
            all += w;
            if (Math.abs(s - mean) >= observedDistance - 1e-9) {
                extreme += w;
            }
        }
        return Math.min(1, extreme / all);
    }
}
