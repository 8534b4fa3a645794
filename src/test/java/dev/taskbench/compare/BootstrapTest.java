package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    static final double[] BASE = {100, 103, 98, 101, 99, 102, 100, 97};
    static final double[] SLOWER = {121, 119, 124, 118, 120, 122, 117, 123};

    @Test
    void sameSeedSameInterval() {
        Interval a = Bootstrap.ratioOfMedians(BASE, SLOWER, 10_000, 0.95, 42);
        Interval b = Bootstrap.ratioOfMedians(BASE, SLOWER, 10_000, 0.95, 42);
        assertEquals(a, b);
        assertTrue(java.util.Arrays.equals(Bootstrap.ratioOfMediansReplicates(BASE, SLOWER, 1000, 42),
                Bootstrap.ratioOfMediansReplicates(BASE, SLOWER, 1000, 42)));
        // another seed draws other replicates (medians of few forks are discrete, so the interval may not move)
        assertFalse(java.util.Arrays.equals(Bootstrap.ratioOfMediansReplicates(BASE, SLOWER, 1000, 42),
                Bootstrap.ratioOfMediansReplicates(BASE, SLOWER, 1000, 43)));
    }

    @Test
    void aClearShiftExcludesOne() {
        Interval i = Bootstrap.ratioOfMedians(BASE, SLOWER, 10_000, 0.95, 1);
        assertEquals(120.5 / 100.0, i.estimate(), 1e-12);
        assertFalse(i.contains(1));
        assertTrue(i.low() > 1.1 && i.high() < 1.3, i.toString());
        assertTrue(i.contains(i.estimate()));
    }

    @Test
    void theSameSamplesIncludeOne() {
        double[] shuffled = {99, 101, 103, 100, 97, 102, 98, 100};
        assertTrue(Bootstrap.ratioOfMedians(BASE, shuffled, 10_000, 0.95, 1).contains(1));
    }

    @Test
    void percentileIndices() {
        double[] r = IntStream.rangeClosed(1, 10_000).mapToDouble(v -> 10_001 - v).toArray();
        Interval i = Bootstrap.percentile(0, r, 0.95);
        assertEquals(251, i.low()); // sorted index 250
        assertEquals(9750, i.high()); // sorted index 9749
    }

    @Test
    void medianIntervalOfOneSample() {
        Interval i = Bootstrap.median(BASE, 10_000, 0.95, 5);
        assertEquals(100, i.estimate());
        assertTrue(i.low() >= 97 && i.high() <= 103 && i.low() < i.high());
    }
}
