package dev.taskbench.load;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The one clock the load generator ({@link ClosedLoop}) and the seed's cost breakdown read, and
 * the two ways they sum it up: every call's latency under load ({@link Recorder},
 * {@link Latencies}), or one call at a time, the median of batches' means
 * ({@link #medianOfBatches}). The clock is a parameter so that both can be checked against a
 * fake one; {@link #SYSTEM} is the JVM's monotonic clock.
 */
public final class Timing {
    public static final Timing SYSTEM = new Timing(System::nanoTime);

    private final LongSupplier clock;
    /** Where calls' answers go, so that the JIT cannot drop their work. */
    private volatile long consumed;

    public Timing(LongSupplier clock) {
        this.clock = clock;
    }

    /** A timed call; its answer is consumed so that the work cannot be optimised away. */
    @FunctionalInterface
    public interface Call {
        long call() throws Exception;
    }

    /** Nanoseconds on this timing's clock. */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * Nanoseconds per call: {@code call} back to back in batches of {@code batch} until
     * {@code budgetNanos} have passed (at least one batch), then the median of the batches'
     * means. A median, because a commit waits for a WAL flush whose time on a shared disk has
     * outliers many times the usual; a mean would hand them to whichever call met them.
     */
    public double medianOfBatches(Call call, int batch, long budgetNanos) throws Exception {
        double[] batches = new double[64];
        int n = 0;
        long sink = 0;
        long now = now();
        long end = now + budgetNanos;
        do {
            long t0 = now;
            for (int k = 0; k < batch; k++) {
                sink += call.call();
            }
            now = now();
            if (n == batches.length) {
                batches = Arrays.copyOf(batches, n * 2);
            }
            batches[n++] = (double) (now - t0) / batch;
        } while (now < end);
        consumed += sink;
        return median(Arrays.copyOf(batches, n));
    }

    /**
     * Nanoseconds per call of each of {@code calls}: {@code rounds} rounds, each timing every call
     * in turn ({@link #medianOfBatches}), then each call's median over the rounds. Interleaved, so
     * that drift on a shared machine hits all calls alike.
     */
    public double[] interleavedMedians(List<Call> calls, int rounds, int batch, long budgetNanos) throws Exception {
        double[][] perCall = new double[calls.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < calls.size(); k++) {
                perCall[k][r] = medianOfBatches(calls.get(k), batch, budgetNanos);
            }
        }
        double[] medians = new double[calls.size()];
        for (int k = 0; k < medians.length; k++) {
            medians[k] = median(perCall[k]);
        }
        return medians;
    }

    /** The middle value (the upper one of an even count). */
    public static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** A recorder for one thread's latencies, room for {@code capacity} calls. */
    public Recorder recorder(int capacity) {
        return new Recorder(capacity);
    }

    /** One thread's latencies: {@code stop(start())} around each call. Not thread-safe. */
    public final class Recorder {
        private final long[] nanos;
        private int count;

        private Recorder(int capacity) {
            this.nanos = new long[capacity];
        }

        public long start() {
            return now();
        }

        public void stop(long start) {
            nanos[count++] = now() - start;
        }

        public int count() {
            return count;
        }
    }

    /** Latencies of many calls, sorted: their mean and percentiles. */
    public static final class Latencies {
        private final long[] sorted;

        private Latencies(long[] sorted) {
            this.sorted = sorted;
        }

        /** The calls every recorder saw, together. */
        public static Latencies of(List<Recorder> recorders) {
            long[] all = new long[recorders.stream().mapToInt(Recorder::count).sum()];
            int at = 0;
            for (Recorder r : recorders) {
                System.arraycopy(r.nanos, 0, all, at, r.count);
                at += r.count;
            }
            Arrays.sort(all);
            return new Latencies(all);
        }

        public int count() {
            return sorted.length;
        }

        public double meanMicros() {
            double sum = 0;
            for (long l : sorted) {
                sum += l;
            }
            return sum / sorted.length / 1e3;
        }

        /** The {@code p}-quantile (0..1) in microseconds: the smallest latency at least that share of calls had. */
        public double percentileMicros(double p) {
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
            return sorted[i] / 1e3;
        }
    }
}
