package dev.taskbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A process never waits on a lock its own parent holds (that wait could only end at the time-out):
     * a child JVM given 60 s to wait fails at once, in one line naming its parent.
     */
    @Test
    void aChildOfTheHolderFailsAtOnceInsteadOfWaitingForItsParent(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        try (DatabaseLock held = TestDatabase.lock()) {
            long t0 = System.nanoTime();
            Process child = LockProcess.start(log, "take", "60");
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child still waits:\n" + Files.readString(log));
            assertEquals(1, child.exitValue(), Files.readString(log));
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30);
        }
        List<String> said = Files.readAllLines(log).stream().filter(l -> l.startsWith("taskbench:")).toList();
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("is held by this process's own parent (pid " + ProcessHandle.current().pid() + ")")
                && said.get(0).contains("waiting for it would never end"), said.get(0));
    }

    /** One who is not family waits, as two separate runs do, and gets the lock once it is free. */
    @Test
    void aProcessThatIsNotTheHoldersChildWaitsForIt(@TempDir Path dir) throws Exception {
        Process holder = LockProcess.holding(dir.resolve("holder.log"));
        Process taker;
        try {
            taker = LockProcess.start(dir.resolve("taker.log"), "take", "60");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.readString(dir.resolve("taker.log")).contains("is in use by")) {
                assertTrue(taker.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("taker.log")));
                Thread.sleep(20);
            }
        } finally {
            LockProcess.release(holder);
        }
        assertTrue(taker.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, taker.exitValue(), Files.readString(dir.resolve("taker.log")));
        assertTrue(Files.readString(dir.resolve("taker.log")).contains(LockProcess.HELD));
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
