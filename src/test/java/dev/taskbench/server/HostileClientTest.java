package dev.taskbench.server;

import static dev.taskbench.server.TaskServerTest.form;
import static dev.taskbench.server.TaskServerTest.marker;
import static dev.taskbench.server.TaskServerTest.row;
import static dev.taskbench.server.TaskServerTest.rowsTitled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients that are slow, wrong or many, on raw sockets: a body at one byte a second is cut off
 * while other users are served, declared lengths are not allocated up front, pipelined requests
 * get their answers in order, a wrong Content-Length ends in a 400 or a closed connection (never
 * a hang, never a row that was not the declared body), idle connections are closed and no more
 * than the limit are served at once.
 */
class HostileClientTest {
    static final Duration SHORT_IDLE = Duration.ofMillis(1000);

    static TaskServer start(ServerConfig config) {
        return TaskServer.start(TestDatabase.info(), config.withStopGrace(TaskServerTest.STOP_GRACE));
    }

    static Socket open(URI uri) throws IOException {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return s;
    }

    static byte[] head(String path, long contentLength) {
        return ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + TaskHandler.FORM + "\r\nContent-Length: "
                + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The Jetty threading models as users type them; {@code virtual}'s cases are HostileClientVirtualTest. */
    static List<String> models() {
        return List.of("selector", "dispatch", "platform-2");
    }

    static byte[] request(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] h = head("/api/tasks", b.length);
        byte[] r = new byte[h.length + b.length];
        System.arraycopy(h, 0, r, 0, h.length);
        System.arraycopy(b, 0, r, h.length, b.length);
        return r;
    }

    /** One answer: status and body, or status -1 when the server closed the connection first. */
    record Answer(int status, String body, String head) {
        boolean closes() {
            return head.toLowerCase(Locale.ROOT).contains("connection: close");
        }
    }

