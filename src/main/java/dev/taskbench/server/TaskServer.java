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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The seed's service: {@code POST /api/tasks} with a form body inserts one {@code task} row
 * through a chosen {@link WritePath} on a chosen {@link ConnectionSource} and answers
 * {@code 201 {"id": N}} (see {@link TaskHandler} for the routes and statuses). Jetty 12, core
 * Handler API, HTTP/1.1 with keep-alive, each request run on the thread its {@link Threading}
 * says, the database connections configured as the write benchmarks'
 * ({@link WriteConnections#DEFAULTS}: durable commit, pgjdbc's defaults) with every wait on the
 * database bounded by the {@link ServerLimits#requestTimeout()} ({@link WriteConnections#bounded}; under
 * {@code virtual} the reads by {@link Deadlines} instead of a socket timeout), and the HTTP side
 * bounded by the other {@link ServerLimits}.
 *
 * <p>{@code mvn jmh:serve} runs it until Ctrl-C; how it is started is a plain {@link ServerConfig}.
 */
public final class TaskServer implements Service {
    private final Server jetty;
    private final QueuedThreadPool threads;
    private final ServerConnector connector;
    private final ConnectionSource.Opened opened;
    private final OpenedDataSource dataSource;
    private final TaskHandler handler;
    private final ServerConfig config;
    private final ConnectionInfo info;
    /** Where requests run under {@code platform} (ours) and {@code virtual} (Jetty's executor); else null. */
    private final ExecutorService workers;
    /** Under {@code virtual}, what ends a request still on the database at the request timeout; else null. */
    private final Deadlines deadlines;

    private TaskServer(ServerConfig config, ConnectionInfo info, ConnectionSource.Opened opened, TaskWriter writer) {
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
        ServerLimits limits = config.limits();
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
    public static TaskServer start(ConnectionInfo db, ServerConfig config) {
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
    public ServerConfig config() {
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
    private static ExecutorService workers(ServerConfig config) {
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
