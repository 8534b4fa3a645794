package dev.taskbench.server;

import java.nio.ByteBuffer;

/**
 * A request body as it arrives, the same on every server: kept in a {@link BodyBuffer} up to the
 * parser's limit; past it, or declared past it, only counted and dropped, so that a server can
 * read on and a client still sending reads the 413 instead of a reset connection.
 */
final class IncomingBody {
    private final long declared;
    /** The body so far; {@code null} once it is being dropped. */
    private BodyBuffer buffer;
    private long dropped = -1;

    /**
     * Whether a body declared this long is refused (413) without being read: over the limit and
     * over what a server reads on and drops for the client's sake.
     */
    static boolean refusedUnread(long declared, int limit) {
        return declared > limit && declared > TaskHandler.DRAIN_LIMIT;
    }

    /** @param declared its Content-Length, or -1 when it has none */
    IncomingBody(long declared, int limit) {
        this.declared = declared;
        if (declared > limit) {
            dropped = 0;
        } else {
            buffer = new BodyBuffer(declared, limit);
        }
    }

    void take(ByteBuffer b) {
        int n = b.remaining();
        if (dropped >= 0) {
            dropped += n;
        } else if (!buffer.add(b)) {
            dropped = buffer.size() + (long) n; // past the limit: keep reading, drop it all
            buffer = null;
        }
    }

    /** Over the limit: once it ends, the answer is 413. */
    boolean dropping() {
        return dropped >= 0;
    }

    /** More dropped than a server reads on for the client's sake ({@link TaskHandler#DRAIN_LIMIT}): 413 now. */
    boolean pastDrainLimit() {
        return dropped > TaskHandler.DRAIN_LIMIT;
    }

    /** Ended with fewer bytes than its Content-Length said (a kept body only). */
    boolean shorterThanDeclared() {
        return declared >= 0 && buffer.size() != declared;
    }

    byte[] bytes() {
        return buffer.bytes();
    }

    int size() {
        return buffer.size();
    }
}
