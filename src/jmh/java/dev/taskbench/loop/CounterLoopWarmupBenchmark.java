package dev.taskbench.loop;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the first 50 calls of the opaque counter loop in a fresh JVM speed up, each timed alone:
 * the interpreter to C1 to C2 transition.
 *
 * <p>The first call is mostly interpreted and rescued by
 * on-stack replacement; the curve then drops to C1 and to C2 speed. Time to peak is where a
 * tracing JIT such as PyPy's pays off against CPython. This plan (no warmup, 50 single shots) is its
 * meaning: every profile keeps it and takes only its fork count.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 50, batchSize = 1)
public class CounterLoopWarmupBenchmark {

    @Param("10000")
    public int outer;

    @Param("1000")
    public int inner;

    @Param("500")
    public long increment;

    private long[] increments;

    @Setup
    public void setUp() {
        increments = CounterLoop.increments(inner, increment);
    }

    @Benchmark
    public long firstCalls() {
        return CounterLoop.opaque(outer, increments);
    }
}
