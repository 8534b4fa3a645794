package dev.taskbench.write;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Proves that a measured stretch of writes did what it claims, from a connection of its own
 * (the observer). {@link #begin()} truncates the table and takes a baseline; {@link #verify}
 * then demands, failing loudly otherwise:
 * <ol>
 * <li>the table holds exactly the expected rows, written by exactly the expected number of
 * transactions: distinct {@code xmin}, the inserting transaction of each row. Exact, per
 * table, blind to other sessions (none of the paths uses subtransactions);</li>
 * <li>{@code pg_stat_database.xact_commit} grew by at least the expected commits (missing
 * commits: a forgotten commit that the pool rolled back);</li>
 * <li>and, when no other session used the database meanwhile, by no more than the expected
 * commits plus {@link #toleranceFor} (extra commits: a path that commits more than its design).</li>
 * </ol>
 *
 * <p>Reading the counter exactly: since PostgreSQL 15 each backend keeps its counters locally
 * and publishes them when it goes idle, at most once a second (a timer retries), or at exit;
 * and only if it has relation statistics pending, so commits of transactions that touched no
 * table can stay unpublished indefinitely. So every pooled connection runs {@link #FLUSH}
 * ({@code pg_stat_force_next_flush()} plus a catalog read), after which its backend publishes
 * before it answers, and so does the observer before each reading. Those statements
 * are transactions themselves and are accounted for exactly (one per pooled connection, one
 * per observer statement after the baseline). Fresh connections publish as their backends exit,
 * shortly after the client hung up: the observer waits until they are gone, then polls.
 *
 * <p>The counter is database-wide: another run of a benchmark on the same database adds its
 * commits. The upper bound is therefore checked only when the database was quiet: no other
 * backend connected at the start or the end, and no session opened in between except ours
 * ({@code pg_stat_database.sessions}). Otherwise the result says so and the check is skipped;
 * the per-table proof and the lower bound always hold.
 */
public final class ProofOfWork implements AutoCloseable {
    /** Surplus commits tolerated: fewer than one per this many expected (see {@link #toleranceFor}). */
    public static final int TOLERANCE_DIVISOR = 50;
    /**
     * Commits a fresh pgjdbc connection costs the server before the first statement (login
     * transactions), measured on PostgreSQL 15 and checked by the tests.
     */
    public static final int COMMITS_PER_LOGIN = 2;
    /** How long to wait for exited backends' statistics. */
    static final long FLUSH_TIMEOUT_MS = 10_000;

    /**
     * Publishes this backend's counters when it next goes idle, i.e. before it answers. It reads
     * a catalog row on purpose: a backend publishes only when some relation statistics are
     * pending, so a flush request from a transaction that touched no table would leave the
     * commit counts unpublished (measured on PostgreSQL 15).
     */
    static final String FLUSH = "select pg_stat_force_next_flush() from pg_catalog.pg_database"
            + " where datname = current_database()";

    private static final String FOREIGN_BACKENDS = "select coalesce(string_agg(backend_type || ' '"
            + " || coalesce(nullif(application_name, ''), '?') || ' (pid ' || pid || ')', ', '), '')"
            + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and coalesce(application_name, '') <> '" + WriteConnections.APPLICATION_NAME + "'"
            // the run lock's idle session: it published its commits before the run began
            + " and coalesce(application_name, '') not like '" + DatabaseLock.APPLICATION_NAME + "%'";

    /** Runs a statement once on each of the measured code's pooled connections (a flush). */
    @FunctionalInterface
    public interface PooledConnections {
        void runOnEach(String sql) throws SQLException;
    }

    private final Connection observer;
    private final PooledConnections writes;
    private final int pooledConnections;
    private final boolean canForceFlush;
    private long baselineCommits;
    private long baselineSessions;
    private String foreignAtBegin;
    private long observerCommits;

    /**
     * @param info the suite's database (the observer connects with its own application_name)
     * @param writes the DataSource the measured writes use
     * @param pooledConnections the pool's fixed size, or 0 when {@code writes} opens fresh connections
     */
    public ProofOfWork(ConnectionInfo info, DataSource writes, int pooledConnections) throws SQLException {
        this(info, sql -> runOnEach(writes, pooledConnections, sql), pooledConnections);
    }

    /**
     * The same for code whose connections are not a DataSource (the reactive client): {@code writes}
     * reaches each of its {@code pooledConnections} connections, all open before {@link #begin()}.
     */
    public ProofOfWork(ConnectionInfo info, PooledConnections writes, int pooledConnections) throws SQLException {
        this.observer = WriteConnections.observer(info).connect();
        this.writes = writes;
        this.pooledConnections = pooledConnections;
        try (Statement st = observer.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version_num')::int >= 150000")) {
            rs.next();
            canForceFlush = rs.getBoolean(1);
        }
        TaskSchema.ensure(observer);
    }

    /** Empties the table and takes the baseline. Call with no writes in flight. */
    public void begin() throws SQLException {
        TaskSchema.truncate(observer);
        foreignAtBegin = foreignBackends();
        flushWriters();
        observerCommits = 0;
        long[] r = reading();
        baselineCommits = r[0];
        baselineSessions = r[1];
        observerCommits = 1; // the baseline's own SELECT, committed after it read
    }

    /**
     * Checks the work since {@link #begin()}: {@code rows} rows from {@code transactions}
     * transactions in the table, {@code commits} commits in the database, {@code sessions}
     * connections opened by the measured code (0 with a pool).
     */
    public Result verify(long rows, long transactions, long commits, long sessions) throws SQLException {
        // the table is exact at once; only the statistics below need waiting for
        TaskSchema.RowsAndTransactions t = TaskSchema.count(observer);
        if (t.rows() != rows || t.transactions() != transactions) {
            throw new TaskbenchException("proof of work failed: expected " + rows + " rows from " + transactions
                    + " transactions in " + TaskSchema.TABLE + ", found " + t.rows() + " rows from "
                    + t.transactions() + " transactions");
        }
        observerCommits++;
        flushWriters();
        long deadline = System.currentTimeMillis() + FLUSH_TIMEOUT_MS;
        if (pooledConnections == 0) {
            awaitWritersGone(deadline);
        }
        long delta;
        long sessionDelta;
        while (true) {
            long[] r = reading();
            delta = r[0] - baselineCommits - r[2];
            sessionDelta = r[1] - baselineSessions;
            if (delta >= commits || System.currentTimeMillis() > deadline) {
                break;
            }
            sleep(10);
        }
        if (delta < commits) {
            throw new TaskbenchException("proof of work failed: expected " + commits + " commits in the database,"
                    + " counted only " + delta + " (waited " + FLUSH_TIMEOUT_MS + " ms for statistics)");
        }
        String foreignAtEnd = foreignBackends();
        String disturbance = null;
        if (!foreignAtBegin.isEmpty() || !foreignAtEnd.isEmpty()) {
            disturbance = "other backends in the database: " + (foreignAtBegin.isEmpty() ? foreignAtEnd
                    : foreignAtBegin);
        } else if (sessionDelta != sessions) {
            disturbance = (sessionDelta - sessions) + " other sessions opened in the database";
        }
        long tolerance = toleranceFor(commits);
        if (disturbance == null && delta - commits > tolerance) {
            throw new TaskbenchException("proof of work failed: expected " + commits + " commits in the database,"
                    + " counted " + delta + ", " + (delta - commits) + " more than the path's design allows"
                    + " (tolerance " + tolerance + ") while no other session used the database");
        }
        return new Result(t.rows(), t.transactions(), commits, delta, disturbance);
    }

    /**
     * Checks the work of {@code calls} calls since {@link #begin()}, each one transaction of
     * {@code rowsPerCall} rows, as the write benchmarks and the server make them: one commit per
     * call and no new session with a pool; with fresh connections ({@code pooledConnections} 0)
     * also a login per call ({@link #COMMITS_PER_LOGIN} commits, one session).
     */
    public Result verifyCalls(long calls, int rowsPerCall) throws SQLException {
        boolean fresh = pooledConnections == 0;
        long commits = calls * (1 + (fresh ? COMMITS_PER_LOGIN : 0));
        return verify(calls * rowsPerCall, calls, commits, fresh ? calls : 0);
    }

    /**
     * Surplus commits accepted on a quiet database: fewer than one per
     * {@value #TOLERANCE_DIVISOR} expected, none below that. A path that deviates from its design
     * adds at least one commit per call, or per block of 50 ids (a sequence fetched in its own
     * transaction), and is caught; a stray background transaction in a long iteration is not
     * mistaken for it.
     */
    public static long toleranceFor(long expectedCommits) {
        return expectedCommits <= 0 ? 0 : (expectedCommits - 1) / TOLERANCE_DIVISOR;
    }

    /**
     * {xact_commit, sessions, commits of our own bookkeeping in it} for this database, after
     * publishing the observer's counters. The bookkeeping since the baseline is exact: every
     * observer statement before this reading's SELECT, and one flush per pooled connection.
     */
    private long[] reading() throws SQLException {
        if (canForceFlush) {
            try (Statement st = observer.createStatement()) {
                st.execute(FLUSH);
            }
            observerCommits++;
        }
        try (Statement st = observer.createStatement();
             ResultSet rs = st.executeQuery("select xact_commit, sessions from pg_stat_database"
                     + " where datname = current_database()")) {
            rs.next();
            long own = observerCommits + (canForceFlush ? pooledConnections : 0);
            observerCommits++;
            return new long[] {rs.getLong(1), rs.getLong(2), own};
        }
    }

    /** Makes every pooled backend publish its counters now: one committed SELECT each. */
    private void flushWriters() throws SQLException {
        if (pooledConnections == 0 || !canForceFlush) {
            return;
        }
        writes.runOnEach(FLUSH);
    }

    /** {@code sql} on each of a pool's {@code n} connections, all held at once so that each is a different one. */
    private static void runOnEach(DataSource pool, int n, String sql) throws SQLException {
        List<Connection> held = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                held.add(pool.getConnection());
            }
            for (Connection c : held) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    private void awaitWritersGone(long deadline) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and application_name = ?")) {
            ps.setString(1, WriteConnections.APPLICATION_NAME);
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    observerCommits++;
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                sleep(2);
            }
        }
    }

    private String foreignBackends() throws SQLException {
        try (Statement st = observer.createStatement(); ResultSet rs = st.executeQuery(FOREIGN_BACKENDS)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskbenchException("interrupted while waiting for statistics", e);
        }
    }

    @Override
    public void close() throws SQLException {
        observer.close();
    }

    /**
     * What one verification found. {@code disturbance} is null when the database was quiet
     * and the commit count was checked from both sides, else why only the lower bound was.
     */
    public record Result(long rows, long transactions, long expectedCommits, long commits, String disturbance) {
        public boolean exact() {
            return disturbance == null;
        }
    }
}
