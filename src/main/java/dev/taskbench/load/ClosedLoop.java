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
 * on one {@link Timing}.
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
        List<Timing.Recorder> recorders = new ArrayList<>(users);
        CountDownLatch ready = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean timed = mx.isCurrentThreadCpuTimeSupported();
        List<Thread> threads = new ArrayList<>(users);
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
                    for (int i = 0; i < perUser && failure.get() == null; i++) {
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
        long start = timing.now();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wall = timing.now() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Result(users, perUser, wall, Timing.Latencies.of(recorders), cpu.get());
    }

    /** Wall time and the operations' latencies. */
    public static final class Result {
        private final int users;
        private final int perUser;
        private final long wallNanos;
        private final Timing.Latencies latencies;
        private final long userCpuNanos;

        Result(int users, int perUser, long wallNanos, Timing.Latencies latencies, long userCpuNanos) {
            this.users = users;
            this.perUser = perUser;
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

        public long operations() {
            return (long) users * perUser;
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
