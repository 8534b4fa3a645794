package dev.taskbench.pool;

import dev.taskbench.config.Names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.pool.stub.StubDriver;
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
    /**
     * Bounds each borrow. Agroal's first borrow can race its pool's initial fill and wait out the
     * whole acquisition timeout before it gets a connection (30 s by default); it still gets one.
     */
    static final Duration ACQUIRE = Duration.ofSeconds(1);

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
