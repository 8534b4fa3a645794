package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run (or test that empties {@code task}) per database at a time: a PostgreSQL advisory lock
 * on a fixed key, held by a connection of its own for as long as the holder lives. One who finds
 * it taken says in one line who holds it, then waits up to {@code -Dtaskbench.db.lockWaitSeconds}
 * and gives up with {@link DatabaseBusyException}. Within one JVM the lock is re-entrant (an
 * in-process run inside a test that holds it); it is released when the last holder closes, or
 * when the JVM dies and PostgreSQL ends its session.
 */
public final class DatabaseLock implements AutoCloseable {
    /** The advisory lock's key: "taskbenc" in ASCII. */
    public static final long KEY = 0x7461736b62656e63L;
    /** application_name prefix of the lock's connection, so others can tell who waits or holds. */
    public static final String APPLICATION_NAME = "taskbench-lock";
    public static final String WAIT = SettingsCatalogue.DB_LOCK_WAIT.key();
    public static final int DEFAULT_WAIT_SECONDS = 600;

    private static final Map<String, Held> HELD = new HashMap<>();
    private static final String HOLDER = "select a.pid, coalesce(nullif(a.application_name, ''), '?'),"
            + " coalesce(host(a.client_addr), 'local socket'), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'),"
            + " a.client_addr is not distinct from inet_client_addr()"
            + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
            + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
            + " and l.database = (select oid from pg_database where datname = current_database())"
            + " and l.classid::bigint = ? and l.objid::bigint = ?";

    /** The process id the holder's application_name ends with ({@code "... pid 1234"}). */
    private static final Pattern HOLDER_PID = Pattern.compile(" pid (\\d+)$");

    private final String key;
    private boolean closed;

    private DatabaseLock(String key) {
        this.key = key;
    }

    /** The wait setting, read once. */
    public static Duration waitSetting(Settings s) {
        return Duration.ofSeconds(s.integer(WAIT, null, DEFAULT_WAIT_SECONDS, 0, 7 * 86_400));
    }

    /**
     * Takes the database's run lock, waiting up to {@code wait} (saying so on {@code out}) while
     * another session holds it. {@code who} names the holder for the others (a run id, "tests").
     */
    public static synchronized DatabaseLock acquire(ConnectionInfo info, Duration wait, String who, PrintStream out) {
        String key = info.url() + "|" + info.user();
        Held held = HELD.get(key);
        if (held == null) {
            held = new Held(lock(info, wait, who, out));
            HELD.put(key, held);
        }
        held.count++;
        return new DatabaseLock(key);
    }

    private static Connection lock(ConnectionInfo info, Duration wait, String who, PrintStream out) {
        String name = APPLICATION_NAME + " " + who + " pid " + ProcessHandle.current().pid();
        Properties p = info.properties();
        p.setProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
        p.setProperty("connectTimeout", String.valueOf(Connectivity.TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(Connectivity.TIMEOUT_SECONDS));
        Connection c = null;
        try {
            c = java.sql.DriverManager.getConnection(info.url(), p);
            c.setAutoCommit(true);
            if (!tryLock(c)) {
                String holder = holder(c);
                refuseOwnFamily(c, info, holder);
                if (wait.isZero()) {
                    throw busy(info, holder, wait);
                }
                out.println("taskbench: the database " + info.redactedUrl() + " is in use by " + holder
                        + "; waiting up to " + wait.toSeconds() + " s for it (-D" + WAIT + ")");
                waitForLock(c, info, wait, holder);
            }
            publishStatistics(c);
            return c;
        } catch (SQLException e) {
            close(c);
            throw new TaskbenchException("cannot take the database's run lock at " + info.redactedUrl() + ": "
                    + Connectivity.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Blocks in PostgreSQL's own lock queue, bounded by {@code lock_timeout}. */
    private static void waitForLock(Connection c, ConnectionInfo info, Duration wait, String holder)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set lock_timeout = " + wait.toMillis());
            publishStatistics(c); // before blocking: a blocked backend publishes nothing until it gets the lock
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                ps.executeQuery().close();
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    throw busy(info, holder, wait);
                }
                throw e;
            }
            st.execute("set lock_timeout = 0");
        }
    }

    /**
     * A process never waits for a lock that it or one of its ancestors holds (a runner that did not
     * hand the database over to its forks): that wait could only end at the time-out.
     */
    private static void refuseOwnFamily(Connection c, ConnectionInfo info, String holder) throws SQLException {
        long holderPid = holderPid(c);
        if (holderPid < 0) {
            return;
        }
        String who = holderPid == ProcessHandle.current().pid() ? "this process itself"
                : ancestors().contains(holderPid) ? "this process's own parent (pid " + holderPid + ")" : null;
        if (who != null) {
            throw new TaskbenchException("the database " + info.redactedUrl() + " is held by " + who + ", " + holder
                    + ", which did not hand it over (-D" + DatabaseHandoff.PROPERTY + "); waiting for it would never end");
        }
    }

    /** The holder's process id when it runs on this machine as the server sees it, else -1. */
    private static long holderPid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(5)) {
                    return -1;
                }
                Matcher m = HOLDER_PID.matcher(rs.getString(2));
                return m.find() && rs.getString(2).startsWith(APPLICATION_NAME) ? Long.parseLong(m.group(1)) : -1;
            }
        }
    }

    /** This process's ancestors' ids, nearest first. */
    static List<Long> ancestors() {
        List<Long> out = new ArrayList<>();
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            out.add(p.get().pid());
        }
        return out;
    }

    private static DatabaseBusyException busy(ConnectionInfo info, String holder, Duration wait) {
        return new DatabaseBusyException("the database " + info.redactedUrl() + " is still in use by " + holder
                + " after " + wait.toSeconds() + " s; one run at a time per database (wait longer with -D" + WAIT
                + "=SECONDS, or give this run its own database with -D" + ExplicitCandidate.URL_PROPERTY + ")");
    }

    /** Who holds the lock, for the one line: the server's pid, application_name, address and since when. */
    static String holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "another session (it let go just now)";
                }
                return "'" + rs.getString(2) + "' (server pid " + rs.getInt(1) + ", from " + rs.getString(3)
                        + ", connected " + rs.getString(4) + ")";
            }
        }
    }

    /**
     * Publishes this backend's commit counts now (PostgreSQL 15+), so that they are not counted
     * later in some benchmark's proof of work (see ProofOfWork's FLUSH).
     */
    private static void publishStatistics(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version_num')::int >= 150000")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("select pg_stat_force_next_flush() from pg_catalog.pg_database"
                    + " where datname = current_database()");
        }
    }

    /** Lets go: the lock is released when the last holder in this JVM closes. */
    @Override
    public void close() {
        synchronized (DatabaseLock.class) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(key);
            if (held != null && --held.count == 0) {
                HELD.remove(key);
                unlock(held.connection);
                close(held.connection);
            }
        }
    }

    /**
     * Releases the lock before the session ends: closing the connection alone releases it only when
     * the backend has processed the goodbye, after {@code close()} has returned, so the next run
     * (or a test's next line) could still find it held.
     */
    private static void unlock(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.executeQuery().close();
        } catch (SQLException e) {
            // a session that is gone holds nothing
        }
    }

    private static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close(); // ends the session: PostgreSQL releases its advisory locks
        } catch (SQLException e) {
            // the session is gone either way
        }
    }

    private static final class Held {
        final Connection connection;
        int count;

        Held(Connection connection) {
            this.connection = connection;
        }
    }
}
