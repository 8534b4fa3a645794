package dev.taskbench.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The virtual model's read bound: a thread still watched at its deadline is interrupted, and only then. */
class DeadlinesTest {
    static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void aThreadStillWaitingAtItsDeadlineIsInterruptedAndDoneClearsIt() throws Exception {
        try (Deadlines d = new Deadlines(TIMEOUT, "test-deadlines")) {
            d.watch().done(); // an earlier request that finished in time stays out of the way
            long start = System.nanoTime();
            Deadlines.Watch w = d.watch();
            assertThrows(InterruptedException.class, () -> Thread.sleep(30_000));
            long waited = (System.nanoTime() - start) / 1_000_000;
            w.done();
            assertFalse(Thread.currentThread().isInterrupted(), "done() leaves the rest of the request uninterrupted");
            assertTrue(waited >= TIMEOUT.toMillis(), "interrupted after " + waited + " ms, before its deadline");
            assertTrue(waited < 10_000, "interrupted only after " + waited + " ms");
        }
    }

    @Test
    void aWatchDoneInTimeIsNeverInterrupted() throws Exception {
        try (Deadlines d = new Deadlines(TIMEOUT, "test-deadlines")) {
            d.watch().done();
            Thread.sleep(TIMEOUT.multipliedBy(2).plus(Deadlines.SWEEP.multipliedBy(2)).toMillis());
            assertFalse(Thread.interrupted());
        }
    }

    @Test
    void closingStopsTheSweeper() throws Exception {
        Deadlines d = new Deadlines(TIMEOUT, "test-deadlines-closed");
        d.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("test-deadlines-closed") && t.isAlive()));
    }
}
