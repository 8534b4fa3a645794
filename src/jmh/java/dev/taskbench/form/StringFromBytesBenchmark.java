package dev.taskbench.form;

import dev.taskbench.declare.Standard;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which String constructor is cheapest for an ASCII slice of a byte[], FormParser's choice for
 * components with nothing to decode.
 *
 * <p>With compact strings, ISO-8859-1 is a plain copy; UTF-8 and
 * US-ASCII first check for negative bytes, so they should cost a little more per byte. The
 * deprecated hibyte constructor makes the same Latin-1 copy but is small enough to inline, which
 * JDK 17's charset constructor is not: FormParser uses it.
 */
@Standard(value = {}, why = "it explains one choice inside the decoder and answers no finding")
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS) // C2 is still compiling 1-2 s in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class StringFromBytesBenchmark {
    @Param({"17", "81", "4096"})
    public int length;

    byte[] bytes;

    @Setup
    public void setUp() {
        bytes = new byte[length + 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
    }

    @Benchmark
    public String latin1() {
        return new String(bytes, 4, length, StandardCharsets.ISO_8859_1);
    }

    @Benchmark
    @SuppressWarnings("deprecation")
    public String latin1Hibyte() {
        return new String(bytes, 0, 4, length);
    }

    @Benchmark
    public String utf8() {
        return new String(bytes, 4, length, StandardCharsets.UTF_8);
    }

    @Benchmark
    public String usAscii() {
        return new String(bytes, 4, length, StandardCharsets.US_ASCII);
    }
}
