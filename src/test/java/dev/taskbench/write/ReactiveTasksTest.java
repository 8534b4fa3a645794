package dev.taskbench.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.net.TcpProxy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The reactive client's write path against the real database: every insert a row with the values
 * sent and the id it answered, one commit each, pipelined or not; every connection reached by
 * the proof's flush; a bad URL or an unreachable database one line.
 */
class ReactiveTasksTest {
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = TestDatabase.info().connect()) {
            TaskSchema.ensure(c);
        }
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        ReactiveTasks.await(vertx.close(), 10_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16})
    void everyInsertIsOneRowAndOneCommitReadBack(int pipelining) throws Exception {
        try (DatabaseLock lock = TestDatabase.lock()) {
            ConnectionInfo info = WriteConnections.DEFAULTS.apply(TestDatabase.info());
            try (ReactiveTasks tasks = ReactiveTasks.open(vertx, info, 3, pipelining, Duration.ofSeconds(5),
                    Duration.ofSeconds(10)); ProofOfWork proof = new ProofOfWork(info, tasks::runOnEach, 3)) {
                assertEquals(pipelining, tasks.pipelining());
                proof.begin();
                List<Future<Long>> ids = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    ids.add(tasks.insertOne(new Task("reactive " + pipelining + " " + i, "it's 50% \"done\"")));
                }
                List<Long> answered = new ArrayList<>();
                for (Future<Long> f : ids) {
                    answered.add(ReactiveTasks.await(f, 10_000));
                }
                ProofOfWork.Result r = proof.verifyCalls(60, 1); // before the read-back opens a session of its own
                ProofOfWorkTest.requireExact(r);
                assertEquals(60, r.commits());
                Set<Long> seen = new HashSet<>();
                try (Connection c = info.connect();
                     PreparedStatement ps = c.prepareStatement("select title, description from task where id = ?")) {
                    for (int i = 0; i < answered.size(); i++) {
                        long id = answered.get(i);
                        assertTrue(seen.add(id), "ids are distinct");
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next(), "row " + id);
                            assertEquals("reactive " + pipelining + " " + i, rs.getString(1));
                            assertEquals("it's 50% \"done\"", rs.getString(2));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aNulIsRefusedByTheDatabaseAndTheConnectionStaysUsable() throws Exception {
        ConnectionInfo info = WriteConnections.DEFAULTS.apply(TestDatabase.info());
        try (ReactiveTasks tasks = ReactiveTasks.open(vertx, info, 1, 4, Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                    () -> ReactiveTasks.await(tasks.insertOne(new Task("a\u0000b", "d")), 10_000));
            assertTrue(e.getCause() instanceof io.vertx.sqlclient.DatabaseException, String.valueOf(e.getCause()));
            assertTrue(ReactiveTasks.await(tasks.insertOne(new Task("after a refusal", "d")), 10_000) > 0);
        }
    }

    /**
     * A server's start gives a slow first log-in more than the per-request connect timeout: here
     * the database answers nothing for 700 ms against a 250 ms timeout, and the client still
     * opens, writes a row and reads it back.
     */
    @Test
    void aSlowFirstLogInIsTriedAgainWithinTheStartBudget() throws Exception {
        ConnectionInfo db = WriteConnections.DEFAULTS.apply(TestDatabase.info());
        try (TcpProxy proxy = new TcpProxy(db)) {
            proxy.stall();
            Thread resume = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                proxy.resume();
            });
            resume.start();
            try (ReactiveTasks tasks = ReactiveTasks.open(vertx, proxy.info(db), 1, 1, Duration.ofMillis(250),
                    Duration.ofSeconds(5))) {
                String title = "slow log-in " + System.nanoTime();
                long id = ReactiveTasks.await(tasks.insertOne(new Task(title, "d")), 10_000);
                try (Connection c = db.connect();
                     PreparedStatement ps = c.prepareStatement("select title from task where id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), "the row is there");
                        assertEquals(title, rs.getString(1));
                    }
                }
            }
            resume.join();
        }
    }

    @Test
    void aBadUrlOrAnUnreachableDatabaseIsOneLine() {
        TaskbenchException url = assertThrows(TaskbenchException.class, () -> ReactiveTasks.open(vertx,
                new ConnectionInfo("jdbc:postgresql:test", "postgres", ""), 1, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(2)));
        assertTrue(url.getMessage().startsWith("the reactive client needs a jdbc:postgresql://host[:port]/database URL"),
                url.getMessage());
        TaskbenchException down = assertThrows(TaskbenchException.class, () -> ReactiveTasks.open(vertx,
                new ConnectionInfo("jdbc:postgresql://127.0.0.1:1/test", "postgres", ""), 1, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(2)));
        assertTrue(down.getMessage().startsWith("the reactive client cannot reach jdbc:postgresql://127.0.0.1:1/test"),
                down.getMessage());
        assertTrue(!down.getMessage().contains("\n"), down.getMessage());
    }
}
