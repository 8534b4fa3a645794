package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CriteriaTest {
    static final Criteria D = Criteria.defaults();

    static String refused(Supplier<Criteria> c) {
        return assertThrows(IllegalArgumentException.class, c::get).getMessage();
    }

    static Criteria with(double alpha, double minEffect, int minForks, int resamples, double confidence,
            double allocRelative, double allocAbsolute) {
        return new Criteria(alpha, minEffect, minForks, resamples, confidence, D.seed(), allocRelative, allocAbsolute);
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        assertEquals("alpha must be a number strictly between 0 and 1, got NaN",
                refused(() -> with(Double.NaN, 0.05, 3, 10_000, 0.95, 0.01, 16)));
        assertEquals("alpha must be a number strictly between 0 and 1, got 1.0",
                refused(() -> with(1, 0.05, 3, 10_000, 0.95, 0.01, 16)));
        assertEquals("minEffect must be a finite number >= 0, got NaN", refused(() -> D.withMinEffect(Double.NaN)));
        assertEquals("minEffect must be a finite number >= 0, got Infinity",
                refused(() -> D.withMinEffect(Double.POSITIVE_INFINITY)));
        assertEquals("minEffect must be a finite number >= 0, got -0.1", refused(() -> D.withMinEffect(-0.1)));
        assertEquals("minForks must be at least 2, got 1", refused(() -> D.withMinForks(1)));
        assertEquals("resamples must be at least 100, got 99", refused(() -> D.withResamples(99)));
        assertEquals("confidence must be a number strictly between 0 and 1, got NaN",
                refused(() -> with(0.05, 0.05, 3, 10_000, Double.NaN, 0.01, 16)));
        assertEquals("confidence must be a number strictly between 0 and 1, got 0.0",
                refused(() -> with(0.05, 0.05, 3, 10_000, 0, 0.01, 16)));
        assertEquals("allocRelative must be a finite number >= 0, got NaN",
                refused(() -> with(0.05, 0.05, 3, 10_000, 0.95, Double.NaN, 16)));
        assertEquals("allocAbsolute must be a finite number >= 0, got -1.0",
                refused(() -> with(0.05, 0.05, 3, 10_000, 0.95, 0.01, -1)));
        assertEquals("allocAbsolute must be a finite number >= 0, got NaN",
                refused(() -> with(0.05, 0.05, 3, 10_000, 0.95, 0.01, Double.NaN)));
    }

    @Test
    void zeroEffectAndToleranceAreAllowed() {
        assertEquals(0, with(0.05, 0, 2, 100, 0.5, 0, 0).minEffect());
        assertEquals(Long.MIN_VALUE, D.withSeed(Long.MIN_VALUE).seed());
    }
}
