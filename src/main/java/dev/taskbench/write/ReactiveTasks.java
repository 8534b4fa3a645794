package dev.taskbench.write;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's insert through the Vert.x reactive PostgreSQL client, Node's {@code pg} on the JVM:
 * nothing blocks, an insert is a future completed on the event loop of the connection it went
 * to. {@code connections} connections are opened up front, so that every backend is known to a
 * {@link ProofOfWork} before it takes its baseline; each insert goes to the connection with the
 * fewest in flight, which is what a pool hands out when one is free. A connection sends up to
 * {@code pipelining} statements before the first answer (1: none, each waits for the one before;
 * the client's own default is {@link #CLIENT_DEFAULT_PIPELINING}). A connection that closes
 * (the database restarted, a timeout) is opened anew by the next insert that picks it.
 *
 * <p>The connections carry the write benchmarks' settings: durable commit, the statement prepared
 * once per connection and cached, and every wait bounded: the log-in by {@code connectTimeout},
 * the statement by PostgreSQL's {@code statement_timeout} and {@code lock_timeout} and, a little
 * later, by the future's own timeout.
 */
public final class ReactiveTasks implements AutoCloseable {
    /** The Vert.x client's pipelining limit when none is set. */
    public static final int CLIENT_DEFAULT_PIPELINING = PgConnectOptions.DEFAULT_PIPELINING_LIMIT;
    /** The insert in the client's placeholder syntax, answering the new row's id. */
    static final String INSERT_ONE_RETURNING_ID = Jdbc.INSERT_PREFIX + "($1, $2) returning id";

    /** The least time a server's start gives its first log-ins, whatever the per-request connect timeout. */
    static final Duration START_BUDGET = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long timeoutMillis;
    private final long connectMillis;
    private final Slot[] slots;

    /** One connection and the inserts in flight on it; {@code connection} null until (re)opened. */
    private static final class Slot {
        final AtomicInteger inFlight = new AtomicInteger();
        volatile Future<PgConnection> connection;
    }

    private ReactiveTasks(Vertx vertx, PgConnectOptions options, int connections, Duration connect, Duration timeout) {
        this.vertx = vertx;
        this.options = options;
        this.connectMillis = connect.toMillis();
        this.timeoutMillis = timeout.toMillis();
        this.slots = new Slot[connections];
        for (int i = 0; i < connections; i++) {
            slots[i] = new Slot();
        }
    }

    /**
     * Opens {@code connections} connections to {@code info}'s database on {@code vertx}'s event
     * loops, and fails with one line if the database cannot be reached within {@code connectTimeout}.
     *
     * @param pipelining statements in flight per connection, from 1 (none)
     * @param statementTimeout how long a statement may take: PostgreSQL cancels it a little sooner,
     *        the client gives up at this
     */
    public static ReactiveTasks open(Vertx vertx, ConnectionInfo info, int connections, int pipelining,
            Duration connectTimeout, Duration statementTimeout) {
        if (connections < 1 || pipelining < 1) {
            throw new TaskbenchException("the reactive client needs at least 1 connection and a pipelining limit of"
                    + " at least 1 (1 = none), was " + connections + " and " + pipelining);
        }
        ReactiveTasks tasks = new ReactiveTasks(vertx, options(info, pipelining, statementTimeout),
                connections, connectTimeout, statementTimeout);
        try {
            long giveUp = System.nanoTime() + Math.max(connectTimeout.toNanos(), START_BUDGET.toNanos());
            for (Slot s : tasks.slots) {
                tasks.firstLogIn(s, giveUp);
            }
        } catch (SQLException e) {
            tasks.close();
            throw new TaskbenchException("the reactive client cannot reach " + info.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        return tasks;
    }

    /**
     * A slot's first connection: a log-in that only timed out is tried again until {@code giveUp}
     * (a cold client's first log-in, its classes loading and its event loop starting, can take
     * longer than the per-request connect timeout); a refusal or a failed log-in fails at once.
     */
    private void firstLogIn(Slot s, long giveUp) throws SQLException {
        while (true) {
            try {
                await(connection(s), connectMillis + 1_000);
                return;
            } catch (SQLException e) {
                if (!(e.getCause() instanceof TimeoutException) || System.nanoTime() - giveUp >= 0) {
                    throw e;
                }
            }
        }
    }

    /** The client's options for {@code info}'s host, port, database and user, with the suite's settings. */
    static PgConnectOptions options(ConnectionInfo info, int pipelining, Duration statementTimeout) {
        JdbcUrls.Target target = JdbcUrls.target(info.url());
        if (target == null || target.database().isEmpty()) {
            throw new TaskbenchException("the reactive client needs a jdbc:postgresql://host[:port]/database URL"
                    + " (one host), was " + info.redactedUrl());
        }
        PgConnectOptions o = new PgConnectOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setDatabase(target.database())
                .setUser(info.user().isEmpty() ? PgConnectOptions.DEFAULT_USER : info.user())
                .setPipeliningLimit(pipelining)
                .setCachePreparedStatements(true);
        if (!info.password().isEmpty()) {
            o.setPassword(info.password());
        }
        long server = WriteConnections.serverTimeoutMillis(statementTimeout);
        // the suite's own schema, as pgjdbc's currentSchema sets it
        String schema = JdbcUrls.params(info.url()).getOrDefault("currentSchema", "public");
        o.setProperties(Map.of(
                "application_name", WriteConnections.APPLICATION_NAME,
                "search_path", schema,
                "synchronous_commit", "on",
                "statement_timeout", Long.toString(server),
                "lock_timeout", Long.toString(server)));
        return o;
    }

    /** Connections, as opened. */
    public int connections() {
        return slots.length;
    }

    /** Statements in flight per connection (1: no pipelining). */
    public int pipelining() {
        return options.getPipeliningLimit();
    }

    /** Inserts {@code task} in its own committed transaction; the future answers the row's id. */
    public Future<Long> insertOne(Task task) {
        Slot slot = leastBusy();
        slot.inFlight.incrementAndGet();
        return connection(slot)
                .compose(c -> c.preparedQuery(INSERT_ONE_RETURNING_ID).execute(Tuple.of(task.title(), task.description())))
                .map(rows -> rows.iterator().next().getLong(0))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .andThen(ar -> slot.inFlight.decrementAndGet());
    }

    /**
     * Runs {@code sql} once on every connection and waits for all (a {@link ProofOfWork}'s flush);
     * a connection closed meanwhile is opened first, as an insert would.
     */
    public void runOnEach(String sql) throws SQLException {
        List<Future<?>> all = new ArrayList<>(slots.length);
        for (Slot s : slots) {
            all.add(connection(s).compose(c -> c.query(sql).execute()));
        }
        for (Future<?> f : all) {
            await(f, timeoutMillis + 1_000);
        }
    }

    private Slot leastBusy() {
        Slot best = slots[0];
        int least = best.inFlight.get();
        for (int i = 1; i < slots.length && least > 0; i++) {
            int n = slots[i].inFlight.get();
            if (n < least) {
                best = slots[i];
                least = n;
            }
        }
        return best;
    }

    /** The slot's connection, opened when it has none or its last one failed to open or closed. */
    private Future<PgConnection> connection(Slot slot) {
        Future<PgConnection> c = slot.connection;
        if (c != null && !c.failed()) {
            return c;
        }
        synchronized (slot) {
            c = slot.connection;
            if (c == null || c.failed()) {
                // the log-in is bounded here: a connection made too late is closed, not kept
                Future<PgConnection> raw = PgConnection.connect(vertx, options).compose(ReactiveTasks::prepared);
                c = raw.timeout(connectMillis, TimeUnit.MILLISECONDS);
                c.onFailure(e -> raw.onSuccess(PgConnection::close));
                Future<PgConnection> opened = c;
                c.onSuccess(conn -> conn.closeHandler(v -> {
                    synchronized (slot) {
                        if (slot.connection == opened) {
                            slot.connection = null;
                        }
                    }
                }));
                slot.connection = c;
            }
            return c;
        }
    }

    /**
     * {@code c} with the insert in its statement cache: the client prepares a statement in a
     * round trip of its own, an implicit transaction PostgreSQL counts as a commit, so it is done
     * here, once, in a transaction rolled back (no row), and not by the first insert a proof counts.
     */
    private static Future<PgConnection> prepared(PgConnection c) {
        return c.begin().compose(tx -> c.preparedQuery(INSERT_ONE_RETURNING_ID).execute(Tuple.of("prepare", "prepare"))
                .eventually(() -> tx.rollback())).map(rows -> c);
    }

    /** Blocks a thread outside the event loops until {@code f} completes; a failure is an SQLException. */
    public static <T> T await(Future<T> f, long timeoutMillis) throws SQLException {
        try {
            return f.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SQLException("no answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    @Override
    public void close() {
        for (Slot s : slots) {
            Future<PgConnection> c = s.connection;
            s.connection = null;
            if (c != null && c.succeeded()) {
                try {
                    await(c.result().close(), 2_000);
                } catch (SQLException e) {
                    // closing is best effort; the backend ends when the socket does
                }
            }
        }
    }
}
