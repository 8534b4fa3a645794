package dev.taskbench.report;

import dev.taskbench.compare.Interval;
import dev.taskbench.compare.Row;
import java.util.Locale;

/** Number formatting shared by the writers. */
final class Fmt {
    private Fmt() {
    }

    /** About four significant digits, no exponent for everyday magnitudes. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e9 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** Seconds: {@code 1.8 s}, {@code 350 ms}; {@code -} when unknown. */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        return s >= 1 || s == 0 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f ms", s * 1000);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String interval(Interval i) {
        return ratio(i.estimate()) + " [" + ratio(i.low()) + ", " + ratio(i.high()) + "]";
    }

    /** A share as percent with its interval: {@code 91.2% [88.0, 94.1]}. */
    static String percentOf(Interval i) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", i.estimate() * 100, i.low() * 100, i.high() * 100);
    }

    static String range(Interval i) {
        return "[" + num(i.low()) + ", " + num(i.high()) + "]";
    }

    static String percent(double change) {
        return Double.isNaN(change) ? "-" : String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    static String alloc(Row.Allocation a) {
        if (Double.isNaN(a.base()) && Double.isNaN(a.candidate())) {
            return "-";
        }
        return num(a.base()) + " -> " + num(a.candidate());
    }

    static String forks(Row r) {
        return r.baseForks().size() + "/" + r.candidateForks().size();
    }

    static String level(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }
}
