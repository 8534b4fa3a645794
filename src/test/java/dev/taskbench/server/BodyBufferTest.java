package dev.taskbench.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyBufferTest {
    static final int LIMIT = 2 << 20;

    @Test
    void aDeclaredLengthIsNotAllocatedBeforeItsBytesArrive() {
        BodyBuffer b = new BodyBuffer(LIMIT, LIMIT);
        assertTrue(b.add(ByteBuffer.wrap(new byte[] {'t'})));
        assertEquals(BodyBuffer.INITIAL_CAPACITY, b.capacity());
    }

    @Test
    void aSmallBodyGetsExactlyItsLength() {
        BodyBuffer b = new BodyBuffer(100, LIMIT);
        assertEquals(100, b.capacity());
    }

    @Test
    void itGrowsAsBytesArriveAndNeverPastTheDeclaredLength() {
        int declared = 1_000_000;
        BodyBuffer b = new BodyBuffer(declared, LIMIT);
        byte[] all = new byte[declared];
        Arrays.fill(all, (byte) 'x');
        all[declared - 1] = 'y';
        for (int at = 0; at < declared; at += 7000) {
            int n = Math.min(7000, declared - at);
            assertTrue(b.add(ByteBuffer.wrap(all, at, n)));
            assertTrue(b.capacity() <= Math.max(2L * (at + n), BodyBuffer.INITIAL_CAPACITY), "capacity " + b.capacity());
        }
        assertEquals(declared, b.capacity());
        assertArrayEquals(all, Arrays.copyOf(b.bytes(), b.size()));
    }

    @Test
    void withoutADeclaredLengthItStopsAtTheLimit() {
        BodyBuffer b = new BodyBuffer(-1, 10_000);
        assertTrue(b.add(ByteBuffer.wrap(new byte[6000])));
        assertFalse(b.add(ByteBuffer.wrap(new byte[4001])));
        assertEquals(6000, b.size());
        assertTrue(b.add(ByteBuffer.wrap(new byte[4000])));
        assertEquals(10_000, b.capacity());
    }
}
