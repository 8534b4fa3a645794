package dev.taskbench.runner;

import dev.taskbench.stability.Disturbance;
import dev.taskbench.stability.NeighbourCpu;
import java.io.File;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * What the rest of the machine did while each fork ran: JMH calls an external profiler in the
 * runner's JVM just before a fork starts and just after it has been reaped, so a
 * {@link NeighbourCpu} window spans exactly one fork, and the runner's own process tree (its forks
 * and their compiler threads) and the database's count as the benchmark's. JMH gives the fork's
 * result to {@link #afterTrial} as the very object the run's results hold, so each window is kept
 * against that object until {@link Measurements} takes it, with the fork's wall time (what a later
 * run plans its length from). JMH makes the instances; what they watch is set for the run by
 * {@link #watch}, and who hears of each fork's end by {@link #listen}.
 */
public final class ForkLoad implements ExternalProfiler {
    private static final NeighbourCpu MACHINE = NeighbourCpu.system();
    private static final Map<BenchmarkResult, Watched> MEASURED = new IdentityHashMap<>();
    private static volatile List<Long> roots = List.of(ProcessHandle.current().pid());
    private static volatile Listener listener = (params, seconds) -> { };

    private NeighbourCpu.Window window;
    private long started;

    /** What was measured beside one fork, and its wall time from starting it to reaping it. */
    record Watched(Disturbance load, double seconds) {
    }

    /** Hears of each fork as it starts and ends, in the runner's JVM ({@link RunProgress}). */
    interface Listener {
        /** A fork is being prepared, JMH's line of profilers open: this profiler is the last on it. */
        default void forkStarting() {
        }

        void forkEnded(BenchmarkParams params, double seconds);
    }

    /** The process trees that are the run's own: this JVM's, and the database's postmaster when the run drives one. */
    static void watch(List<Long> ownRoots) {
        roots = List.copyOf(ownRoots);
    }

    /** The process trees the run watches as its own. */
    static List<Long> roots() {
        return roots;
    }

    /** Who hears of each fork's end from now on. */
    static void listen(Listener l) {
        listener = l;
    }

    /** What was measured beside this fork, once; empty for a fork this profiler did not see. */
    static Optional<Watched> take(BenchmarkResult fork) {
        synchronized (MEASURED) {
            return Optional.ofNullable(MEASURED.remove(fork));
        }
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
        listener.forkStarting();
        started = System.nanoTime();
        window = MACHINE.start(roots);
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        if (window != null) {
            Watched w = new Watched(window.stop(), (System.nanoTime() - started) / 1e9);
            synchronized (MEASURED) {
                MEASURED.put(br, w);
            }
            window = null;
            listener.forkEnded(br.getParams(), w.seconds());
        }
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "taskbench: the CPU the rest of the machine used beside each fork (Linux /proc)";
    }
}
