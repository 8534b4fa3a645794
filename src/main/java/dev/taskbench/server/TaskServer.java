package dev.taskbench.server;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.form.FormParser;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.OpenedDataSource;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.TaskWriter;
import dev.taskbench.write.UserThreads;
import dev.taskbench.write.WriteConnections;
import dev.taskbench.write.WritePath;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The seed's service: {@code POST /api/tasks} with a form body inserts one {@code task} row
 * through a chosen {@link WritePath} on a chosen {@link ConnectionSource} and answers
 * {@code 201 {"id": N}} (see {@link TaskHandler} for the routes and statuses). Jetty 12, core
 * Handler API, HTTP/1.1 with keep-alive, each request run on the thread its {@link Threading}
 * says, the database connections configured as the write benchmarks'
 * ({@link WriteConnections#DEFAULTS}: durable commit, pgjdbc's defaults) with every wait on the
 * database bounded by the {@link Limits#requestTimeout()} ({@link WriteConnections#bounded}; under
 * {@code virtual} the reads by {@link Deadlines} instead of a socket timeout), and the HTTP side
 * bounded by the other {@link Limits}.
 *
 * <p>{@code mvn jmh:serve} runs it until Ctrl-C; how it is started is a plain {@link Config}.
 */
public final class TaskServer implements Service {
    private final Server jetty;
    private final QueuedThreadPool threads;
    private final ServerConnector connector;
    private final ConnectionSource.Opened opened;
    private final OpenedDataSource dataSource;
    private final TaskHandler handler;
    private final Config config;
    private final ConnectionInfo info;
    /** Where requests run under {@code platform} (ours) and {@code virtual} (Jetty's executor); else null. */
    private final ExecutorService workers;
    /** Under {@code virtual}, what ends a request still on the database at the request timeout; else null. */
    private final Deadlines deadlines;

    /**
     * Which thread runs a request, the seed's concurrency models on one JVM. {@code selector}: the
     * selector thread that read it, one selector per pooled connection, so a request blocked on the
     * database holds up no other (with more connections than selectors, the ones sharing a selector
     * take turns); no thread hand-off per request. {@code dispatch}: Jetty's default for a
     * blocking handler, one selector hands each request to a pool thread. {@code platform}: a
     * fixed pool of {@link ThreadingModel#workers()} blocking threads, the rest queue (gunicorn's sync
     * workers), the body read on the selector, which never blocks. {@code virtual}: one virtual
     * thread per request (gevent's green threads; JDK 21+), started by Jetty for the blocking
     * handler as {@code dispatch} starts a pool thread, so the answer's completion and the next
     * request's read stay on it (a thread of our own would leave Jetty one more hand-off to a pool
     * thread per request to resume the connection). {@code eventloop}: no thread
     * ever blocks, the Vert.x HTTP server on one event loop per core and the reactive PostgreSQL
     * client (Node with {@code pg} in PM2's cluster mode); {@code eventloop-P} pipelines up to P
     * statements per connection (1: none, as {@code pg} does), plain {@code eventloop} the
     * client's default. It is an {@link EventLoopServer}: {@link Service#start} picks it.
     */
    public enum Threading {
        selector, dispatch, platform, virtual, eventloop;

        /** What a threading option takes, for its one-line error. */
        public static final String TAKES = "one of selector, dispatch, virtual, platform-N (N blocking workers from 1),"
                + " eventloop or eventloop-P (P statements pipelined per connection, 1 = none)";
    }

    /**
     * What bounds a request and the clients, each with a default users get unless they say.
     *
     * @param requestTimeout the longest a request waits on the database before it is answered 503:
     *        the pool's acquire timeout, then the rest ({@link Config#databaseBudget()}) as
     *        pgjdbc's {@code socketTimeout} and, a little sooner, PostgreSQL's
     *        {@code statement_timeout} and {@code lock_timeout}
     * @param maxConnections HTTP connections at once (Jetty's {@link NetworkConnectionLimit}:
     *        beyond it no more are accepted, they wait in the listen backlog)
     * @param idleTimeout how long a connection may send nothing, mid-request too (Jetty's idle timeout)
     * @param minBodyBytesPerSecond the slowest a body may arrive, counted per request from the
     *        handler's first wait for it, judged after a second (0 does not check): a slower
     *        client is answered 408 and its connection closed
     */
    public record Limits(Duration requestTimeout, int maxConnections, Duration idleTimeout, long minBodyBytesPerSecond) {
        /** 5 s on the database, 1000 connections, 30 s idle (Jetty's default), 240 bytes/s (Kestrel's default floor). */
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(5), 1000, Duration.ofSeconds(30), 240);

        public Limits {
            if (maxConnections < 1) {
                throw new TaskbenchException("a server needs at least 1 connection, was " + maxConnections);
            }
            if (idleTimeout.toMillis() < 1 || minBodyBytesPerSecond < 0) {
                throw new TaskbenchException("the idle timeout must be positive and the minimum data rate not negative");
            }
        }

        public Limits withRequestTimeout(Duration d) {
            return new Limits(d, maxConnections, idleTimeout, minBodyBytesPerSecond);
        }

        public Limits withMaxConnections(int n) {
            return new Limits(requestTimeout, n, idleTimeout, minBodyBytesPerSecond);
        }

        public Limits withIdleTimeout(Duration d) {
            return new Limits(requestTimeout, maxConnections, d, minBodyBytesPerSecond);
        }

        public Limits withMinBodyBytesPerSecond(long n) {
            return new Limits(requestTimeout, maxConnections, idleTimeout, n);
        }
    }

    /**
     * How the server is started. {@code port} 0 picks a free port; {@code model} says which thread
     * runs a request; {@code stopGrace} is how long a stop lets requests in flight finish, and half
     * of it (at most the idle timeout) how long an idle kept-alive connection may still send one
     * (Jetty's stop timeout and shutdown idle timeout). Not a user setting: tests shorten it.
     */
    public record Config(String host, int port, WritePath path, ConnectionSource source, int poolSize,
            Duration acquireTimeout, ThreadingModel model, Limits limits, Duration stopGrace) {
        /** The least a request timeout leaves the database after the acquire timeout (pgjdbc counts whole seconds). */
        public static final Duration MIN_DATABASE_BUDGET = Duration.ofSeconds(1);
        /** 2 s for requests in flight, 1 s of it for idle connections (Jetty's shutdown idle timeout). */
        public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

        /** With the default stop grace. */
        public Config(String host, int port, WritePath path, ConnectionSource source, int poolSize,
                Duration acquireTimeout, ThreadingModel model, Limits limits) {
            this(host, port, path, source, poolSize, acquireTimeout, model, limits, DEFAULT_STOP_GRACE);
        }

        public Config {
            if (stopGrace.toMillis() < 2) {
                throw new TaskbenchException("the stop grace must be at least 2 ms, was " + stopGrace.toMillis() + " ms");
            }
            if (!path.insertsOneWithId()) {
                throw new TaskbenchException("write path " + path + " writes batches; a server needs one of "
                        + singleRowPaths());
            }
            if (poolSize < 1) {
                throw new TaskbenchException("a server needs a pool of at least 1 connection, was " + poolSize);
            }
            Threading threading = model.kind();
            if (threading == Threading.eventloop && (path != WritePath.jdbcPrepared || !source.pooled())) {
                throw new TaskbenchException("threading eventloop writes through the Vert.x reactive client on its own "
                        + poolSize + " connections: the write path and connection source (" + path + ", " + source
                        + ") are JDBC's, leave them at their defaults");
            }
            if (threading == Threading.virtual && !VirtualThreads.areSupported()) {
                throw new TaskbenchException("threading virtual needs virtual threads (JDK 21 and later), this JVM is "
                        + Runtime.version().feature() + ": run it under the flag set jdk25 (-Dtaskbench.flagsets=jdk25)");
            }
            if (limits.requestTimeout().minus(acquireTimeout).compareTo(MIN_DATABASE_BUDGET) < 0) {
                throw new TaskbenchException("the request timeout (" + limits.requestTimeout().toMillis()
                        + " ms) must be at least the acquire timeout (" + acquireTimeout.toMillis() + " ms) + "
                        + MIN_DATABASE_BUDGET.toMillis() + " ms");
            }
        }

        /**
         * Loopback, a free port, JDBC prepared on a HikariCP pool of 10 (the seed's 10 users), 1 s to
         * get a connection, requests run on their selector thread, {@link Limits#DEFAULTS}.
         */
        public static Config defaults() {
            return new Config("127.0.0.1", 0, WritePath.jdbcPrepared, ConnectionSource.hikari, 10,
                    Duration.ofSeconds(1), ThreadingModel.of(Threading.selector), Limits.DEFAULTS);
        }

        public Config withPort(int p) {
            return new Config(host, p, path, source, poolSize, acquireTimeout, model, limits, stopGrace);
        }

        public Config withPath(WritePath p) {
            return new Config(host, port, p, source, poolSize, acquireTimeout, model, limits, stopGrace);
        }

        public Config withSource(ConnectionSource s) {
            return new Config(host, port, path, s, poolSize, acquireTimeout, model, limits, stopGrace);
        }

        public Config withPoolSize(int n) {
            return new Config(host, port, path, source, n, acquireTimeout, model, limits, stopGrace);
        }

        public Config withAcquireTimeout(Duration d) {
            return new Config(host, port, path, source, poolSize, d, model, limits, stopGrace);
        }

        /** {@code platform-N}, {@code selector}, ... as users type it ({@link ThreadingModel#parse}). */
        public Config withThreading(String spec) {
            return withThreading(ThreadingModel.parse(spec));
        }

        /** {@code t} with no number ({@link ThreadingModel#of}): {@code eventloop} at the client's pipelining. */
        public Config withThreading(Threading t) {
            return withThreading(ThreadingModel.of(t));
        }

        public Config withThreading(ThreadingModel m) {
            return new Config(host, port, path, source, poolSize, acquireTimeout, m, limits, stopGrace);
        }

        public Config withLimits(Limits l) {
            return new Config(host, port, path, source, poolSize, acquireTimeout, model, l, stopGrace);
        }

        public Config withStopGrace(Duration d) {
            return new Config(host, port, path, source, poolSize, acquireTimeout, model, limits, d);
        }

        /** What the request timeout leaves for the statement once a connection is in hand. */
        public Duration databaseBudget() {
            return limits.requestTimeout().minus(acquireTimeout);
        }

        /** The write paths a server can use, as users type them: {@code jdbcPrepared, jooq, ...}. */
        public static String singleRowPaths() {
            return Arrays.stream(WritePath.values()).filter(WritePath::insertsOneWithId).map(WritePath::name)
                    .collect(Collectors.joining(", "));
        }

        public String describe() {
            if (threading() == Threading.eventloop) {
                return "the Vert.x reactive client's prepared insert on " + poolSize + " connections, requests on "
                        + EventLoopServer.loops() + " Vert.x event loops, pipelining " + (pipelining() == 1 ? "off"
                                : "up to " + pipelining() + " per connection")
                        + ", 503 after " + limits.requestTimeout().toMillis() + " ms on the database";
            }
            return "path " + path + ", source " + source.name().toLowerCase(java.util.Locale.ROOT)
                    + (source.pooled() ? " (pool " + poolSize + ")" : " (a new connection per request)")
                    + ", " + switch (threading()) {
                        case selector -> "requests on " + selectors() + " selector threads";
                        case dispatch -> "requests dispatched to pool threads";
                        case platform -> "requests on " + workers() + " blocking workers (platform-" + workers() + ")";
                        case virtual -> "one virtual thread per request";
                        case eventloop -> throw new IllegalStateException("described above");
                    }
                    + ", 503 after " + limits.requestTimeout().toMillis() + " ms on the database";
        }

        /** Which thread runs a request. */
        public Threading threading() {
            return model.kind();
        }

        /** {@code platform}'s blocking workers, N of {@code platform-N}; 0 under the other models. */
        public int workers() {
            return model.workers();
        }

        /** {@code eventloop}'s statements in flight per connection: P of {@code eventloop-P}, else the client's default. */
        public int pipelining() {
            return model.pipelining() > 0 ? model.pipelining()
                    : dev.taskbench.write.ReactiveTasks.CLIENT_DEFAULT_PIPELINING;
        }

        /** Selector threads: one per pooled connection when requests run on them, else Jetty's choice. */
        int selectors() {
            return threading() == Threading.selector ? poolSize : -1;
        }
    }

    private TaskServer(Config config, ConnectionInfo info, ConnectionSource.Opened opened, TaskWriter writer) {
        this.config = config;
        this.info = info;
        this.opened = opened;
        this.dataSource = new OpenedDataSource(opened);
        this.workers = workers(config);
        this.deadlines = config.threading() == Threading.virtual
                ? new Deadlines(config.limits().requestTimeout(), "taskbench-http-deadlines") : null;
        this.handler = new TaskHandler(new FormParser(), writer, config.threading(),
                config.threading() == Threading.platform ? workers : null, deadlines,
                config.limits().minBodyBytesPerSecond());
        this.threads = new QueuedThreadPool(200, 8);
        threads.setName("taskbench-http");
        if (config.threading() == Threading.virtual) {
            threads.setVirtualThreadsExecutor(workers);
        }
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        this.connector = new ServerConnector(jetty, -1, config.selectors(), new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        Limits limits = config.limits();
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        jetty.setHandler(handler);
        long grace = config.stopGrace().toMillis();
        jetty.setStopTimeout(grace);
        connector.setShutdownIdleTimeout(Math.min(limits.idleTimeout().toMillis(), grace / 2));
    }

    /**
     * Starts a server writing into {@code db}'s {@code task} table (created if missing). Fails
     * with one readable line if the database cannot be reached or the port is taken.
     */
    public static TaskServer start(ConnectionInfo db, Config config) {
        if (config.threading() == Threading.eventloop) {
            throw new TaskbenchException("threading eventloop runs on Vert.x, not Jetty: start it with Service.start");
        }
        // virtual: the read timeout is the handler's Deadlines, not a timer per read
        ConnectionInfo info = WriteConnections.bounded(WriteConnections.DEFAULTS.apply(db), config.acquireTimeout(),
                config.databaseBudget(), config.threading() != Threading.virtual);
        try (Connection c = info.connect()) {
            TaskSchema.ensure(c);
        } catch (SQLException e) {
            throw new TaskbenchException("the server cannot reach its database " + info.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        ConnectionSource.Opened opened;
        try {
            opened = config.source().open(info, config.poolSize(), config.acquireTimeout());
        } catch (SQLException | RuntimeException e) {
            throw new TaskbenchException("cannot open the " + config.source() + " connection source: "
                    + e.getMessage(), e);
        }
        TaskServer server = null;
        try {
            TaskWriter writer = config.path().open(new OpenedDataSource(opened));
            server = new TaskServer(config, info, opened, writer);
            server.jetty.start();
            return server;
        } catch (Exception e) {
            if (server != null) {
                server.close();
            } else {
                opened.close();
            }
            throw new TaskbenchException("cannot start the server on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Config config() {
        return config;
    }

    /** The database settings the server's connections use (for a proof of work on them). */
    public ConnectionInfo connectionInfo() {
        return info;
    }

    /** The server's own connection source, as a DataSource. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The writer requests go through. */
    public TaskWriter writer() {
        return handler.writer();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    /** Jetty's pool threads running a job now, its selectors among them: which requests hold one while they wait. */
    int busyPoolThreads() {
        return threads.getBusyThreads();
    }

    /**
     * Replaces the writer with a fresh one on the same connections. Hibernate's pooled SEQUENCE
     * keeps a block of ids: after {@code TRUNCATE ... RESTART IDENTITY} it must start anew.
     * Call with no request in flight.
     */
    @Override
    public void reopenWriter() {
        TaskWriter old = handler.swapWriter(config.path().open(dataSource));
        old.close();
    }

    /** The platform pool or a virtual thread per task; null for the models that run on Jetty's threads. */
    private static ExecutorService workers(Config config) {
        return switch (config.threading()) {
            case platform -> Executors.newFixedThreadPool(config.workers(), namedThreads("taskbench-worker-"));
            case virtual -> UserThreads.virtualThreadPerTask();
            default -> null;
        };
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, prefix + n.incrementAndGet());
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort; the connections close below either way
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            if (deadlines != null) {
                deadlines.close();
            }
            TaskWriter w = handler.swapWriter(null);
            try {
                if (w != null) {
                    w.close();
                }
            } finally {
                opened.close();
            }
        }
    }
}
