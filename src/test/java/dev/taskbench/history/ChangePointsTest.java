package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
    static final ChangePoints.Params DEFAULTS = ChangePoints.Params.defaults();
    /** A small fixed wiggle, so the hand-made series are not constant between steps. */
    static final double[] WIGGLE = {0.4, -0.3, 0.1, -0.5, 0.2, 0.5, -0.1, -0.4, 0.3, -0.2};

    static double[] steps(int length, double... levelsAndStarts) {
        double[] z = new double[length];
        for (int i = 0; i < length; i++) {
            double level = levelsAndStarts[0];
            for (int s = 1; s < levelsAndStarts.length; s += 2) {
                if (i >= levelsAndStarts[s]) {
                    level = levelsAndStarts[s + 1];
                }
            }
            z[i] = level + WIGGLE[i % WIGGLE.length];
        }
        return z;
    }

    @Test
    void oneStepIsFoundWhereItIs() {
        List<ChangePoint> c = ChangePoints.detect(steps(30, 100, 12, 105), DEFAULTS);
        assertEquals(1, c.size(), c.toString());
        ChangePoint p = c.get(0);
        assertEquals(12, p.index());
        assertEquals(100, p.before(), 0.2);
        assertEquals(105, p.after(), 0.2);
        assertEquals(0.05, p.step(), 0.003);
        assertTrue(p.pValue() < 1e-10, p.toString());
    }

    @Test
    void twoStepsAreBothFound() {
        List<ChangePoint> c = ChangePoints.detect(steps(30, 100, 10, 110, 20, 95), DEFAULTS);
        assertEquals(List.of(10, 20), c.stream().map(ChangePoint::index).toList());
        assertEquals(0.10, c.get(0).step(), 0.01);
        assertEquals(95.0 / 110 - 1, c.get(1).step(), 0.01);
    }

    /** A regression and its fix inside one window: Otava's split test mixes both levels and misses it. */
    @Test
    void aStepUpAndBackIsTwoChangePoints() {
        List<ChangePoint> c = ChangePoints.detect(steps(30, 100, 10, 105, 18, 100), DEFAULTS);
        assertEquals(List.of(10, 18), c.stream().map(ChangePoint::index).toList());
    }

    /** Otava's own known answer (tests/analysis_test.py, test_single_series): window 10, max p 0.0001. */
    @Test
    void otavasSingleSeriesExample() {
        double[] z = {1.02, 0.95, 0.99, 1.00, 1.12, 1.00, 1.01, 0.98, 1.01, 0.96, 0.50, 0.51, 0.48, 0.48, 0.55,
            0.50, 0.49, 0.51, 0.50, 0.49};
        List<ChangePoint> c = ChangePoints.detect(z, new ChangePoints.Params(10, 0.0001, 0));
        assertEquals(List.of(10), c.stream().map(ChangePoint::index).toList());
    }

    @Test
    void minMagnitudeDropsSmallSteps() {
        double[] z = steps(30, 100, 12, 105);
        assertEquals(1, ChangePoints.detect(z, new ChangePoints.Params(50, 0.001, 0.04)).size());
        assertTrue(ChangePoints.detect(z, new ChangePoints.Params(50, 0.001, 0.06)).isEmpty());
    }

    @Test
    void stepsInALongSeriesAcrossWindows() {
        List<ChangePoint> c = ChangePoints.detect(steps(120, 100, 40, 106, 85, 100), DEFAULTS);
        assertEquals(List.of(40, 85), c.stream().map(ChangePoint::index).toList());
    }

    @Test
    void noStepNoChangePoint() {
        assertTrue(ChangePoints.detect(steps(30, 100), DEFAULTS).isEmpty());
        assertTrue(ChangePoints.detect(steps(200, 100), DEFAULTS).isEmpty());
    }

    @Test
    void constantSeriesHasNone() {
        assertTrue(ChangePoints.detect(new double[40], DEFAULTS).isEmpty());
        double[] tenths = new double[37];
        java.util.Arrays.fill(tenths, 0.1); // means differ from 0.1 only by rounding
        assertTrue(ChangePoints.detect(tenths, DEFAULTS).isEmpty());
    }

    @Test
    void shortSeriesHaveNone() {
        assertTrue(ChangePoints.detect(new double[0], DEFAULTS).isEmpty());
        assertTrue(ChangePoints.detect(new double[] {1}, DEFAULTS).isEmpty());
        assertTrue(ChangePoints.detect(new double[] {1, 100}, DEFAULTS).isEmpty());
        assertTrue(ChangePoints.detect(new double[] {1, 1, 100}, DEFAULTS).size() <= 1);
    }

    @Test
    void nanAndInfinityAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePoints.detect(new double[] {1, 2, Double.NaN, 4}, DEFAULTS));
        assertEquals("series[2] is NaN: values must be finite", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ChangePoints.detect(new double[] {Double.POSITIVE_INFINITY}, DEFAULTS));
    }

    @Test
    void paramsAreValidated() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ChangePoints.Params(3, 0.001, 0))
                .getMessage().startsWith("window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ChangePoints.Params(50, Double.NaN, 0))
                .getMessage().startsWith("maxP"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ChangePoints.Params(50, 0.001, Double.NaN))
                .getMessage().startsWith("minMagnitude"));
    }

    /** The t-test is Student's pooled one: the same p as commons-math3's homoscedastic test. */
    @Test
    void tTestIsStudents() {
        double[] z = {3.1, 2.9, 3.4, 3.0, 2.7, 3.6, 3.9, 3.5, 4.1, 3.8, 3.7};
        double expected = new TTest().homoscedasticTTest(java.util.Arrays.copyOfRange(z, 0, 5),
                java.util.Arrays.copyOfRange(z, 5, 11));
        assertEquals(expected, ChangePoints.tTest(z, 0, 5, 11), 1e-12);
    }

    /** q-hat by its definition (Matteson and James 2014, distance exponent 1), by brute force. */
    @Test
    void candidateMaximisesQHat() {
        Random rnd = new Random(11);
        double[] z = rnd.doubles(17).map(v -> v + (rnd.nextBoolean() ? 1 : 0)).toArray();
        int bestTau = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int tau = 1; tau < z.length; tau++) {
            for (int kappa = tau + 1; kappa <= z.length; kappa++) {
                double q = qhat(z, 0, tau, kappa);
                if (q > best) {
                    best = q;
                    bestTau = tau;
                }
            }
        }
        assertEquals(bestTau, ChangePoints.candidate(z, 0, z.length).tau());
        assertEquals(best, ChangePoints.candidate(z, 0, z.length).qhat(), 1e-9);
    }

    private static double qhat(double[] z, int start, int tau, int kappa) {
        double n = tau - start;
        double m = kappa - tau;
        double between = 0;
        double withinX = 0;
        double withinY = 0;
        for (int i = start; i < tau; i++) {
            for (int j = tau; j < kappa; j++) {
                between += Math.abs(z[i] - z[j]);
            }
            for (int k = i + 1; k < tau; k++) {
                withinX += Math.abs(z[i] - z[k]);
            }
        }
        for (int j = tau; j < kappa; j++) {
            for (int k = j + 1; k < kappa; k++) {
                withinY += Math.abs(z[j] - z[k]);
            }
        }
        double e = 2 * between / (m * n) - (n > 1 ? withinX / (n * (n - 1) / 2) : 0)
                - (m > 1 ? withinY / (m * (m - 1) / 2) : 0);
        return m * n / (m + n) * e;
    }

    // ---- seeded simulation: 200 series of 30 runs each ----

    static final int TRIALS = 200;
    static final int RUNS = 30;

    /** Share of series with a 5% step (at least 5 runs either side) found within one run of it. */
    static double foundWithinOneRun(double noise, boolean leastSquaresOracle) {
        int found = 0;
        for (int t = 0; t < TRIALS; t++) {
            Random rnd = new Random(1000 + t);
            int at = 5 + rnd.nextInt(RUNS - 9);
            double[] z = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                z[i] = 100 * (1 + noise * rnd.nextGaussian()) * (i >= at ? 1.05 : 1);
            }
            if (leastSquaresOracle) {
                found += Math.abs(leastSquaresSplit(z) - at) <= 1 ? 1 : 0;
            } else {
                found += ChangePoints.detect(z, DEFAULTS).stream().anyMatch(c -> Math.abs(c.index() - at) <= 1) ? 1 : 0;
            }
        }
        return (double) found / TRIALS;
    }

    /** The best single split by squared error: what a method told there is exactly one step would pick. */
    static int leastSquaresSplit(double[] z) {
        int best = -1;
        double bestSs = Double.POSITIVE_INFINITY;
        for (int t = 1; t < z.length; t++) {
            double ss = squares(z, 0, t) + squares(z, t, z.length);
            if (ss < bestSs) {
                bestSs = ss;
                best = t;
            }
        }
        return best;
    }

    static double squares(double[] z, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += z[i] / (to - from);
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (z[i] - mean) * (z[i] - mean);
        }
        return s;
    }

    @Test
    void fivePercentStepsInNoiseOfOneAndAHalfPercentAreFound() {
        double rate = foundWithinOneRun(0.015, false);
        System.out.printf("change points: 5%% step, noise sd 1.5%%: found within one run in %.1f%% of %d series%n",
                rate * 100, TRIALS);
        assertTrue(rate >= 0.95, "found in " + rate);
    }

    /**
     * With noise of 3% standard deviation a 5% step is 1.7 standard deviations: even the
     * least-squares split, told there is exactly one step, places it within one run in fewer than
     * 95% of the series, so no detector can. This one must find at least half.
     */
    @Test
    void fivePercentStepsInNoiseOfThreePercentAreBeyondOneRunPrecision() {
        double oracle = foundWithinOneRun(0.03, true);
        double rate = foundWithinOneRun(0.03, false);
        System.out.printf("change points: 5%% step, noise sd 3%%: found within one run in %.1f%% of %d series "
                + "(least-squares split told of one step: %.1f%%)%n", rate * 100, TRIALS, oracle * 100);
        assertTrue(oracle < 0.95, "oracle " + oracle);
        assertTrue(rate >= 0.5, "found in " + rate);
    }

    /** A 5% regression lasting 5 to 14 runs, then fixed, in noise of 1.5%: both changes found. */
    @Test
    void regressionsAndTheirFixesAreFound() {
        int found = 0;
        for (int t = 0; t < TRIALS; t++) {
            Random rnd = new Random(9000 + t);
            int up = 5 + rnd.nextInt(10);
            int down = up + 5 + rnd.nextInt(10);
            double[] z = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                z[i] = 100 * (1 + 0.015 * rnd.nextGaussian()) * (i >= up && i < down ? 1.05 : 1);
            }
            List<ChangePoint> c = ChangePoints.detect(z, DEFAULTS);
            found += c.stream().anyMatch(p -> Math.abs(p.index() - up) <= 1)
                    && c.stream().anyMatch(p -> Math.abs(p.index() - down) <= 1) ? 1 : 0;
        }
        double rate = (double) found / TRIALS;
        System.out.printf("change points: 5%% regression and fix, noise sd 1.5%%: both found within one run in %.1f%% "
                + "of %d series%n", rate * 100, TRIALS);
        assertTrue(rate >= 0.85, "found in " + rate);
    }

    @Test
    void pureNoiseRarelyShowsAChangePoint() {
        for (double noise : new double[] {0.015, 0.03}) {
            int any = 0;
            for (int t = 0; t < TRIALS; t++) {
                Random rnd = new Random(5000 + t);
                double[] z = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    z[i] = 100 * (1 + noise * rnd.nextGaussian());
                }
                any += ChangePoints.detect(z, DEFAULTS).isEmpty() ? 0 : 1;
            }
            double rate = (double) any / TRIALS;
            System.out.printf("change points: pure noise sd %.1f%%: any change point in %.1f%% of %d series%n",
                    noise * 100, rate * 100, TRIALS);
            assertTrue(rate <= 0.05, "false alarms in " + rate);
        }
    }
}