    static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketException e) {
            return new Answer(-1, "", "reset");
        }
        String h = head.toString(StandardCharsets.US_ASCII);
        if (!h.endsWith("\r\n\r\n")) {
            return new Answer(-1, "", h);
        }
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(h.substring(9, 12)), body, h);
    }

    /** Reads until the server closes: true if it did within the socket's timeout. */
    static boolean closedByServer(Socket s) throws IOException {
        try {
            while (s.getInputStream().read() >= 0) {
                // an answer before the close is fine
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aBodyAtOneByteASecondIsCutOffWhileOthersAreServed(String threading) throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(2).withThreading(threading));
             Socket slow = open(server.uri()); Poster user = new RawClient(server.uri())) {
            String m = marker();
            slow.getOutputStream().write(head("/api/tasks", 1000));
            AtomicBoolean cut = new AtomicBoolean();
            Thread dripper = new Thread(() -> {
                try {
                    for (int i = 0; i < 30 && !cut.get(); i++) {
                        slow.getOutputStream().write('t');
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            long t0 = System.nanoTime();
            slow.setSoTimeout(8_000);
            CompletableFuture<Answer> slowAnswer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readAnswer(slow.getInputStream());
                } catch (IOException e) {
                    return new Answer(-1, "", e.toString());
                }
            });
            // real users keep posting until the slow body is cut: bytes they send must not pass for its rate
            int posted = 0;
            while (!slowAnswer.isDone() && System.nanoTime() - t0 < 8_000_000_000L) {
                long r0 = System.nanoTime();
                Poster.Reply r = user.post("/api/tasks", form("title", m, "description", "d" + posted)
                        .getBytes(StandardCharsets.UTF_8));
                assertEquals("d" + posted, row(r.number("id"))[1]);
                assertTrue(System.nanoTime() - r0 < 1_000_000_000L, "a real user is not held up");
                posted++;
                Thread.sleep(10);
            }
            Answer a = slowAnswer.get(9, TimeUnit.SECONDS);
            cut.set(true);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(a.status() == 408 || a.status() == -1, a.toString());
            assertTrue(millis < 8_000, "cut off after " + millis + " ms");
            assertTrue(closedByServer(slow), "and its connection closed");
            assertEquals(posted, rowsTitled(m));
        }
    }

    /** 50 clients each declaring 2 MiB and sending 6 bytes hold kilobytes, not 100 MiB. */
    @Test
    void declaredLengthsAreNotAllocatedUpFront() throws Exception {
        long declared = 2L << 20;
        int clients = 50;
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(2))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                long before = usedHeapAfterGc();
                for (int i = 0; i < clients; i++) {
                    Socket s = open(server.uri());
                    sockets.add(s);
                    byte[] h = head("/api/tasks", declared);
                    byte[] start = "title=".getBytes(StandardCharsets.US_ASCII);
                    byte[] both = new byte[h.length + start.length];
                    System.arraycopy(h, 0, both, 0, h.length);
                    System.arraycopy(start, 0, both, h.length, start.length);
                    s.getOutputStream().write(both);
                }
                Thread.sleep(1000); // every request read and waiting for the rest of its body
                long held = usedHeapAfterGc() - before;
                assertTrue(held < 20L << 20, clients + " slow clients declaring " + declared + " bytes hold "
                        + (held >> 10) + " KiB of heap");
                Thread.sleep(50); // one window for all: an answer or a close would have arrived in it
                for (Socket s : sockets) {
                    s.setSoTimeout(1);
                    try {
                        assertEquals(-1, s.getInputStream().read(), "not answered, not closed: still held");
                    } catch (SocketTimeoutException e) {
                        // still waiting for the body: held, as the measurement assumed
                    }
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @ParameterizedTest
    @MethodSource("models")
    void pipelinedRequestsGetTheirAnswersInOrder(String threading) throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(2).withThreading(threading));
             Socket s = open(server.uri())) {
            String m = marker();
            byte[] first = request(form("title", m + "-1", "description", "first"));
            byte[] second = request(form("title", m + "-2", "description", "second"));
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            s.getOutputStream().write(both);
            Answer a1 = readAnswer(s.getInputStream());
            Answer a2 = readAnswer(s.getInputStream());
            assertEquals(201, a1.status(), a1.toString());
            assertEquals(201, a2.status(), a2.toString());
            assertArrayEquals(new String[] {m + "-1", "first"}, row(new Poster.Reply(201, a1.body()).number("id")));
            assertArrayEquals(new String[] {m + "-2", "second"}, row(new Poster.Reply(201, a2.body()).number("id")));
        }
    }

    /**
     * A Content-Length longer than the body: the client that stops sending is cut off by the idle
     * timeout, the one that closes its side gets a 400 or a close; neither writes a row.
     */
    @Test
    void aContentLengthLongerThanTheBodyNeverHangsNorWrites() throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(2)
                .withLimits(ServerLimits.DEFAULTS.withIdleTimeout(SHORT_IDLE)))) {
            String m = marker();
            byte[] body = form("title", m, "description", "d").getBytes(StandardCharsets.UTF_8);
            for (boolean halfClose : new boolean[] {false, true}) {
                try (Socket s = open(server.uri())) {
                    s.setSoTimeout((int) SHORT_IDLE.toMillis() * 4);
                    s.getOutputStream().write(head("/api/tasks", body.length + 100));
                    s.getOutputStream().write(body);
                    if (halfClose) {
                        s.shutdownOutput();
                    }
                    long t0 = System.nanoTime();
                    Answer a = readAnswer(s.getInputStream());
                    assertTrue(a.status() == 400 || a.status() == 408 || a.status() == -1, a.toString());
                    assertTrue(closedByServer(s), "closed, half-close " + halfClose);
                    assertTrue(System.nanoTime() - t0 < SHORT_IDLE.toNanos() * 3, "within the idle timeout");
                }
            }
            assertEquals(0, rowsTitled(m));
        }
    }

    /**
     * A Content-Length shorter than the body: HTTP/1.1 frames the body by it, so the declared
     * bytes are the request (400 when they are not a whole form, else their row, exactly), and
     * what follows is a malformed next request: 400 or closed, never a hang or a second row.
     */
    @Test
    void aContentLengthShorterThanTheBodyIsFramedByItAndTheRestRefused() throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(2)
                .withLimits(ServerLimits.DEFAULTS.withIdleTimeout(SHORT_IDLE)))) {
            String m = marker();
            String cutInTitle = "title=" + m;
            String full = form("title", m, "description", "abcdef");
            String cutInDescription = full.substring(0, full.length() - 3);
            for (String declared : new String[] {cutInTitle, cutInDescription}) {
                try (Socket s = open(server.uri())) {
                    s.setSoTimeout((int) SHORT_IDLE.toMillis() * 4);
                    byte[] h = head("/api/tasks", declared.length());
                    s.getOutputStream().write(h);
                    s.getOutputStream().write(full.getBytes(StandardCharsets.UTF_8));
                    long t0 = System.nanoTime();
                    Answer a = readAnswer(s.getInputStream());
                    if (declared == cutInTitle) {
                        assertEquals(400, a.status(), a.toString());
                    } else {
                        assertEquals(201, a.status(), a.toString());
                        assertArrayEquals(new String[] {m, "abc"}, row(new Poster.Reply(201, a.body()).number("id")),
                                "the declared bytes, exactly");
                    }
                    Answer rest = readAnswer(s.getInputStream());
                    assertTrue(rest.status() == 400 || rest.status() == -1, rest.toString());
                    assertTrue(closedByServer(s), "closed");
                    assertTrue(System.nanoTime() - t0 < SHORT_IDLE.toNanos() * 3, "within the idle timeout");
                }
            }
            assertEquals(1, rowsTitled(m));
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(1)
                .withLimits(ServerLimits.DEFAULTS.withIdleTimeout(SHORT_IDLE)));
             Socket s = open(server.uri())) {
            s.setSoTimeout((int) SHORT_IDLE.toMillis() * 4);
            long t0 = System.nanoTime();
            assertTrue(closedByServer(s));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= SHORT_IDLE.toMillis() / 2, "closed after " + millis + " ms");
        }
    }

    /** At the limit no more connections are served; one closing lets the next in. */
    @Test
    void noMoreConnectionsThanTheLimitAreServed() throws Exception {
        try (TaskServer server = start(ServerConfig.defaults().withPoolSize(1)
                .withLimits(ServerLimits.DEFAULTS.withMaxConnections(2)));
             Socket a = open(server.uri()); Socket b = open(server.uri()); Poster third = new RawClient(server.uri())) {
            String m = marker();
            byte[] body = form("title", m, "description", "d").getBytes(StandardCharsets.UTF_8);
            a.getOutputStream().write(request(form("title", m + "-a", "description", "d")));
            assertEquals(201, readAnswer(a.getInputStream()).status());
            CompletableFuture<Poster.Reply> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return third.post("/api/tasks", body);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                waiting.get(500, TimeUnit.MILLISECONDS); // served, it would answer in a few ms
                throw new AssertionError("a third connection was served beyond the limit of 2");
            } catch (TimeoutException e) {
                // held back, as it should be
            }
            assertFalse(waiting.isDone());
            b.close();
            Poster.Reply r = waiting.get(5, TimeUnit.SECONDS);
            assertEquals(m, row(r.number("id"))[0]);
        }
    }
}
