package dev.taskbench.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteConnectionsTest {

    @Test
    void settingsReplaceWhatTheUrlHadAndKeepTheRest() {
        ConnectionInfo base = new ConnectionInfo(
                "jdbc:postgresql://h:5432/db?currentSchema=taskbench&prepareThreshold=3&sslmode=require", "u", "p");
        ConnectionInfo tuned = new WriteConnections(0, true, false).apply(base);
        Map<String, String> p = JdbcUrls.params(tuned.url());
        assertEquals("0", p.get("prepareThreshold"));
        assertEquals("true", p.get("reWriteBatchedInserts"));
        assertEquals("require", p.get("sslmode"));
        assertEquals("taskbench", p.get("currentSchema"));
        assertEquals("-c%20synchronous_commit%3Doff", p.get("options"));
        assertEquals("u", tuned.user());
    }

    @Test
    void synchronousCommitIsSetPerSession() throws Exception {
        for (boolean on : new boolean[] {true, false}) {
            ConnectionInfo info = new WriteConnections(5, false, on).apply(dev.taskbench.db.TestDatabase.info());
            try (Connection c = info.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select current_setting('synchronous_commit'),"
                         + " current_setting('application_name'), current_schema()")) {
                rs.next();
                assertEquals(on ? "on" : "off", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("taskbench-write-"));
                assertEquals("taskbench", rs.getString(3));
            }
        }
    }

    @Test
    void boundedSetsTheDriversAndTheServersTimeoutsAndKeepsTheOptions() throws Exception {
        ConnectionInfo base = WriteConnections.DEFAULTS.apply(dev.taskbench.db.TestDatabase.info());
        ConnectionInfo bounded = WriteConnections.bounded(base, java.time.Duration.ofMillis(500),
                java.time.Duration.ofMillis(4500));
        Map<String, String> p = JdbcUrls.params(bounded.url());
        assertEquals("4", p.get("socketTimeout"));
        assertEquals("1", p.get("loginTimeout"), "opening a connection is part of the 500 ms acquire, rounded up");
        assertEquals("1", p.get("connectTimeout"));
        try (Connection c = bounded.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('statement_timeout'),"
                     + " current_setting('lock_timeout'), current_setting('synchronous_commit')")) {
            rs.next();
            assertEquals("3750ms", rs.getString(1));
            assertEquals("3750ms", rs.getString(2));
            assertEquals("on", rs.getString(3));
        }
        assertEquals(1, WriteConnections.socketTimeoutSeconds(java.time.Duration.ofMillis(1500)));
        assertEquals(750, WriteConnections.serverTimeoutMillis(java.time.Duration.ofMillis(1999)));
    }
}
