package dev.taskbench.compare;

import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;

/**
 * Knobs of a comparison; {@link #defaults()} is what the gate uses.
 *
 * @param alpha false discovery rate for the Benjamini-Hochberg correction
 * @param minEffect smallest relative change of the median (0.05 = 5%) that can be FASTER or SLOWER
 * @param minForks fewest forks per side for a speed verdict; rows with fewer are UNKNOWN, and so
 *                 are rows whose fork counts cannot reach significance at all (3 against 3:
 *                 the exact test's smallest p is 0.1)
 * @param resamples bootstrap replicates
 * @param confidence bootstrap interval level
 * @param seed bootstrap seed; each row's generator is seeded from it and the row's name
 * @param allocRelative relative tolerance for {@code gc.alloc.rate.norm}
 * @param allocAbsolute absolute tolerance for {@code gc.alloc.rate.norm}, bytes per operation
 *
 * <p>Every field is checked when built: alpha and confidence strictly between 0 and 1, minEffect
 * and both tolerances finite and at least 0, minForks at least 2, resamples at least 100, seed any
 * value. NaN is refused; the {@link IllegalArgumentException} names the field.
 */
public record Criteria(double alpha, double minEffect, int minForks, int resamples, double confidence, long seed,
        double allocRelative, double allocAbsolute) {

    public Criteria {
        between("alpha", alpha);
        between("confidence", confidence);
        atLeastZero("minEffect", minEffect);
        atLeastZero("allocRelative", allocRelative);
        atLeastZero("allocAbsolute", allocAbsolute);
        if (minForks < 2) {
            throw new IllegalArgumentException("minForks must be at least 2, got " + minForks);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
    }

    /** NaN fails every comparison, so the checks are written to let only good values through. */
    private static void between(String field, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(field + " must be a number strictly between 0 and 1, got " + v);
        }
    }

    private static void atLeastZero(String field, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + v);
        }
    }

    /** The setting for the smallest change that can be a verdict: a fraction, 0.05 = 5%. */
    public static final String EFFECT = SettingsCatalogue.EFFECT.key();

    /**
     * The setting that turns a significant regression into a failed command (exit code 3):
     * {@code true} or {@code false}, the same in every command that compares.
     */
    public static final String GATE = SettingsCatalogue.GATE.key();

    /**
     * {@code -Dtaskbench.gate}: false when unset; anything but true or false is a one-line error,
     * which for a run name says where the run to gate against now goes ({@code -Dbase}).
     */
    public static boolean gate(Settings s) {
        String v = s.get(GATE, null);
        if (v == null || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new dev.taskbench.TaskbenchException("-D" + GATE + "=" + v + " is not valid: it takes true or false; to"
                + " gate against a run, use -D" + GATE + "=true -Dbase=" + v);
    }

    /** {@code -Dtaskbench.gate.acrossTestbeds}: let a gate judge runs from different testbeds (false by default). */
    public static boolean acrossTestbeds(Settings s) {
        return s.flag(TestbedCheck.FORCE, null, false);
    }

    /** The defaults, with {@code -Dtaskbench.effect} if given (a finite fraction from 0 to 10). */
    public static Criteria from(Settings s) {
        return defaults().withMinEffect(s.decimal(EFFECT, null, defaults().minEffect(), 0, 10));
    }

    public static Criteria defaults() {
        return new Criteria(0.05, 0.05, 3, 10_000, 0.95, 20_250_601L, 0.01, 16);
    }

    public Criteria withMinEffect(double e) {
        return new Criteria(alpha, e, minForks, resamples, confidence, seed, allocRelative, allocAbsolute);
    }

    public Criteria withAlpha(double a) {
        return new Criteria(a, minEffect, minForks, resamples, confidence, seed, allocRelative, allocAbsolute);
    }

    public Criteria withMinForks(int n) {
        return new Criteria(alpha, minEffect, n, resamples, confidence, seed, allocRelative, allocAbsolute);
    }

    public Criteria withSeed(long s) {
        return new Criteria(alpha, minEffect, minForks, resamples, confidence, s, allocRelative, allocAbsolute);
    }

    public Criteria withResamples(int r) {
        return new Criteria(alpha, minEffect, minForks, r, confidence, seed, allocRelative, allocAbsolute);
    }

    /** Allowed growth of bytes per operation over {@code base}: relative plus absolute. */
    public double allocTolerance(double base) {
        return allocRelative * Math.abs(base) + allocAbsolute;
    }
}
