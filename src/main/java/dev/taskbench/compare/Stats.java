package dev.taskbench.compare;

import java.util.Arrays;

/** Small descriptive helpers. */
public final class Stats {
    private Stats() {
    }

    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return sortedMedian(s);
    }

    static double sortedMedian(double[] s) {
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
