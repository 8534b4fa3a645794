package dev.taskbench.server;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.form.FormParser;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.write.ReactiveTasks;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's service with no thread that ever blocks, the {@code eventloop} model: Node/Express
 * with {@code pg}, in PM2's cluster mode, on the JVM. One Vert.x HTTP server per core on one
 * port, each on its own event loop (Vert.x hands accepted connections round-robin); the insert
 * goes through {@link ReactiveTasks}, whose answer is written from the connection's event loop.
 * Same routes, parser and statuses as {@link TaskHandler} (201, 400, 404, 405, 413, 415, 503).
 *
 * <p>Of the {@link ServerLimits}: the request timeout bounds the statement (503), the idle
 * timeout is Vert.x's, and a connection past {@code maxConnections} is closed on arrival (Jetty
 * leaves it in the backlog instead). The minimum body rate is not checked: a stalled body meets
 * the idle timeout. The CPU route runs on the event loop, so it holds up every request of that
 * loop, as it does in Node.
 */
public final class EventLoopServer implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopServer.class);
    private static final String JSON = TaskHandler.JSON;

    private final ServerConfig config;
    private final Vertx vertx;
    private final ReactiveTasks tasks;
    private final FormParser parser = new FormParser();
    private final long[] increments = CounterLoop.increments(CounterLoop.INNER, CounterLoop.INCREMENT);
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private int port;

    private EventLoopServer(ServerConfig config, Vertx vertx, ReactiveTasks tasks) {
        this.config = config;
        this.vertx = vertx;
        this.tasks = tasks;
    }

    /** Event loops, and HTTP servers: one per core, as PM2's cluster mode starts one process per core. */
    static int loops() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts the servers writing into {@code db}'s {@code task} table (created if missing), with
     * {@code config.poolSize()} client connections. One readable line if the database cannot be
     * reached or the port is taken.
     */
    public static EventLoopServer start(ConnectionInfo db, ServerConfig config) {
        if (config.threading() != Threading.eventloop) {
            throw new TaskbenchException("an event-loop server runs threading eventloop, not " + config.threading());
        }
        try (Connection c = db.connect()) {
            TaskSchema.ensure(c);
        } catch (SQLException e) {
            throw new TaskbenchException("the server cannot reach its database " + db.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops()));
        EventLoopServer server = null;
        try {
            ReactiveTasks tasks = ReactiveTasks.open(vertx, WriteConnections.DEFAULTS.apply(db), config.poolSize(),
                    config.pipelining(), config.acquireTimeout(), config.databaseBudget());
            server = new EventLoopServer(config, vertx, tasks);
            server.listen();
            return server;
        } catch (RuntimeException | SQLException e) {
            if (server != null) {
                server.close();
            } else {
                vertx.close();
            }
            throw e instanceof TaskbenchException t ? t : new TaskbenchException("cannot start the server on "
                    + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every server on the same port, which Vert.x then shares among them; port 0 is first resolved
     * to a free one, since Vert.x shares a listening socket by the port it was asked for.
     */
    private void listen() throws SQLException {
        port = config.port() != 0 ? config.port() : freePort(config.host());
        for (int i = 0; i < loops(); i++) {
            HttpServerOptions o = new HttpServerOptions().setHost(config.host()).setPort(port)
                    .setIdleTimeout((int) config.limits().idleTimeout().toMillis())
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
            HttpServer s = vertx.createHttpServer(o).requestHandler(this::handle).connectionHandler(conn -> {
                if (open.incrementAndGet() > config.limits().maxConnections()) {
                    conn.close();
                }
                conn.closeHandler(v -> open.decrementAndGet());
            });
            HttpServer listening = ReactiveTasks.await(s.listen(), 10_000);
            servers.add(listening);
            port = listening.actualPort();
        }
    }

    private static int freePort(String host) throws SQLException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, 0));
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new SQLException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public int port() {
        return port;
    }

    private void handle(HttpServerRequest req) {
        Route route = Route.of(req.path());
        if (route == null) {
            answer(req, 404, TaskForm.NOT_FOUND);
            return;
        }
        if (req.method() != HttpMethod.POST) {
            req.response().putHeader("Allow", "POST");
            answer(req, 405, TaskForm.USE_POST);
            return;
        }
        long declared = declaredLength(req);
        String contentType = req.getHeader("Content-Type");
        if (route == Route.TASKS && !TaskForm.isForm(contentType)) {
            answerBeforeBody(req, declared, 400, TaskForm.NOT_A_FORM);
            return;
        }
        if (route == Route.TASKS && !TaskForm.isUtf8(contentType)) {
            answerBeforeBody(req, declared, 415, TaskForm.NOT_UTF8);
            return;
        }
        if (IncomingBody.refusedUnread(declared, parser.maxBodyBytes())) {
            answerBeforeBody(req, declared, 413, TaskForm.tooLarge(parser.maxBodyBytes()));
            return;
        }
        new Body(req, route, declared).read();
    }

    /**
     * A body gathered as it arrives; one over the parser's limit is read on and dropped up to
     * {@link TaskHandler#DRAIN_LIMIT}, so that a client still sending it reads the 413.
     */
    private final class Body {
        private final HttpServerRequest req;
        private final Route route;
        private final IncomingBody body;

        Body(HttpServerRequest req, Route route, long declared) {
            this.req = req;
            this.route = route;
            this.body = new IncomingBody(declared, parser.maxBodyBytes());
        }

        void read() {
            req.handler(this::take);
            req.exceptionHandler(e -> {
                if (!req.response().ended()) {
                    req.response().putHeader("Connection", "close");
                    answer(req, 400, "{\"error\":\"unreadable body\"}");
                }
            });
            req.endHandler(v -> end());
        }

        private void take(Buffer chunk) {
            if (req.response().ended()) {
                return;
            }
            body.take(ByteBuffer.wrap(chunk.getBytes()));
            if (body.pastDrainLimit()) {
                req.response().putHeader("Connection", "close");
                answer(req, 413, TaskForm.tooLarge(parser.maxBodyBytes()));
            }
        }

        private void end() {
            if (req.response().ended()) {
                return;
            }
            if (body.dropping()) {
                answer(req, 413, TaskForm.tooLarge(parser.maxBodyBytes()));
            } else if (body.shorterThanDeclared()) {
                answer(req, 400, "{\"error\":\"body shorter than its Content-Length\"}");
            } else {
                respond(req, route, body.bytes(), body.size());
            }
        }
    }

    private void respond(HttpServerRequest req, Route route, byte[] body, int size) {
        switch (route) {
            case TASKS:
                tasks(req, body, size);
                return;
            case CPU:
                long counter = Route.cpuCounter(req.query(), increments);
                answer(req, 200, "{\"counter\":" + counter + "}");
                return;
            default:
                answer(req, 201, "{\"id\":0,\"bytes\":" + size + "}");
        }
    }

    private void tasks(HttpServerRequest req, byte[] body, int size) {
        TaskForm.Parsed parsed = TaskForm.parse(parser, body, size);
        if (parsed.task() == null) {
            answer(req, parsed.status(), parsed.refusal());
            return;
        }
        tasks.insertOne(parsed.task()).onComplete(id -> answer(req, 201, "{\"id\":" + id + "}"), e -> {
            int status = Failures.statusReactive(e);
            if (status == 500) {
                LOG.warn("insert failed: {}", Failures.describe(e));
            }
            answer(req, status, Failures.json(status));
        });
    }

    /** Content-Length, or -1 when absent (chunked) or unreadable (then the body decides). */
    private static long declaredLength(HttpServerRequest req) {
        String v = req.getHeader("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An answer before the body is read says {@code Connection: close}, as {@link TaskHandler}'s does. */
    private static void answerBeforeBody(HttpServerRequest req, long declared, int status, String json) {
        if (declared != 0) {
            req.response().putHeader("Connection", "close");
        }
        answer(req, status, json);
    }

    private static void answer(HttpServerRequest req, int status, String json) {
        if (req.response().ended() || req.response().closed()) {
            return;
        }
        req.response().setStatusCode(status).putHeader("Content-Type", JSON).end(json);
    }

    /** Nothing to renew: the reactive client asks PostgreSQL for each id. */
    @Override
    public void reopenWriter() {
    }

    @Override
    public void close() {
        try {
            for (HttpServer s : servers) {
                ReactiveTasks.await(s.close(), 5_000);
            }
        } catch (SQLException e) {
            // stopping is best effort; the event loops stop below either way
        } finally {
            try {
                tasks.close();
            } finally {
                try {
                    ReactiveTasks.await(vertx.close(), 5_000);
                } catch (SQLException e) {
                    // as above
                }
            }
        }
    }
}
