package dev.taskbench.loop;

import dev.taskbench.declare.Finding;
import dev.taskbench.declare.HasReference;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the seed's CPU round, 10^7 additions per call, costs on the JVM, as written and with
 * the work hidden from the JIT.
 *
 * <p>{@code faithful} is the loop as written: C2 on JDK 17 turns it into unrolled arithmetic
 * and JDK 25 folds it to a constant, so its score says what the JIT removed, not what an
 * addition costs. {@code opaque} does the same additions
 * from an array the JIT cannot see through; its {@code outer} parameter lets the run prove the
 * work is done (double the trip count, double the time). Under {@code -Xint} both run in the
 * interpreter, which is the CPython end of the seed's contrast.
 */
@Finding(group = "Interpreter, C1 and C2 on the opaque loop", of = "opaque outer=10000", ofFlagSet = "interpreter", toFlagSet = "c2",
        says = "Interpreted (-Xint), the seed's CPU round takes {ratio} the time it takes after C2.")
@Finding(group = "Interpreter, C1 and C2 on the opaque loop", of = "opaque outer=10000", ofFlagSet = "c1", toFlagSet = "c2",
        says = "With C1 only, the seed's CPU round takes {ratio} the time it takes after C2.")
@Finding(group = "JDK 25 against JDK 17", of = "opaque outer=10000", ofFlagSet = "jdk25", toFlagSet = "jdk17",
        says = "On JDK 25 the opaque CPU round takes {ratio} the time it takes on JDK 17.")
@Finding(group = "JDK 25 against JDK 17", of = "faithful", ofFlagSet = "jdk25", toFlagSet = "jdk17",
        says = "On JDK 25 the CPU round as written takes {ratio} the time it takes on JDK 17.")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CounterLoopBenchmark {

    /** Inputs for {@code opaque}, read from non-final state so the JIT cannot fold them. */
    @State(Scope.Thread)
    public static class Opaque {
        /** Outer trip count; 10000 is the seed's, 20000 the linearity check. */
        @Param({"10000", "20000"})
        public int outer;

        @Param("1000")
        public int inner;

        @Param("500")
        public long increment;

        long[] increments;

        @Setup
        public void setUp() {
            increments = CounterLoop.increments(inner, increment);
            long expected = (long) outer * inner * increment;
            long got = CounterLoop.opaque(outer, increments);
            if (got != expected) {
                throw new IllegalStateException("opaque loop computed " + got + ", expected " + expected);
            }
        }
    }

    @Benchmark
    @HasReference(value = HasReference.Script.COUNTER_LOOP, seedParams = "outer=10000")
    public long faithful() {
        return CounterLoop.faithful();
    }

    @Benchmark
    @HasReference(value = HasReference.Script.COUNTER_LOOP, seedParams = "outer=10000")
    public long opaque(Opaque in) {
        return CounterLoop.opaque(in.outer, in.increments);
    }
}
