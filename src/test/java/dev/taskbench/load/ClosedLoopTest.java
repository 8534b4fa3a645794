package dev.taskbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The closed loop counted and timed, on a fake clock that only the operations move. */
class ClosedLoopTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** One user whose every operation takes one second of the fake clock. */
    private static ClosedLoop.Result oneUser(int perUser, long limitNanos, AtomicInteger done) throws Exception {
        AtomicLong now = new AtomicLong();
        Timing clock = new Timing(now::get);
        return ClosedLoop.run(clock, 1, perUser, limitNanos, u -> (user, i) -> {
            now.addAndGet(SECOND);
            done.incrementAndGet();
        });
    }

    @Test
    void aLimitLongerThanTheCountLeavesTheRunCounted() throws Exception {
        AtomicInteger done = new AtomicInteger();
        ClosedLoop.Result r = oneUser(3, 5 * SECOND, done);
        assertEquals(3, r.operations());
        assertEquals(3, done.get());
        assertFalse(r.timed());
        assertEquals(3.0, r.wallSeconds(), 1e-9);
        assertEquals(1.0, r.perSecond(), 1e-9);
    }

    @Test
    void theLimitStopsTheRunAtTheCountItReached() throws Exception {
        AtomicInteger done = new AtomicInteger();
        ClosedLoop.Result r = oneUser(100, 5 * SECOND, done);
        assertEquals(5, r.operations(), "operations start at 0, 1, 2, 3 and 4 s; none at 5 s");
        assertEquals(5, done.get());
        assertTrue(r.timed());
        assertEquals(5.0, r.wallSeconds(), 1e-9);
    }

    @Test
    void noLimitRunsEveryOperation() throws Exception {
        AtomicInteger done = new AtomicInteger();
        ClosedLoop.Result r = oneUser(40, 0, done);
        assertEquals(40, r.operations());
        assertFalse(r.timed());
    }

    /** Several users stopped by the clock: the count it reports is the operations that ran, one each. */
    @Test
    void aTimedRunCountsWhatItsUsersDid() throws Exception {
        AtomicInteger done = new AtomicInteger();
        ClosedLoop.Result r = ClosedLoop.run(Timing.SYSTEM, 4, 100_000, TimeUnit.MILLISECONDS.toNanos(50),
                u -> (user, i) -> {
                    done.incrementAndGet();
                    Thread.sleep(1);
                });
        assertTrue(r.timed());
        assertEquals(done.get(), r.operations());
        assertTrue(r.operations() >= 4 && r.operations() < 400_000, () -> r.operations() + " operations");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClosedLoop.run(Timing.SYSTEM, 1, 1, -1, u -> (user, i) -> {
        }));
    }
}
