package dev.taskbench.loop;

import java.util.Arrays;

/**
 * The seed's CPU round: {@code counter = counter + 500} in a 10000 x 1000 loop, 10^7
 * additions per call, written as the seed wrote it and in a form the JIT cannot close.
 */
public final class CounterLoop {
    public static final int OUTER = 10_000;
    public static final int INNER = 1_000;
    public static final long INCREMENT = 500;
    /** What one call returns: 10^7 additions of 500. */
    public static final long EXPECTED = (long) OUTER * INNER * INCREMENT;

    private CounterLoop() {
    }

    /**
     * The seed's loop as written. Every bound and the increment are constants, so an
     * optimising JIT may reduce the loop to arithmetic or to a constant.
     */
    public static long faithful() {
        long counter = 0;
        for (int i = 0; i < 10000; i++) {
            for (int k = 0; k < 1000; k++) {
                counter = counter + 500;
            }
        }
        return counter;
    }

    /**
     * The same additions, each one reading its increment from an array the JIT cannot
     * prove constant. The inner loop is a real reduction over memory (C2 may vectorise it,
     * which still performs every addition), so time grows with {@code outer}.
     */
    public static long opaque(int outer, long[] increments) {
        long counter = 0;
        for (int i = 0; i < outer; i++) {
            for (int k = 0; k < increments.length; k++) {
                counter = counter + increments[k];
            }
        }
        return counter;
    }

    /** The increments array for {@link #opaque}: {@code inner} copies of {@code increment}. */
    public static long[] increments(int inner, long increment) {
        long[] a = new long[inner];
        Arrays.fill(a, increment);
        return a;
    }
}
