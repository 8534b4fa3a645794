package dev.taskbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.JdkClient;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.Task;
import dev.taskbench.write.WritePath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server on an ephemeral port against the real database: every status, rows read back by
 * id with the values sent, nothing written on a rejected request. Other benchmarks share the
 * {@code task} table and truncate it, so rows are found by a random marker in the title, never
 * by counting the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskServerTest {
    static final HttpClient HTTP = JdkClient.newHttpClient();
    Service server;

    /**
     * One shared server per class, on the class's own model ({@link #config()}). Not a static
     * method per subclass: JUnit runs a hidden static {@code @BeforeAll} of the superclass too,
     * and that second server was never closed (its idle pool outlived the class).
     */
    @BeforeAll
    void start() {
        server = Service.start(TestDatabase.info(), config().withPoolSize(2));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /**
     * How long a test's server waits at its stop: nothing is in flight then, and the clients keep
     * their idle connections open, which the default grace would wait on for a second.
     */
    static final Duration STOP_GRACE = Duration.ofMillis(100);

    /** The configuration the cases that start servers of their own build on: this class's threading. */
    ServerConfig config() {
        return ServerConfig.defaults().withStopGrace(STOP_GRACE);
    }

    static String marker() {
        return "test-" + UUID.randomUUID();
    }

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static HttpResponse<String> post(URI base, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(URI base, String body) throws Exception {
        return post(base, "/api/tasks", TaskHandler.FORM, body);
    }

    /** {title, description} of row {@code id}, or null. */
    static String[] row(long id) throws SQLException {
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select title, description from task where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    /** {@link #row} of each id, in one query: id to {title, description}, absent ids left out. */
    static Map<Long, String[]> rows(Collection<Long> ids) throws SQLException {
        Map<Long, String[]> found = new HashMap<>();
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select id, title, description from task where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return found;
    }

    static long rowsTitled(String titlePrefix) throws SQLException {
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from task where starts_with(title, ?)")) {
            ps.setString(1, titlePrefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long createdId(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        long id = new Poster.Reply(r.statusCode(), r.body()).number("id");
        assertTrue(id > 0, r.body());
        return id;
    }

    /** Jetty pool threads a request holds while it waits on the database: one under dispatch, none elsewhere. */
    int poolThreadsPerWaitingRequest() {
        return 0;
    }

    /**
     * Requests whose INSERT waits on a table lock hold what their model says: one of Jetty's pool
     * threads each under {@code dispatch}; none under {@code selector} (their selector thread),
     * {@code platform-N} (our workers) or {@code virtual} (a virtual thread each). Then the lock
     * goes and every one of them is answered 201 with its row.
     */
    @Test
    void requestsWaitingOnTheDatabaseHoldTheModelsThreads() throws Exception {
        try (TaskServer s = TaskServer.start(TestDatabase.info(), config().withPoolSize(WAITING))) {
            int idle = s.busyPoolThreads();
            int held = whileInsertsWait(s, WAITING, () -> s.busyPoolThreads() - idle);
            int expected = poolThreadsPerWaitingRequest() * waitingOnTheLock(s.config(), WAITING);
            assertTrue(Math.abs(held - expected) <= 1, s.config().threading() + ": " + held
                    + " more busy pool threads while the inserts waited, expected " + expected);
        }
    }

    static final int WAITING = 4;

    /** Inserts that reach the database at once: all of them, but no more than {@code platform-N}'s N. */
    static int waitingOnTheLock(ServerConfig c, int requests) {
        return c.threading() == Threading.platform ? Math.min(requests, c.workers()) : requests;
    }

    /** What {@link #whileInsertsWait} looks at while the inserts wait. */
    @FunctionalInterface
    interface Probe<T> {
        T look() throws Exception;
    }

    /**
     * Sends {@code requests} form POSTs at once to {@code s} while another transaction holds a
     * lock on {@code task} that INSERT waits for; once as many inserts as can reach the database
     * wait on it, runs {@code probe}, lets the lock go, and checks that each POST was answered 201
     * and its row is there. Answers what the probe saw.
     */
    static <T> T whileInsertsWait(Service s, int requests, Probe<T> probe) throws Exception {
        String m = marker();
        T seen;
        List<Future<Poster.Reply>> answers = new ArrayList<>();
        ExecutorService users = Executors.newFixedThreadPool(requests);
        try (Connection lock = TestDatabase.info().connect()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table task in share mode");
            }
            for (int i = 0; i < requests; i++) {
                byte[] body = form("title", m + " " + i, "description", "d").getBytes(StandardCharsets.UTF_8);
                answers.add(users.submit(() -> {
                    try (RawClient c = new RawClient(s.uri())) {
                        return c.post("/api/tasks", body);
                    }
                }));
            }
            awaitInsertsWaiting(waitingOnTheLock(s.config(), requests));
            seen = probe.look();
            lock.rollback();
            for (Future<Poster.Reply> a : answers) {
                Poster.Reply r = a.get(10, TimeUnit.SECONDS);
                assertEquals(201, r.status(), r.body());
            }
        } finally {
            users.shutdownNow();
        }
        assertEquals(requests, rowsTitled(m));
        return seen;
    }

    /**
     * Waits until {@code n} backends of this database wait for a lock, at most 3 s. On a connection
     * of its own in autocommit: inside one transaction {@code pg_stat_activity} is read once and kept.
     */
    static void awaitInsertsWaiting(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int waiting = 0;
        try (Connection c = TestDatabase.info().connect()) {
            while (System.nanoTime() < deadline) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where datname = "
                             + "current_database() and wait_event_type = 'Lock'")) {
                    rs.next();
                    waiting = rs.getInt(1);
                }
                if (waiting >= n) {
                    return;
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError(waiting + " of " + n + " inserts waited on the lock after 3 s");
    }

    @Test
    void createsTheRowItAnswersWith() throws Exception {
        String title = marker() + " Café ☕ & 50% off";
        String description = "Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread";
        long id = createdId(postForm(server.uri(), form("title", title, "description", description)));
        String[] row = row(id);
        assertEquals(title, row[0]);
        assertEquals(description, row[1]);
    }

    @Test
    void theSeedsBodyByteForByte() throws Exception {
        String m = marker();
        long id = createdId(postForm(server.uri(), "title=" + m + "+" + Task.SEED_BODY.substring("title=".length())));
        assertEquals(m + " Buy milk and eggs", row(id)[0]);
        assertEquals("Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread", row(id)[1]);
    }

    @Test
    void contentTypeWithCharsetIsAForm() throws Exception {
        String m = marker();
        long id = createdId(post(server.uri(), "/api/tasks", "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
                form("title", m, "description", "d")));
        assertEquals(m, row(id)[0]);
    }

    /** The parser decodes UTF-8 only: another charset is refused, never stored misread (U+FFFD) with a 201. */
    @Test
    void aCharsetOtherThanUtf8Is415AndWritesNothing() throws Exception {
        String m = marker();
        String latin1 = "title=" + m + "+Caf%E9&description=d";
        for (String charset : new String[] {"ISO-8859-1", "windows-1252", "\"iso-8859-1\"", "UTF-16"}) {
            HttpResponse<String> r = post(server.uri(), "/api/tasks", TaskHandler.FORM + "; charset=" + charset, latin1);
            assertEquals(415, r.statusCode(), charset);
            assertTrue(r.body().contains("UTF-8"), r.body());
        }
        assertEquals(0, rowsTitled(m));
        for (String charset : new String[] {"UTF-8", "utf-8", "\"UTF-8\""}) {
            String title = m + " Café " + charset;
            long id = createdId(post(server.uri(), "/api/tasks", TaskHandler.FORM + "; charset=" + charset,
                    form("title", title, "description", "d")));
            assertEquals(title, row(id)[0]);
        }
    }

    @Test
    void missingFieldIs400AndWritesNothing() throws Exception {
        String m = marker();
        HttpResponse<String> r = postForm(server.uri(), form("title", m));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("description"), r.body());
        assertEquals(400, postForm(server.uri(), form("description", m)).statusCode());
        assertEquals(400, postForm(server.uri(), "").statusCode());
        assertEquals(0, rowsTitled(m));
    }

    @Test
    void wrongOrMissingContentTypeIs400AndWritesNothing() throws Exception {
        String m = marker();
        String body = form("title", m, "description", "d");
        assertEquals(400, post(server.uri(), "/api/tasks", "text/plain", body).statusCode());
        assertEquals(400, post(server.uri(), "/api/tasks", "application/json", body).statusCode());
        assertEquals(400, post(server.uri(), "/api/tasks", null, body).statusCode());
        assertEquals(0, rowsTitled(m));
    }

    /** Answered before its body is read, the connection is closed, and the answer says so: no client reuses it. */
    @Test
    void anAnswerBeforeTheBodyIsReadSaysConnectionClose() throws Exception {
        String body = form("title", marker(), "description", "d");
        try (java.net.Socket s = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            s.setSoTimeout(5000);
            String request = "POST /api/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length() + "\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            StringBuilder rest = new StringBuilder(head);
            int b;
            while ((b = s.getInputStream().read()) >= 0 && !rest.toString().endsWith("\r\n\r\n")) {
                rest.append((char) b);
            }
            assertTrue(head.startsWith("HTTP/1.1 400"), rest.toString());
            assertTrue(rest.toString().toLowerCase(java.util.Locale.ROOT).contains("connection: close"), rest.toString());
        }
    }

    @Test
    void moreFieldsThanTheLimitIs400AndWritesNothing() throws Exception {
        String m = marker();
        StringBuilder body = new StringBuilder(form("title", m, "description", "d"));
        for (int i = 0; i < 999; i++) {
            body.append("&f").append(i).append("=x");
        }
        HttpResponse<String> r = postForm(server.uri(), body.toString());
        assertEquals(400, r.statusCode(), "1001 fields");
        assertTrue(r.body().contains("1000"), r.body());
        assertEquals(0, rowsTitled(m));
        // exactly at the limit is fine
        String ok = body.substring(0, body.lastIndexOf("&"));
        String[] row = row(createdId(postForm(server.uri(), ok)));
        assertEquals(m, row[0]);
    }

    @Test
    void bodyOverTheLimitIs413AndWritesNothing() throws Exception {
        String m = marker();
        String body = form("title", m, "description", "x".repeat(2 * 1024 * 1024));
        assertEquals(413, postForm(server.uri(), body).statusCode());
        // the same without a Content-Length (chunked): refused while reading
        HttpRequest chunked = HttpRequest.newBuilder(server.uri().resolve("/api/tasks"))
                .header("Content-Type", TaskHandler.FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertEquals(413, HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0, rowsTitled(m));
    }

    @Test
    void aLargeBodyUnderTheLimitIsWritten() throws Exception {
        String m = marker();
        String description = "é".repeat(500_000); // 3 MB once encoded (%C3%A9 per é): over the 2 MiB limit
        HttpResponse<String> tooBig = postForm(server.uri(), form("title", m, "description", description));
        assertEquals(413, tooBig.statusCode(), "percent-encoding counts: 6 bytes per é");
        String fits = "d".repeat(1_000_000);
        HttpRequest chunked = HttpRequest.newBuilder(server.uri().resolve("/api/tasks"))
                .header("Content-Type", TaskHandler.FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        form("title", m, "description", fits).getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(fits, row(createdId(r))[1]);
    }

    @Test
    void valuesTheTableRejectsAre400AndWriteNothing() throws Exception {
        String m = marker();
        assertEquals(400, postForm(server.uri(), form("title", m + "t".repeat(256), "description", "d")).statusCode());
        // PostgreSQL text cannot hold NUL: the database refuses it (SQLSTATE 22021)
        assertEquals(400, postForm(server.uri(), form("title", m, "description", "a\u0000b")).statusCode());
        assertEquals(0, rowsTitled(m));
        // 255 characters outside the BMP still fit varchar(255)
        String longTitle = m + "😀".repeat(255 - m.length());
        assertEquals(longTitle, row(createdId(postForm(server.uri(), form("title", longTitle, "description", "d"))))[0]);
    }

    @Test
    void unknownPathIs404AndOtherMethods405() throws Exception {
        assertEquals(404, post(server.uri(), "/api/nope", TaskHandler.FORM, "").statusCode());
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/tasks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void cpuRoundAndEmptyHandler() throws Exception {
        for (String q : new String[] {"", "?loop=opaque"}) {
            HttpResponse<String> r = post(server.uri(), "/api/cpu" + q, TaskHandler.FORM, "title=a&description=b");
            assertEquals(200, r.statusCode());
            assertEquals(CounterLoop.EXPECTED, new Poster.Reply(200, r.body()).number("counter"), q);
        }
        String m = marker();
        HttpResponse<String> empty = post(server.uri(), "/api/empty", TaskHandler.FORM, form("title", m));
        assertEquals(201, empty.statusCode());
        assertEquals(0, rowsTitled(m));
    }

    @Test
    void bothClientsKeepTheirConnectionAlive() throws Exception {
        String m = marker();
        byte[] body = form("title", m, "description", "d").getBytes(StandardCharsets.UTF_8);
        try (Poster raw = new RawClient(server.uri()); Poster jdk = JdkClient.standalone(server.uri())) {
            for (int i = 0; i < 5; i++) {
                for (Poster p : new Poster[] {raw, jdk}) {
                    Poster.Reply r = p.post("/api/tasks", body);
                    assertEquals(201, r.status(), r.body());
                    assertEquals(m, row(r.number("id"))[0]);
                }
            }
            assertEquals(400, raw.post("/api/tasks", "title=x".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(201, raw.post("/api/tasks", body).status(), "still usable after an error answer");
        }
        assertEquals(11, rowsTitled(m));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jooq", "jooqStatic", "hibernateSeq", "hibernateIdentity"})
    void everySingleRowPathWritesAndAnswersTheId(String path) throws Exception {
        try (TaskServer s = TaskServer.start(TestDatabase.info(),
                config().withPath(WritePath.valueOf(path)).withPoolSize(1))) {
            String m = marker();
            long id = createdId(postForm(s.uri(), form("title", m + " it's", "description", "50% 'quoted'")));
            assertEquals(m + " it's", row(id)[0]);
            assertEquals("50% 'quoted'", row(id)[1]);
            assertEquals(400, postForm(s.uri(), form("title", m + "x", "description", "a\u0000b")).statusCode());
            assertEquals(1, rowsTitled(m));
        }
    }

    @Test
    void aFreshConnectionPerRequest() throws Exception {
        try (TaskServer s = TaskServer.start(TestDatabase.info(),
                config().withSource(ConnectionSource.driverManager))) {
            String m = marker();
            for (int i = 0; i < 3; i++) {
                assertEquals(m, row(createdId(postForm(s.uri(), form("title", m, "description", "d"))))[0]);
            }
        }
    }

    @Test
    void aBatchPathIsRefusedWithOneLine() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> config().withPath(WritePath.jdbcBatch));
        assertTrue(e.getMessage().contains("jdbcPrepared"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseFailsTheStartWithOneLine() {
        ConnectionInfo nowhere = new ConnectionInfo("jdbc:postgresql://127.0.0.1:1/taskbench", "postgres", "");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Service.start(nowhere, config()));
        assertTrue(e.getMessage().startsWith("the server cannot reach its database"), e.getMessage());
        assertNull(e.getMessage().contains("\n") ? e.getMessage() : null);
    }
}
