package dev.taskbench.load;

import java.util.ArrayList;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The seed's load shape: {@code users} threads, each doing {@code perUser} operations one after
 * another (closed loop), all started together. Records the wall time from the common start to
 * the last answer, every operation's latency and the CPU time the users' own threads took, all
 * on one {@link Timing}. With a time limit, a user starts no operation once the limit has passed
 * since the common start: the run is then timed, not counted, and says how many it reached.
 */
public final class ClosedLoop {

    /** One user's operation number {@code i}. Throws to abort the run. */
    @FunctionalInterface
    public interface Op {
        void run(int user, int i) throws Exception;
    }

    /** Creates a user's per-thread state (its connection) before the clock starts. */
    @FunctionalInterface
    public interface UserFactory {
        Op open(int user) throws Exception;
    }

    private ClosedLoop() {
    }

    public static Result run(int users, int perUser, UserFactory factory) throws Exception {
        return run(Timing.SYSTEM, users, perUser, factory);
    }

    public static Result run(Timing timing, int users, int perUser, UserFactory factory) throws Exception {
        return run(timing, users, perUser, 0, factory);
    }

    /**
     * The same, each user starting no operation once {@code limitNanos} have passed since the
     * common start (0: no limit); operations under way finish and count.
     */
    public static Result run(Timing timing, int users, int perUser, long limitNanos, UserFactory factory)
            throws Exception {
        if (limitNanos < 0) {
            throw new IllegalArgumentException("a time limit of " + limitNanos + " ns");
        }
        List<Timing.Recorder> recorders = new ArrayList<>(users);
        CountDownLatch ready = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean timed = mx.isCurrentThreadCpuTimeSupported();
        List<Thread> threads = new ArrayList<>(users);
        long[] start = new long[1]; // written before go opens, read after it: go's latch orders them
        for (int u = 0; u < users; u++) {
            final int user = u;
            Timing.Recorder mine = timing.recorder(perUser);
            recorders.add(mine);
            Thread t = new Thread(() -> {
                Op op;
                try {
                    op = factory.open(user);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                    return;
                }
                ready.countDown();
                try {
                    go.await();
                    long c0 = timed ? mx.getCurrentThreadCpuTime() : 0;
                    for (int i = 0; i < perUser && failure.get() == null
                            && (limitNanos == 0 || timing.now() - start[0] < limitNanos); i++) {
                        long t0 = mine.start();
                        op.run(user, i);
                        mine.stop(t0);
                    }
                    cpu.addAndGet(timed ? mx.getCurrentThreadCpuTime() - c0 : 0);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "taskbench-user-" + u);
            threads.add(t);
            t.start();
        }
        ready.await();
        start[0] = timing.now();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wall = timing.now() - start[0];
        if (failure.get() != null) {
            throw failure.get();
        }
        Timing.Latencies latencies = Timing.Latencies.of(recorders);
        return new Result(users, latencies.count(), latencies.count() < (long) users * perUser, wall, latencies,
                cpu.get());
    }

    /** Wall time, the operations done and their latencies. */
    public static final class Result {
        private final int users;
        private final long operations;
        private final boolean timed;
        private final long wallNanos;
        private final Timing.Latencies latencies;
        private final long userCpuNanos;

        Result(int users, long operations, boolean timed, long wallNanos, Timing.Latencies latencies,
                long userCpuNanos) {
            this.users = users;
            this.operations = operations;
            this.timed = timed;
            this.wallNanos = wallNanos;
            this.latencies = latencies;
            this.userCpuNanos = userCpuNanos;
        }

        /** CPU time of the users' own threads (the client's side), 0 where the JVM cannot tell. */
        public long userCpuNanos() {
            return userCpuNanos;
        }

        public int users() {
            return users;
        }

        /** The operations done: {@code users x perUser}, or fewer where the time limit stopped them. */
        public long operations() {
            return operations;
        }

        /** Whether the time limit stopped the users before {@code perUser} operations each: timed, not counted. */
        public boolean timed() {
            return timed;
        }

        public double wallSeconds() {
            return wallNanos / 1e9;
        }

        public double perSecond() {
            return operations() / wallSeconds();
        }

        public double meanMicros() {
            return latencies.meanMicros();
        }

        /** The {@code p}-quantile (0..1) in microseconds. */
        public double percentileMicros(double p) {
            return latencies.percentileMicros(p);
        }
    }
}
