package dev.taskbench.seed;

import dev.taskbench.load.Timing;
import java.util.Arrays;
import java.util.Locale;

/**
 * One figure over the rounds of a run: its median, lowest and highest, and how many rounds gave it.
 *
 * @param median the median of the rounds
 * @param low the lowest round
 * @param high the highest round
 * @param rounds how many rounds gave a figure
 */
record Spread(double median, double low, double high, int rounds) {
    /** The spread of {@code values}, NaN (a round without a figure) left out; null when none is left. */
    static Spread of(double[] values) {
        double[] xs = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (xs.length == 0) {
            return null;
        }
        return new Spread(Timing.median(xs), Arrays.stream(xs).min().getAsDouble(), Arrays.stream(xs).max()
                .getAsDouble(), xs.length);
    }

    /** "median [low, high]" in {@code format}, or the median alone when one round gave it. */
    String format(String format) {
        String m = String.format(Locale.ROOT, format, median);
        return rounds == 1 ? m : m + String.format(Locale.ROOT, " [" + format + ", " + format + "]", low, high);
    }
}
