package dev.taskbench.server;

import static dev.taskbench.server.TaskServerTest.form;
import static dev.taskbench.server.TaskServerTest.marker;
import static dev.taskbench.server.TaskServerTest.row;
import static dev.taskbench.server.TaskServerTest.rows;
import static dev.taskbench.server.TaskServerTest.rowsTitled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import dev.taskbench.net.TcpProxy;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The database going away under a running server. The shared PostgreSQL cannot be stopped, so
 * the server reaches it through a {@link TcpProxy} that the test closes (every connection cut,
 * new ones refused) and reopens. Requests then get 503 quickly, no row is half-written, every
 * 201 is a durable row with the values sent, and the server recovers when the database is back.
 */
class DatabaseDownTest {
    /** Each 503 while the database is away waits this out: HikariCP's least connection timeout. */
    static final Duration ACQUIRE = Duration.ofMillis(250);

    static ServerConfig config(String source, String path) {
        return ServerConfig.defaults().withSource(ConnectionSource.valueOf(source)).withPath(WritePath.valueOf(path))
                .withPoolSize(3).withAcquireTimeout(ACQUIRE).withStopGrace(TaskServerTest.STOP_GRACE);
    }

    @ParameterizedTest
    @CsvSource({"hikari, jdbcPrepared", "hikari, hibernateIdentity", "driverManager, jdbcPrepared"})
    void betweenRequests503ThenRecovers(String source, String path) throws Exception {
        downAndBack(config(source, path));
    }

    /** The same on the eventloop model: the reactive client's connections are cut and opened anew. */
    @Test
    void eventLoopBetweenRequests503ThenRecovers() throws Exception {
        downAndBack(ServerConfig.defaults().withPoolSize(3).withAcquireTimeout(ACQUIRE).withStopGrace(TaskServerTest.STOP_GRACE)
                .withThreading(Threading.eventloop));
    }

    private static void downAndBack(ServerConfig config) throws Exception {
        ConnectionInfo db = TestDatabase.info();
        try (TcpProxy proxy = new TcpProxy(db); Service server = Service.start(proxy.info(db), config);
             Poster client = new RawClient(server.uri())) {
            String before = marker();
            Poster.Reply ok = client.post("/api/tasks", body(before, "d"));
            assertEquals(201, ok.status(), ok.body());

            proxy.stop();
            String during = marker();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Poster.Reply r = client.post("/api/tasks", body(during, "d"));
                assertEquals(503, r.status(), r.body());
                assertTrue(r.body().contains("database unavailable"), r.body());
                assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "503 within the acquire timeout, not 30 s");
            }
            assertEquals(0, rowsTitled(during), "a request answered 503 while the database was away wrote nothing");

            proxy.start();
            String after = marker();
            Poster.Reply r = null;
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                r = client.post("/api/tasks", body(after, "back"));
                if (r.status() == 201) {
                    break;
                }
                assertEquals(503, r.status(), r.body());
                Thread.sleep(100);
            }
            assertEquals(201, r.status(), "recovered once the database is reachable again");
            assertArrayEquals(new String[] {after, "back"}, row(r.number("id")));
            assertEquals(1, rowsTitled(before));
        }
    }

    /**
     * Four users writing while the database goes away and comes back: each answer is 201 or
     * 503; every 201 is its row; a 503 wrote nothing, except a commit whose answer the cut
     * connection lost (at most one per user in flight at the cut).
     */
    @ParameterizedTest
    @CsvSource({"hikari, jdbcPrepared", "hikari, hibernateIdentity"})
    void midRun(String source, String path) throws Exception {
        ConnectionInfo db = TestDatabase.info();
        String run = marker();
        int users = 4;
        Map<Long, String> created = new ConcurrentHashMap<>();
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger oddAnswers = new AtomicInteger();
        AtomicInteger seq = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (TcpProxy proxy = new TcpProxy(db); TaskServer server = TaskServer.start(proxy.info(db), config(source, path))) {
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                Thread t = new Thread(() -> {
                    try (Poster client = new RawClient(server.uri())) {
                        while (!stop.get()) {
                            String title = run + "-" + seq.incrementAndGet();
                            Poster.Reply r = client.post("/api/tasks", body(title, "desc of " + title));
                            if (r.status() == 201) {
                                created.put(r.number("id"), title);
                            } else if (r.status() == 503) {
                                refused.add(title);
                            } else {
                                oddAnswers.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        oddAnswers.incrementAndGet();
                    }
                });
                t.start();
                threads.add(t);
            }
            awaitCount(() -> created.size(), 100);
            proxy.stop();
            awaitCount(() -> refused.size(), 20);
            int createdWhileDown = created.size();
            Thread.sleep(300);
            assertTrue(created.size() - createdWhileDown <= 0, "no 201 while the database is away");
            proxy.start();
            int createdBeforeRecovery = created.size();
            awaitCount(() -> created.size(), createdBeforeRecovery + 50);
            stop.set(true);
            for (Thread t : threads) {
                t.join(20_000);
            }
        }
        assertEquals(0, oddAnswers.get(), "every answer is 201 or 503");
        Map<Long, String[]> rows = rows(created.keySet());
        for (Map.Entry<Long, String> e : created.entrySet()) {
            assertArrayEquals(new String[] {e.getValue(), "desc of " + e.getValue()}, rows.get(e.getKey()),
                    "201 means the row is there with the values sent");
        }
        long titled = rowsTitled(run + "-");
        assertTrue(titled >= created.size() && titled <= created.size() + users,
                titled + " rows for " + created.size() + " created and " + refused.size() + " refused requests");
        try (java.sql.Connection c = TestDatabase.info().connect();
             java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from task where starts_with(title, ?)"
                     + " and description <> 'desc of ' || title")) {
            ps.setString(1, run + "-");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no half-written row");
            }
        }
    }

    private static void awaitCount(java.util.function.IntSupplier count, int atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (count.getAsInt() < atLeast) {
            assertTrue(System.currentTimeMillis() < deadline, "waited 20 s for " + atLeast + ", have " + count.getAsInt());
            Thread.sleep(5);
        }
    }

    static byte[] body(String title, String description) {
        return form("title", title, "description", description).getBytes(StandardCharsets.UTF_8);
    }
}
