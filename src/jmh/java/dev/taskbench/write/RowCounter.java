package dev.taskbench.write;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rows written, as a JMH auxiliary counter: with a row count that is a {@code @Param}, the
 * compile-time {@code @OperationsPerInvocation} cannot normalise, so benchmarks report the
 * secondary metric {@code rows} (time per row in {@code avgt}) next to the primary time per
 * call (= per transaction).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RowCounter {
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
        rows = 0;
    }
}
