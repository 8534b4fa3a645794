package dev.taskbench.server;

import dev.taskbench.form.FormParser;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.write.TaskWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's service on Jetty 12's core Handler API (no servlet layer). The body is read
 * without blocking, chunk by chunk as Jetty has it (usually all in the first), into one array
 * decoded by taskbench's {@link FormParser}; the insert then blocks on JDBC. Where that runs
 * is the server's {@link Threading}: on the selector thread that read the request
 * ({@code NON_BLOCKING} to Jetty: no thread hand-off; only the database call blocks, never a
 * read or write of the HTTP connection, which could wait on that same thread), on a pool
 * thread Jetty dispatches to ({@code BLOCKING}; a virtual thread when Jetty's pool has a
 * virtual-threads executor) or on a worker of ours once the body is in. Routes:
 * <ul>
 * <li>{@code POST /api/tasks}: the form's {@code title} and {@code description} become one
 * {@code task} row, one committed transaction; {@code 201 {"id": N}};</li>
 * <li>{@code POST /api/cpu}: the seed's CPU round instead of the insert, {@code 200
 * {"counter": N}}; {@code ?loop=opaque} runs the variant the JIT cannot fold;</li>
 * <li>{@code POST /api/empty}: reads the body and answers like {@code /api/tasks} without
 * parsing or writing anything, the HTTP round trip alone.</li>
 * </ul>
 * Every check happens before the database is touched, so a rejected request writes nothing:
 * wrong content type, missing field, more fields than the parser's limit or a title over 255
 * characters 400, a charset other than UTF-8 415, body over the limit 413, and a database that
 * cannot be reached or does not answer within the server's request timeout 503. The body is
 * held in a {@link BodyBuffer} that grows as bytes arrive.
 * Nothing is logged per request except an unexpected (500) failure.
 */
