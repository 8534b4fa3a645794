package dev.taskbench.pool;

import dev.taskbench.config.Names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.pool.stub.StubDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConnectionSourceTest {
    /** Bounds each borrow, so that a pool that cannot hand out a connection fails the test at once. */
    static final Duration ACQUIRE = Duration.ofSeconds(1);
    /** Fresh JVMs that each make one first borrow: the fill race below stalls some of them, not every one. */
    static final int FRESH_JVMS = 8;

    @ParameterizedTest
    @EnumSource(ConnectionSource.class)
    void everySourceRunsSelectOneOnTheRealServer(ConnectionSource source) throws SQLException {
        try (ConnectionSource.Opened opened = source.open(TestDatabase.info(), 2, ACQUIRE)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(1, opened.selectOne());
            }
        }
    }

    /** The property the benchmark contrasts: a pool reuses one server backend, a fresh source logs in anew. */
    @ParameterizedTest
    @EnumSource(ConnectionSource.class)
    void poolsReuseTheBackendAndFreshSourcesDoNot(ConnectionSource source) throws SQLException {
        try (ConnectionSource.Opened opened = source.open(TestDatabase.info(), 1, ACQUIRE)) {
            int first = backendPid(opened);
            int second = backendPid(opened);
            if (source.pooled()) {
                assertEquals(first, second, source + " should hand out the same pooled connection");
            } else {
                assertNotEquals(first, second, source + " should open a new connection");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hikari", "dbcp2", "agroal", "driverManager"})
    void poolsRunOnTheStubDriverWithoutAServer(String name) throws SQLException {
        StubDriver.register();
        try (ConnectionSource.Opened opened = ConnectionSource.valueOf(name)
                .open(new ConnectionInfo(StubDriver.URL, "", ""), 2, ACQUIRE)) {
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, opened.selectOne());
            }
        }
    }

    /**
     * Agroal told to fill its pool up front ({@code initialSize}) raced that fill with the first
     * borrow of a cold JVM on a driver that connects at once, and the borrow waited out the whole
     * acquisition timeout before it took a connection. Filling on demand (Agroal's default) does not race. Each JVM here gets a 20 s timeout; a first
     * borrow that needs 10 s of it waited for the timeout, not for work.
     */
    @Test
    void agroalsFirstBorrowInAFreshJvmDoesNotWaitOutTheTimeout() throws Exception {
        for (int i = 0; i < FRESH_JVMS; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), FirstBorrow.class.getName(), "agroal", "20")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), out);
            long millis = Long.parseLong(out.lines().reduce((a, b) -> b).orElse("-1"));
            assertTrue(millis < 10_000, "fresh JVM " + (i + 1) + ": the first borrow took " + millis + " ms");
        }
    }

    @Test
    void parameterNamesAreForgiving() {
        assertEquals(ConnectionSource.pgSimpleDataSource, Names.match(ConnectionSource.class, "pgSimpleDataSource").get());
        assertEquals(ConnectionSource.driverManager, Names.match(ConnectionSource.class, "driver-manager").get());
        assertEquals(ConnectionSource.driverManager, Names.match(ConnectionSource.class, "DRIVER_MANAGER").get());
        assertTrue(Names.match(ConnectionSource.class, "c3p0").isEmpty());
        assertTrue(Names.list(ConnectionSource.class).contains("hikari"), Names.list(ConnectionSource.class));
    }

    private static int backendPid(ConnectionSource.Opened opened) throws SQLException {
        try (Connection c = opened.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
