package dev.taskbench.compare;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which way is better, read from the JMH score unit: {@code ops/<time>} (throughput mode)
 * is higher-is-better; {@code <time>/op} (average time, sample time, single shot) and
 * {@code B/op} are lower-is-better.
 */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** JMH's short time-unit names ({@code org.openjdk.jmh.runner.options.TimeValue}). */
    private static final Set<String> TIME_UNITS = Set.of("ns", "us", "\u00b5s", "ms", "s", "min", "hr", "day");

    /** The direction for a unit, or empty for a unit this code does not know. */
    public static Optional<Direction> ofUnit(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        String u = unit.trim().toLowerCase(Locale.ROOT);
        int slash = u.indexOf('/');
        if (slash <= 0 || slash == u.length() - 1 || u.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String top = u.substring(0, slash);
        String bottom = u.substring(slash + 1);
        if (top.equals("ops") && TIME_UNITS.contains(bottom)) {
            return Optional.of(HIGHER_IS_BETTER);
        }
        if (bottom.equals("op") && (TIME_UNITS.contains(top) || top.equals("b"))) {
            return Optional.of(LOWER_IS_BETTER);
        }
        return Optional.empty();
    }

    /** Candidate/base ratio turned into a time ratio: above 1 means the candidate is slower. */
    public double timeRatio(double scoreRatio) {
        return this == LOWER_IS_BETTER ? scoreRatio : 1 / scoreRatio;
    }
}
