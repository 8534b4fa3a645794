package dev.taskbench.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg (1995) step-up adjustment: controls the expected share of false
 * discoveries among the rows called different when many rows are tested at once.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * Adjusted p-values (q-values), in input order: q(i) = min over j >= i of p(j) m / j on the
     * ascending order, capped at 1. A row is a discovery at level alpha when q <= alpha. NaN
     * entries are left out of m and stay NaN.
     */
    public static double[] adjust(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = order.length;
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = Math.min(1, running);
        }
        return q;
    }
}
