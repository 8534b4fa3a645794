package dev.taskbench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one timing helper, on a fake clock that only the timed calls move: every figure is exact. */
class TimingTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final Timing timing = new Timing(clock::get);

    /** A call that takes {@code nanos[i]} on its i-th run, cycling. */
    private Timing.Call takes(long... nanos) {
        int[] i = {0};
        return () -> clock.addAndGet(nanos[i[0]++ % nanos.length]);
    }

    @Test
    void medianOfBatchesIgnoresARareOutlier() throws Exception {
        // batches of 4 calls of 10 ns; one batch in five meets a 4,010 ns call (a WAL flush), so its
        // mean is 1,010; the budget is spent after 7 batches, 2 of them with the outlier
        long[] calls = new long[20];
        java.util.Arrays.fill(calls, 10);
        calls[7] = 4_010;
        double perCall = timing.medianOfBatches(takes(calls), 4, 20 * 40 + 4_000);
        assertEquals(10.0, perCall);
    }

    @Test
    void atLeastOneBatchRunsOnAnEmptyBudget() throws Exception {
        assertEquals(25.0, timing.medianOfBatches(takes(20, 30), 2, 0));
    }

    @Test
    void interleavedRoundsGiveEachCallItsMedian() throws Exception {
        List<Timing.Call> calls = List.of(takes(5), takes(100, 100, 100, 900));
        // budget 0: one batch of 4 per round; the second call's batches all mean 300
        assertArrayEquals(new double[] {5.0, 300.0}, timing.interleavedMedians(calls, 3, 4, 0));
    }

    @Test
    void theMedianOfAnEvenCountIsTheUpperMiddle() {
        assertEquals(3.0, Timing.median(new double[] {4, 1, 3, 2}));
        assertEquals(2.0, Timing.median(new double[] {2}));
    }

    @Test
    void recordersGiveMeanAndPercentiles() {
        Timing.Recorder a = timing.recorder(3);
        Timing.Recorder b = timing.recorder(2);
        long[] us = {1_000, 2_000, 3_000, 4_000, 90_000};
        for (int i = 0; i < us.length; i++) {
            Timing.Recorder r = i < 3 ? a : b;
            long t0 = r.start();
            clock.addAndGet(us[i]);
            r.stop(t0);
        }
        Timing.Latencies l = Timing.Latencies.of(List.of(a, b));
        assertEquals(5, l.count());
        assertEquals(20.0, l.meanMicros());
        assertEquals(3.0, l.percentileMicros(0.5));
        assertEquals(90.0, l.percentileMicros(0.99));
        assertEquals(1.0, l.percentileMicros(0));
    }

    @Test
    void theClosedLoopTimesOnTheSameClock() throws Exception {
        // one user, so the fake clock moves only by the operations: 1, 2, ... 10 us
        ClosedLoop.Result r = ClosedLoop.run(timing, 1, 10, user -> (u, i) -> clock.addAndGet((i + 1) * 1_000L));
        assertEquals(10, r.operations());
        assertEquals(55e-6, r.wallSeconds(), 1e-12);
        assertEquals(5.5, r.meanMicros(), 1e-9);
        assertEquals(5.0, r.percentileMicros(0.5));
        assertEquals(10.0, r.percentileMicros(0.99));
    }
}
