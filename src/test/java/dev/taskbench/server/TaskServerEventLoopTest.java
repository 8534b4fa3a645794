package dev.taskbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * TaskServerTest's cases again on the eventloop model (Vert.x, the reactive client, pipelining at
 * the client's default): the same statuses, rows read back. The JDBC write paths and connection
 * sources do not apply to it and are refused; the pipelined and unpipelined client both write.
 */
class TaskServerEventLoopTest extends TaskServerTest {

    @Override
    ServerConfig config() {
        return super.config().withThreading(Threading.eventloop);
    }

    /** Not JDBC: no write path to choose; replaced by the refusal below. */
    @Override
    void everySingleRowPathWritesAndAnswersTheId(String path) {
    }

    /** Not JDBC: no connection source to choose; replaced by the refusal below. */
    @Override
    void aFreshConnectionPerRequest() {
    }

    /** No Jetty pool: instead, while every insert waits, the event loops still answer other requests. */
    @Override
    void requestsWaitingOnTheDatabaseHoldTheModelsThreads() throws Exception {
        try (Service s = Service.start(TestDatabase.info(), config().withPoolSize(WAITING))) {
            HttpResponse<String> empty = whileInsertsWait(s, WAITING,
                    () -> post(s.uri(), "/api/empty", TaskHandler.FORM, form("title", "t")));
            assertEquals(201, empty.statusCode(), empty.body());
        }
    }

    @Test
    void isAnEventLoopServer() {
        assertTrue(server instanceof EventLoopServer, server.getClass().getName());
        assertTrue(server.config().describe().contains("Vert.x"), server.config().describe());
    }

    @Test
    void aJdbcPathOrSourceIsRefusedWithOneLine() {
        TaskbenchException a = assertThrows(TaskbenchException.class,
                () -> config().withPath(WritePath.jooq));
        assertTrue(a.getMessage().startsWith("threading eventloop writes through the Vert.x reactive client"),
                a.getMessage());
        TaskbenchException b = assertThrows(TaskbenchException.class,
                () -> config().withSource(ConnectionSource.driverManager));
        assertTrue(b.getMessage().contains("leave them at their defaults"), b.getMessage());
        TaskbenchException c = assertThrows(TaskbenchException.class,
                () -> TaskServer.start(TestDatabase.info(), config()));
        assertTrue(c.getMessage().contains("Service.start"), c.getMessage());
    }

    @Test
    void pipelinedAndUnpipelinedBothWriteEveryRow() throws Exception {
        for (String model : new String[] {"eventloop-1", "eventloop-4"}) {
            try (Service s = Service.start(TestDatabase.info(), config().withThreading(model).withPoolSize(2))) {
                assertEquals(model.equals("eventloop-1") ? 1 : 4, s.config().pipelining());
                String m = marker();
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    all.add(HTTP.sendAsync(java.net.http.HttpRequest.newBuilder(s.uri().resolve("/api/tasks"))
                            .header("Content-Type", TaskHandler.FORM)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form("title", m + " " + i,
                                    "description", "d")))
                            .build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(m + " " + i, row(createdId(all.get(i).get()))[0], model);
                }
                assertEquals(40, rowsTitled(m + " "), model);
            }
        }
    }
}
