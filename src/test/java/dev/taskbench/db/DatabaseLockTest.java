package dev.taskbench.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The run lock on the real database: others are kept out, told who holds it, let in when the last holder goes. */
class DatabaseLockTest {

    @Test
    void aHeldLockKeepsOtherSessionsOutUntilTheLastHolderInThisJvmLetsGo() throws Exception {
        try (Connection other = TestDatabase.info().connect()) {
            DatabaseLock outer = TestDatabase.lock();
            DatabaseLock inner = TestDatabase.lock(); // re-entrant: an in-process run inside a test that holds it
            assertFalse(tryLock(other));
            String holder = DatabaseLock.holder(other);
            assertTrue(holder.contains(DatabaseLock.APPLICATION_NAME + " tests pid " + ProcessHandle.current().pid()),
                    holder);
            inner.close();
            inner.close(); // twice is once
            assertFalse(tryLock(other), "the outer holder still has it");
            outer.close();
            assertTrue(tryLock(other), "free once the last holder let go");
            try (PreparedStatement ps = other.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, DatabaseLock.KEY);
                ps.executeQuery().close();
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, DatabaseLock.KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
