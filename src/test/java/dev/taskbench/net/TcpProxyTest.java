package dev.taskbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The delay device of the latency axis, against the real PostgreSQL: through a proxy that
 * injects a round trip, every statement's round trip costs at least that much more than on
 * loopback, and what goes through arrives whole and in order.
 */
class TcpProxyTest {
    static final int ROUND_TRIPS = 25;

    @Test
    void aDelayedProxyAddsItsRoundTripToEveryStatement() throws Exception {
        ConnectionInfo db = TestDatabase.info();
        Duration injected = Duration.ofMillis(5);
        try (TcpProxy direct = new TcpProxy(db); TcpProxy delayed = TcpProxy.delayed(db, injected)) {
            long hop = medianRoundTripNanos(direct.info(db));
            long slow = medianRoundTripNanos(delayed.info(db));
            assertEquals(injected, delayed.addedRoundTrip());
            assertTrue(slow - hop >= injected.toNanos() * 9 / 10,
                    "added " + (slow - hop) / 1000 + " us, injected " + injected.toMillis() + " ms");
            // not a speed figure: a bound that only a device holding bytes far too long (or twice) breaks
            assertTrue(slow < injected.toNanos() * 2 + 50_000_000L, "round trip " + slow / 1000 + " us");
        }
    }

    @Test
    void whatGoesThroughADelayedProxyArrivesWholeAndInOrder() throws Exception {
        ConnectionInfo db = TestDatabase.info();
        try (TcpProxy delayed = TcpProxy.delayed(db, Duration.ofMillis(2));
             Connection c = delayed.info(db).connect();
             PreparedStatement ps = c.prepareStatement("select md5(repeat(?, 5000)), ?::int")) {
            for (int i = 0; i < 20; i++) {
                String s = "chunk-" + i;
                ps.setString(1, s);
                ps.setInt(2, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(md5(s.repeat(5000)), rs.getString(1));
                    assertEquals(i, rs.getInt(2));
                }
            }
        }
    }

    private static long medianRoundTripNanos(ConnectionInfo info) throws Exception {
        try (Connection c = info.connect(); Statement st = c.createStatement()) {
            st.execute("select 1"); // the first, with the connection's own set-up, is not a round trip
            long[] t = new long[ROUND_TRIPS];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                st.execute("select 1");
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            return t[t.length / 2];
        }
    }

    private static String md5(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (byte x : d) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }
}
