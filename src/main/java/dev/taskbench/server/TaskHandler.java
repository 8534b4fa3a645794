package dev.taskbench.server;

import dev.taskbench.form.FormFields;
import dev.taskbench.form.FormLimitExceededException;
import dev.taskbench.form.FormParser;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.write.TaskWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's service on Jetty 12's core Handler API (no servlet layer): blocking, one pool
 * thread per request, the body read into one array and decoded by taskbench's
 * {@link FormParser}. Routes:
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
 * characters 400, body over the limit 413, and a database that cannot be reached 503.
 * Nothing is logged per request except an unexpected (500) failure.
 */
final class TaskHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(TaskHandler.class);
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    /** {@code task.title} is {@code varchar(255)}. */
    static final int MAX_TITLE_CHARS = 255;
    /** How much of a refused body is read and dropped so that the client sees the 413. */
    static final long DRAIN_LIMIT = 16L << 20;

    private final FormParser parser;
    private volatile TaskWriter writer;
    private final long[] increments = CounterLoop.increments(CounterLoop.INNER, CounterLoop.INCREMENT);

    TaskHandler(FormParser parser, TaskWriter writer) {
        this.parser = parser;
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
            return answer(response, callback, 404, "{\"error\":\"not found\"}");
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return answer(response, callback, 405, "{\"error\":\"use POST\"}");
        }
        try {
            switch (route) {
                case TASKS:
                    return tasks(request, response, callback);
                case CPU:
                    boolean opaque = "loop=opaque".equals(request.getHttpURI().getQuery());
                    long counter = opaque ? CounterLoop.opaque(CounterLoop.OUTER, increments) : CounterLoop.faithful();
                    Content.Source.consumeAll(request);
                    return answer(response, callback, 200, "{\"counter\":" + counter + "}");
                default:
                    byte[] body = readBody(request);
                    return answer(response, callback, 201, "{\"id\":0,\"bytes\":" + body.length + "}");
            }
        } catch (BodyTooLarge e) {
            if (request.getLength() <= DRAIN_LIMIT) {
                drain(request); // a larger declared body is answered at once; Jetty closes the connection
            }
            return answer(response, callback, 413, "{\"error\":\"body over " + parser.maxBodyBytes() + " bytes\"}");
        } catch (IOException e) {
            // the client went away or sent a broken body: Jetty answers or closes
            Response.writeError(request, response, callback, 400, "unreadable body");
            return true;
        }
    }

    private boolean tasks(Request request, Response response, Callback callback) throws IOException, BodyTooLarge {
        if (!isForm(request.getHeaders().getField(HttpHeader.CONTENT_TYPE))) {
            return answer(response, callback, 400, "{\"error\":\"content type must be " + FORM + "\"}");
        }
        byte[] body = readBody(request);
        FormFields form;
        try {
            form = parser.parse(body);
        } catch (FormLimitExceededException e) {
            return FormLimitExceededException.MAX_BODY_BYTES.equals(e.limitName())
                    ? answer(response, callback, 413, "{\"error\":\"body over " + e.limit() + " bytes\"}")
                    : answer(response, callback, 400, "{\"error\":\"more than " + e.limit() + " fields\"}");
        }
        String title = form.first("title");
        String description = form.first("description");
        if (title == null || description == null) {
            return answer(response, callback, 400, "{\"error\":\"missing field: "
                    + (title == null ? "title" : "description") + "\"}");
        }
        if (title.indexOf(0) >= 0 || description.indexOf(0) >= 0) {
            // PostgreSQL text cannot hold NUL; refused here, it would fail the statement or, inlined
            // as a literal (jOOQ's static statements), break the protocol and the connection
            return answer(response, callback, 400, "{\"error\":\"fields must not contain NUL\"}");
        }
        if (title.length() > MAX_TITLE_CHARS && title.codePointCount(0, title.length()) > MAX_TITLE_CHARS) {
            return answer(response, callback, 400, "{\"error\":\"title longer than " + MAX_TITLE_CHARS
                    + " characters\"}");
        }
        long id;
        try {
            id = writer.insertOne(new dev.taskbench.write.Task(title, description));
        } catch (SQLException | RuntimeException e) {
            int status = Failures.status(e);
            if (status == 500) {
                LOG.warn("insert failed: {}", Failures.describe(e));
            }
            return answer(response, callback, status, "{\"error\":\"" + Failures.reason(status) + "\"}");
        }
        return answer(response, callback, 201, "{\"id\":" + id + "}");
    }

    static boolean isForm(HttpField contentType) {
        if (contentType == null) {
            return false;
        }
        String v = contentType.getValue();
        int semi = v.indexOf(';');
        String mime = (semi < 0 ? v : v.substring(0, semi)).trim();
        return mime.equalsIgnoreCase(FORM);
    }

    /** The whole body, refused beyond the parser's byte limit without reading past it. */
    private byte[] readBody(Request request) throws IOException, BodyTooLarge {
        int limit = parser.maxBodyBytes();
        long declared = request.getLength();
        if (declared > limit) {
            throw new BodyTooLarge();
        }
        InputStream in = Content.Source.asInputStream(request);
        if (declared >= 0) {
            byte[] body = in.readNBytes((int) declared);
            if (body.length != declared) {
                throw new IOException("body shorter than its Content-Length");
            }
            return body;
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new BodyTooLarge();
        }
        return body;
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT} bytes, so that a
     * client still sending it reads the 413 instead of a reset connection. Beyond that Jetty
     * closes the connection.
     */
    private static void drain(Request request) {
        try {
            InputStream in = Content.Source.asInputStream(request);
            long left = DRAIN_LIMIT;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static boolean answer(Response response, Callback callback, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private enum Route {
        TASKS, CPU, EMPTY;

        static Route of(String path) {
            if (path == null) {
                return null;
            }
            switch (path.toLowerCase(Locale.ROOT)) {
                case "/api/tasks":
                case "/api/tasks/":
                    return TASKS;
                case "/api/cpu":
                    return CPU;
                case "/api/empty":
                    return EMPTY;
                default:
                    return null;
            }
        }
    }

    private static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
