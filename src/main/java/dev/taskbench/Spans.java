package dev.taskbench;

import java.util.Locale;

/**
 * Spans of time as every command says them: planned up front ({@link #about}), measured at the end
 * ({@link #span}), and on a running clock ({@link #clock}); one way for {@code jmh:run} and {@code jmh:seed}.
 */
public final class Spans {
    private Spans() {
    }

    /** A span as said up front: {@code 40 s}, {@code 14 min}, {@code 2 h 10 min}. */
    public static String about(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(seconds / 60);
        return min < 90 ? min + " min" : min / 60 + " h " + min % 60 + " min";
    }

    /** A span as measured: {@code 40 s}, {@code 16 min 20 s}, {@code 1 h 2 min}. */
    public static String span(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /** A clock's reading: {@code 6:12}, {@code 1:06:12}. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
