package dev.taskbench.server;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A request body's bytes in one array that grows as they arrive, doubling, never past the
 * declared length or the limit. It starts at most {@link #INITIAL_CAPACITY} whatever the
 * {@code Content-Length} says, so a client that declares much and sends little holds little.
 */
final class BodyBuffer {
    /** The most allocated before a byte arrives: the seed's forms fit; larger bodies grow. */
    static final int INITIAL_CAPACITY = 4096;

    private final int limit;
    /** The declared length when it is within the limit, else the limit: the most worth allocating. */
    private final int expected;
    private byte[] bytes;
    private int size;

    BodyBuffer(long declared, int limit) {
        this.limit = limit;
        this.expected = declared >= 0 && declared <= limit ? (int) declared : limit;
        this.bytes = new byte[Math.min(expected, INITIAL_CAPACITY)];
    }

    /** Appends what {@code b} holds; {@code false}, keeping nothing of it, when that would pass the limit. */
    boolean add(ByteBuffer b) {
        int n = b.remaining();
        if ((long) size + n > limit) {
            return false;
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + n, (int) Math.min(2L * bytes.length, expected)));
        }
        b.get(bytes, size, n);
        size += n;
        return true;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Bytes allocated for this body now. */
    int capacity() {
        return bytes.length;
    }
}
