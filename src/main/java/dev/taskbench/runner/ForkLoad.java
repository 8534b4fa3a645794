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
 * against that object until {@link Measurements} takes it. JMH makes the instances; what they watch
 * is set for the run by {@link #watch}.
 */
public final class ForkLoad implements ExternalProfiler {
    private static final NeighbourCpu MACHINE = NeighbourCpu.system();
    private static final Map<BenchmarkResult, Disturbance> MEASURED = new IdentityHashMap<>();
    private static volatile List<Long> roots = List.of(ProcessHandle.current().pid());

    private NeighbourCpu.Window window;

    /** The process trees that are the run's own: this JVM's, and the database's postmaster when the run drives one. */
    static void watch(List<Long> ownRoots) {
        roots = List.copyOf(ownRoots);
    }

    /** What was measured beside this fork, once; empty for a fork this profiler did not see. */
    static Optional<Disturbance> take(BenchmarkResult fork) {
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
        window = MACHINE.start(roots);
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        if (window != null) {
            Disturbance d = window.stop();
            synchronized (MEASURED) {
                MEASURED.put(br, d);
            }
            window = null;
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
