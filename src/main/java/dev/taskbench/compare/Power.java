package dev.taskbench.compare;

/**
 * What a comparison's design can detect: the smallest q a row can reach, and the forks per side
 * that would let it.
 *
 * <p>The bound. Benjamini-Hochberg over m rows flags the k rows with the smallest p when
 * p<sub>(k)</sub> &lt;= alpha k / m. A row flagged with no other row is therefore rank 1 and needs
 * p &lt;= alpha / m; and the smallest p its forks allow is the fully separated one,
 * {@link MannWhitney#minimumP(int, int)} (exact: 2 / C(n1 + n2, n1)). So the smallest q a row can
 * reach as the only row that differs is {@code min(1, pMin * m)}: this is
 * {@link #minReachableQ(int, int, int)}. A row above alpha by this bound can still be flagged, but
 * only together with other rows (k flagged rows need pMin &lt;= alpha k / m). A regression
 * confined to it can never be, so when it is not flagged it is UNKNOWN, not SAME. The bound depends
 * on the design only (forks and m), not on what the other rows happened to measure, so a row's
 * verdict never turns from UNKNOWN to SAME because unrelated rows moved; it is conservative: it
 * never calls SAME a row that could not have been flagged on its own.
 *
 * <p>For example, 5 forks a side and m = 110: pMin = 2/252 = 0.0079, q &gt;= 0.873, UNKNOWN.
 * {@link #forksNeeded(int, double, int)} = 8: C(14, 7) = 3432 gives 2/3432 * 110 = 0.064, too
 * much; C(16, 8) = 12870 gives 2/12870 * 110 = 0.017 &lt;= 0.05.
 */
public final class Power {
    /** Largest fork count per side {@link #forksNeeded} searches. */
    static final int MAX_FORKS = 10_000;

    private Power() {
    }

    /** The smallest q a row with these fork counts can reach among m rows when it alone differs. */
    public static double minReachableQ(int n1, int n2, int m) {
        return Math.min(1, MannWhitney.minimumP(n1, n2) * Math.max(1, m));
    }

    /**
     * The fewest forks per side (equal sides, at least {@code minForks}) with which a row alone
     * can reach q &lt;= alpha among m rows; {@link Integer#MAX_VALUE} if none up to {@value #MAX_FORKS}.
     */
    public static int forksNeeded(int m, double alpha, int minForks) {
        for (int n = Math.max(2, minForks); n <= MAX_FORKS; n++) {
            if (minReachableQ(n, n, m) <= alpha) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }
}