final class TaskHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(TaskHandler.class);
    static final String FORM = TaskForm.FORM;
    static final String JSON = "application/json";
    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, JSON);
    /** How much of a refused body is read and dropped so that the client sees the 413. */
    static final long DRAIN_LIMIT = 16L << 20;

    /**
     * How long a body may take before its rate is judged: a client's first bytes are not a rate.
     * Kestrel waits 5 s at 240 bytes/s; one second still lets a 2 MiB body start at any speed.
     */
    static final long RATE_GRACE_NANOS = 1_000_000_000L;

    private final FormParser parser;
    private final long minBodyBytesPerSecond;
    private final Executor workers;
    private final Deadlines deadlines;
    private volatile TaskWriter writer;
    private final long[] increments = CounterLoop.increments(CounterLoop.INNER, CounterLoop.INCREMENT);

    /**
     * @param workers where a request's work runs once its body is in ({@code platform});
     *        null: on the thread that read it
     * @param deadlines what interrupts an insert still running at the request timeout; null: the
     *        connection's own read timeout does
     * @param minBodyBytesPerSecond the slowest a body may arrive once it had to be waited for; 0 does not check
     */
    TaskHandler(FormParser parser, TaskWriter writer, Threading threading, Executor workers,
            Deadlines deadlines, long minBodyBytesPerSecond) {
        super(threading == Threading.dispatch || threading == Threading.virtual
                ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING);
        this.parser = parser;
        this.workers = workers;
        this.deadlines = deadlines;
        this.minBodyBytesPerSecond = minBodyBytesPerSecond;
        this.writer = writer;
    }

    TaskWriter writer() {
        return writer;
    }

    TaskWriter swapWriter(TaskWriter next) {
        TaskWriter old = writer;
        writer = next;
        return old;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        Route route = Route.of(path);
        if (route == null) {
            return answer(response, callback, 404, TaskForm.NOT_FOUND);
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return answer(response, callback, 405, TaskForm.USE_POST);
        }
        long declared = request.getLength();
        HttpField contentType = request.getHeaders().getField(HttpHeader.CONTENT_TYPE);
        if (route == Route.TASKS && !isForm(contentType)) {
            closeIfBodyUnread(response, declared);
            return answer(response, callback, 400, TaskForm.NOT_A_FORM);
        }
        if (route == Route.TASKS && !isUtf8(contentType)) {
            closeIfBodyUnread(response, declared);
            return answer(response, callback, 415, TaskForm.NOT_UTF8);
        }
        if (IncomingBody.refusedUnread(declared, parser.maxBodyBytes())) {
            closeIfBodyUnread(response, declared);
            return answer(response, callback, 413, TaskForm.tooLarge(parser.maxBodyBytes()));
        }
        new Body(request, response, callback, route, declared).run();
        return true;
    }

    /** {@link #respond} on the workers when the model has them (a full queue or a stopped pool: 503), else here. */
    private void respondOnWorkers(Route route, Request request, Response response, Callback callback, byte[] body,
            int size) {
        if (workers == null) {
            respond(route, request, response, callback, body, size);
            return;
        }
        try {
            workers.execute(() -> respond(route, request, response, callback, body, size));
        } catch (RejectedExecutionException e) {
            answer(response, callback, 503, Failures.json(503));
        }
    }

    /** The request once its whole body is in: the route's work and its answer. */
    private void respond(Route route, Request request, Response response, Callback callback, byte[] body, int size) {
        switch (route) {
            case TASKS:
                tasks(response, callback, body, size);
                return;
            case CPU:
                long counter = Route.cpuCounter(request.getHttpURI().getQuery(), increments);
                answer(response, callback, 200, "{\"counter\":" + counter + "}");
                return;
            default:
                answer(response, callback, 201, "{\"id\":0,\"bytes\":" + size + "}");
        }
    }

    private void tasks(Response response, Callback callback, byte[] body, int size) {
        TaskForm.Parsed parsed = TaskForm.parse(parser, body, size);
        if (parsed.task() == null) {
            answer(response, callback, parsed.status(), parsed.refusal());
            return;
        }
        long id;
        try {
            id = insert(parsed.task());
        } catch (SQLException | RuntimeException e) {
            int status = Failures.status(e);
            if (status == 500) {
                LOG.warn("insert failed: {}", Failures.describe(e));
            }
            answer(response, callback, status, Failures.json(status));
            return;
        }
        answer(response, callback, 201, "{\"id\":" + id + "}");
    }

    private long insert(dev.taskbench.write.Task task) throws SQLException {
        if (deadlines == null) {
            return writer.insertOne(task);
        }
        Deadlines.Watch watch = deadlines.watch();
        try {
            return writer.insertOne(task);
        } finally {
            watch.done();
        }
    }

    static boolean isForm(HttpField contentType) {
        return contentType != null && TaskForm.isForm(contentType.getValue());
    }

    static boolean isUtf8(HttpField contentType) {
        return TaskForm.isUtf8(contentType.getValue());
    }

    /**
     * Reads the body as Jetty has it, never waiting: when no chunk is there it asks to be run
     * again ({@code demand}) and returns. Jetty runs it again on a thread of the handler's own
     * invocation type, so the route's work never lands on a thread it must not block. A body
     * over the parser's limit is read on and dropped up to {@link #DRAIN_LIMIT}, so that a
     * client still sending it reads the 413 instead of a reset connection.
     */
    private final class Body implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Route route;
        private final IncomingBody body;
        /** Bytes of this body so far, and when it first had to be waited for (0: not yet). */
        private long received;
        private long firstWait;

        Body(Request request, Response response, Callback callback, Route route, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.route = route;
            this.body = new IncomingBody(declared, parser.maxBodyBytes());
        }

        @Override
        public InvocationType getInvocationType() {
            return TaskHandler.this.getInvocationType();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        if (tooSlow()) {
                            response.getHeaders().put(HttpHeader.CONNECTION, "close");
                            Response.writeError(request, response, callback, 408, "body too slow");
                            return;
                        }
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        // too slow (idle timeout), gone, or a broken body: Jetty answers or closes
                        boolean slow = chunk.getFailure() instanceof TimeoutException;
                        Response.writeError(request, response, callback, slow ? 408 : 400,
                                slow ? "body too slow" : "unreadable body");
                        return;
                    }
                    take(chunk.getByteBuffer());
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (body.pastDrainLimit() || (last && body.dropping())) {
                        answer(response, callback, 413, TaskForm.tooLarge(parser.maxBodyBytes()));
                        return;
                    }
                    if (last) {
                        if (body.shorterThanDeclared()) {
                            Response.writeError(request, response, callback, 400, "body shorter than its Content-Length");
                        } else {
                            respondOnWorkers(route, request, response, callback, body.bytes(), body.size());
                        }
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("request failed: {}", Failures.describe(e));
                callback.failed(e);
            }
        }

        /**
         * This body's own rate, counted from its first wait, below the minimum once the grace is
         * over. Checked each time the handler is about to wait again (as Jetty's
         * MinimumDataRateHandler intends; that one divides every request's bytes by this one's time,
         * so under load no slow client is ever cut). A client that sends nothing at all meets the
         * idle timeout instead.
         */
        private boolean tooSlow() {
            if (minBodyBytesPerSecond == 0) {
                return false;
            }
            long now = System.nanoTime();
            if (firstWait == 0) {
                firstWait = now;
                return false;
            }
            long elapsed = now - firstWait;
            return elapsed >= RATE_GRACE_NANOS && received * 1_000_000_000L / elapsed < minBodyBytesPerSecond;
        }

        private void take(ByteBuffer b) {
            received += b.remaining();
            body.take(b);
        }
    }

    /**
     * An answer sent before the body was read says {@code Connection: close}: Jetty closes such
     * a connection rather than read the rest, and a client that was not told would send its next
     * request into the closing socket.
     */
    private static void closeIfBodyUnread(Response response, long declared) {
        if (declared != 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    private static boolean answer(Response response, Callback callback, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }
}
