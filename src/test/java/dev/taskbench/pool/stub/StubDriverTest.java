package dev.taskbench.pool.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The stub keeps what pools set, answers SELECT 1, and refuses the rest. */
class StubDriverTest {

    @Test
    void answersSelectOneAndKeepsTheFlagsPoolsReset() throws Exception {
        StubDriver.register();
        try (Connection c = DriverManager.getConnection(StubDriver.URL)) {
            assertTrue(c.getAutoCommit());
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertFalse(c.getAutoCommit());
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertTrue(c.isValid(1));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertFalse(rs.next());
                assertEquals(st, rs.getStatement());
            }
            c.close();
            assertTrue(c.isClosed());
            assertFalse(c.isValid(1));
        }
    }

    @Test
    void everythingElseIsUnsupported() throws Exception {
        Connection c = StubDriver.open();
        assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareStatement("SELECT 1"));
        assertThrows(SQLFeatureNotSupportedException.class, () -> c.getMetaData());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getBoolean(1));
            assertThrows(SQLFeatureNotSupportedException.class, () -> st.executeBatch());
        }
    }
}
