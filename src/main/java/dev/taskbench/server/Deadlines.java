package dev.taskbench.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts a request's thread still on the database when its time is up: under {@code virtual}
 * this is the bound pgjdbc's {@code socketTimeout} gives the other models. A virtual thread that
 * blocks on a socket with a read timeout parks with a timer, armed and cancelled in the
 * scheduler on every read (a wake of the scheduler's timer thread each time); here one thread
 * looks at all requests in the order they started instead. An interrupted virtual thread blocked
 * on a socket has the socket closed under it, so the read fails as a broken connection (503) and
 * the pool drops that connection. Every watch has the same timeout, so the oldest is first.
 */
final class Deadlines implements AutoCloseable {
    /** How often the sweeper looks: a late interrupt comes at most this much after its deadline. */
    static final Duration SWEEP = Duration.ofMillis(50);
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRING = 2;
    private static final int FIRED = 3;

    private final long timeoutNanos;
    private final ConcurrentLinkedQueue<Watch> watches = new ConcurrentLinkedQueue<>();
    private final Thread sweeper;
    private volatile boolean closed;

    /** {@code name} names the sweeper thread. */
    Deadlines(Duration timeout, String name) {
        this.timeoutNanos = timeout.toNanos();
        this.sweeper = new Thread(this::sweep, name);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** Starts watching the calling thread; {@link Watch#done} ends it. */
    Watch watch() {
        Watch w = new Watch(Thread.currentThread(), System.nanoTime() + timeoutNanos);
        watches.add(w);
        return w;
    }

    /** One thread's wait on the database. */
    static final class Watch {
        private final Thread thread;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        /**
         * Ends the watch on its own thread. If the deadline came first, waits for its interrupt to
         * be delivered and clears it, so that the rest of the request runs uninterrupted.
         */
        void done() {
            if (state.compareAndSet(RUNNING, DONE)) {
                return;
            }
            while (state.get() != FIRED) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
        }
    }

    private void sweep() {
        while (!closed) {
            long now = System.nanoTime();
            for (Watch w = watches.peek(); w != null; w = watches.peek()) {
                int s = w.state.get();
                if (s == RUNNING && now - w.deadline < 0) {
                    break; // the oldest running one is not due, nor is any after it
                }
                watches.poll();
                if (s == RUNNING && w.state.compareAndSet(RUNNING, FIRING)) {
                    w.thread.interrupt();
                    w.state.set(FIRED);
                }
            }
            LockSupport.parkNanos(SWEEP.toNanos());
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(sweeper);
        try {
            sweeper.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
