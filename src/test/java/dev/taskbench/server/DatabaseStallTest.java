package dev.taskbench.server;

import static dev.taskbench.server.TaskServerTest.form;
import static dev.taskbench.server.TaskServerTest.marker;
import static dev.taskbench.server.TaskServerTest.row;
import static dev.taskbench.server.TaskServerTest.rowsTitled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.net.TcpProxy;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database that stops answering without closing anything (a {@link TcpProxy} that stops
 * forwarding): each request in flight, and each sent while it is stalled, is answered 503 within
 * the server's request timeout in either threading mode; nothing is half-written; once the
 * database answers again the server recovers without a restart, on fresh connections.
 */
class DatabaseStallTest {
    /**
     * As short as the cases allow: pgjdbc's socketTimeout counts whole seconds (1 s of the 1.5 s
     * left after the acquire timeout), and dbcp2's borrow from a stalled database takes its 1 s
     * validation plus a 1 s log-in, 2 s in all.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(2000);
    /** Scheduling on a shared 2-core machine; the server's own bound is the request timeout. */
    static final Duration SLACK = Duration.ofMillis(1000);
    static final int USERS = 3;

    static ServerConfig config(Threading threading, WritePath path) {
        return config(threading, path, ConnectionSource.hikari);
    }

    static ServerConfig config(Threading threading, WritePath path, ConnectionSource source) {
        return ServerConfig.defaults().withPath(path).withSource(source).withPoolSize(USERS).withThreading(threading)
                .withAcquireTimeout(Duration.ofMillis(500)).withStopGrace(TaskServerTest.STOP_GRACE)
                .withLimits(ServerLimits.DEFAULTS.withRequestTimeout(REQUEST_TIMEOUT));
    }

    record Answer(int status, long millis) {
    }

    @ParameterizedTest
    @CsvSource({"selector, jdbcPrepared, hikari", "dispatch, jdbcPrepared, hikari",
        "selector, hibernateIdentity, hikari", "selector, jdbcPrepared, dbcp2", "selector, jdbcPrepared, agroal"})
    void requestsInFlightAnswer503WithinTheTimeoutThenTheServerRecovers(Threading threading,
            WritePath path, ConnectionSource source) throws Exception {
        ConnectionInfo db = TestDatabase.info();
        String run = marker();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // the proxy is cut before the server closes: a server still stuck on it (no timeouts) fails, not hangs
        try (TcpProxy proxy = new TcpProxy(db); TaskServer server = TaskServer.start(proxy.info(db),
                config(threading, path, source)); AutoCloseable cutFirst = proxy::stop) {
            String before = run + "-before";
            Sent first = send(http, server.uri(), before);
            first.join();
            assertEquals(before, row(TaskServerTest.createdId(first.response))[0]);

            proxy.stall();
            List<Sent> inFlight = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                inFlight.add(send(http, server.uri(), run + "-stalled-" + i));
            }
            for (Sent s : inFlight) {
                assertAnswered503InTime(s.join());
            }
            // sent once the pool's connections are known broken: no stale one is handed out
            Sent later = send(http, server.uri(), run + "-stalled-later");
            assertAnswered503InTime(later.join());
            assertEquals(0, rowsTitled(run + "-stalled-"), "nothing reached the database while it was stalled");

            proxy.resume();
            String after = run + "-after";
            long deadline = System.currentTimeMillis() + 15_000;
            Answer last;
            Sent s;
            do {
                s = send(http, server.uri(), after);
                last = s.join();
                assertTrue(last.status() == 201 || last.status() == 503, "status " + last.status());
            } while (last.status() != 201 && System.currentTimeMillis() < deadline && pause());
            assertEquals(201, last.status(), "recovered without a restart once the database answers again");
            assertArrayEquals(new String[] {after, "desc of " + after}, row(TaskServerTest.createdId(s.response)));
        }
        // A stalled statement's bytes were held, not lost: on resume PostgreSQL may still run one
        // whose client had its 503 (a 503 is an unknown outcome, as with a cut connection). None is half-written.
        assertTrue(rowsTitled(run + "-stalled-") <= USERS + 1);
        assertEquals(0, mismatched(run), "no half-written row");
    }

    /**
     * The database answers but the table is locked (another run's TRUNCATE): PostgreSQL's
     * lock_timeout ends the wait, 503 within the request timeout, the connection stays usable.
     */
    @ParameterizedTest
    @CsvSource({"selector", "dispatch"})
    void aLockedTableAnswers503WithinTheTimeoutAndWritesNothing(Threading threading) throws Exception {
        String run = marker();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (TaskServer server = TaskServer.start(TestDatabase.info(), config(threading, WritePath.jdbcPrepared))) {
            try (Connection locker = TestDatabase.info().connect()) {
                locker.setAutoCommit(false);
                try (java.sql.Statement st = locker.createStatement()) {
                    st.execute("lock table task in access exclusive mode");
                }
                assertAnswered503InTime(send(http, server.uri(), run + "-locked").join());
                locker.rollback();
            }
            Sent s = send(http, server.uri(), run + "-after");
            assertEquals(201, s.join().status());
            assertArrayEquals(new String[] {run + "-after", "desc of " + run + "-after"},
                    row(TaskServerTest.createdId(s.response)));
        }
        assertEquals(0, rowsTitled(run + "-locked"));
    }

    private static void assertAnswered503InTime(Answer a) {
        assertEquals(503, a.status());
        assertTrue(a.millis() <= REQUEST_TIMEOUT.plus(SLACK).toMillis(),
                "answered after " + a.millis() + " ms, the request timeout is " + REQUEST_TIMEOUT.toMillis() + " ms");
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    /** A request on its way; its answer, or a failure if the server did not answer in twice the timeout. */
    static final class Sent {
        final long start = System.nanoTime();
        final CompletableFuture<HttpResponse<String>> future;
        HttpResponse<String> response;

        Sent(CompletableFuture<HttpResponse<String>> future) {
            this.future = future;
        }

        Answer join() {
            response = future.join();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() == 503) {
                assertTrue(response.body().contains("database unavailable"), response.body());
            }
            return new Answer(response.statusCode(), millis);
        }
    }

    static Sent send(HttpClient http, URI base, String title) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/tasks")).timeout(REQUEST_TIMEOUT.multipliedBy(2))
                .header("Content-Type", TaskHandler.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form("title", title, "description", "desc of " + title)))
                .build();
        return new Sent(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
    }

    /** Rows of this run whose description is not the one its title was posted with: half-written. */
    static long mismatched(String run) throws Exception {
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from task where starts_with(title, ?)"
                     + " and description <> 'desc of ' || title")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
