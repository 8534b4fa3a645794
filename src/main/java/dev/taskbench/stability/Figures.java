package dev.taskbench.stability;

import java.util.Locale;

/**
 * How the stability sentences write numbers: about three significant digits, thousands grouped.
 * Public for the reports that set figures beside those sentences (a bimodal row's profiled forks).
 */
public final class Figures {
    private Figures() {
    }

    /** {@code 2,332 ns}, {@code 189 ns}, {@code 5.66 ms}. */
    public static String value(double v, String unit) {
        return number(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v)) {
            return "-";
        }
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A relative change: {@code +19%}, {@code -4.2%}. */
    static String change(double relative) {
        double pct = relative * 100;
        return String.format(Locale.ROOT, Math.abs(pct) >= 10 ? "%+.0f%%" : "%+.1f%%", pct);
    }

    /** A share: {@code 61%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Seconds: {@code 1.8 s}, {@code 350 ms}. */
    static String seconds(double s) {
        return s >= 1 || s == 0 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f ms", s * 1000);
    }

    /** A p-value: {@code 0.023}, {@code 1.2e-05}. */
    static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
