package dev.taskbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * RawClient against a scripted server on loopback (no Jetty): answers split across writes, two
 * answers in one write, header names in any case, {@code Connection: close} and HTTP/1.0, and
 * the requests it sends, byte for byte.
 */
class RawClientTest {

    /** Answers each request on a connection with the next script entry, each entry's parts written apart. */
    static final class Scripted implements AutoCloseable {
        final ServerSocket server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;
        volatile int connections;

        Scripted(List<List<String>> script) throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                int next = 0;
                while (next < script.size()) {
                    try (Socket s = server.accept()) {
                        connections++;
                        s.setTcpNoDelay(true);
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        while (next < script.size()) {
                            String req = readRequest(in);
                            if (req == null) {
                                break;
                            }
                            requests.add(req);
                            List<String> parts = script.get(next++);
                            if (parts.isEmpty()) {
                                continue; // answered together with the next one
                            }
                            for (String part : parts) {
                                out.write(part.getBytes(StandardCharsets.ISO_8859_1));
                                out.flush();
                                Thread.sleep(5);
                            }
                            if (String.join("", parts).toLowerCase(java.util.Locale.ROOT).contains("close")
                                    || String.join("", parts).startsWith("HTTP/1.0")) {
                                break;
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "scripted-server");
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String h = head.toString(StandardCharsets.ISO_8859_1);
                if (h.endsWith("\r\n\r\n")) {
                    int at = h.toLowerCase(java.util.Locale.ROOT).indexOf("content-length: ");
                    int len = Integer.parseInt(h.substring(at + 16, h.indexOf('\r', at)));
                    return h + new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5_000);
        }
    }

    static List<List<String>> script(List<?>... answers) {
        List<List<String>> out = new ArrayList<>();
        for (List<?> a : answers) {
            List<String> parts = new ArrayList<>();
            for (Object o : a) {
                parts.add((String) o);
            }
            out.add(parts);
        }
        return out;
    }

    @Test
    void sendsOneWellFormedRequestAndReadsSplitAnswers() throws Exception {
        try (Scripted s = new Scripted(script(
                List.of("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Len", "gth: 9\r\n\r\n{\"id\":", "42}"),
                List.of("HTTP/1.1 400 Bad Request\r\ncontent-length:  16 \r\n\r\n{\"error\":\"nope\"}")));
             RawClient c = new RawClient(s.uri())) {
            Poster.Reply r = c.post("/api/tasks", "title=a&description=b".getBytes(StandardCharsets.US_ASCII));
            assertEquals(201, r.status());
            assertEquals(42, r.number("id"));
            Poster.Reply bad = c.post("/api/tasks", "x=1".getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, bad.status());
            assertEquals("{\"error\":\"nope\"}", bad.body());
            assertEquals("POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1:" + s.server.getLocalPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 21\r\n\r\n"
                    + "title=a&description=b", s.requests.get(0));
            assertTrue(s.requests.get(1).endsWith("Content-Length: 3\r\n\r\nx=1"), s.requests.get(1));
            assertEquals(1, s.connections);
        }
    }

    @Test
    void keepsBytesPastOneAnswerForTheNext() throws Exception {
        // the first request gets two answers in one write, the second gets none: it must find its own
        try (Scripted s = new Scripted(script(
                List.of("HTTP/1.1 201 Created\r\nContent-Length: 8\r\n\r\n{\"id\":1}HTTP/1.1 201 Created\r\n"
                        + "Content-Length: 8\r\n\r\n{\"id\":2}"),
                List.of(),
                List.of("HTTP/1.1 201 Created\r\nContent-Length: 8\r\n\r\n{\"id\":3}")));
             RawClient c = new RawClient(s.uri())) {
            byte[] body = "title=a&description=b".getBytes(StandardCharsets.US_ASCII);
            assertEquals(1, c.post("/api/tasks", body).number("id"));
            assertEquals(2, c.post("/api/tasks", body).number("id"));
            assertEquals(3, c.post("/api/tasks", body).number("id"));
            assertEquals(1, s.connections);
        }
    }

    @Test
    void closesOnConnectionCloseAndHttp10AndReconnects() throws Exception {
        try (Scripted s = new Scripted(script(
                List.of("HTTP/1.1 201 Created\r\nCONNECTION: Close\r\nContent-Length: 8\r\n\r\n{\"id\":1}"),
                List.of("HTTP/1.0 201 Created\r\nContent-Length: 8\r\n\r\n{\"id\":2}"),
                List.of("HTTP/1.1 201 Created\r\nContent-Length: 8\r\n\r\n{\"id\":3}")));
             RawClient c = new RawClient(s.uri())) {
            byte[] body = "title=a&description=b".getBytes(StandardCharsets.US_ASCII);
            assertEquals(1, c.post("/api/tasks", body).number("id"));
            assertEquals(2, c.post("/api/tasks", body).number("id"));
            assertEquals(3, c.post("/api/tasks", body).number("id"));
            assertEquals(3, s.connections);
        }
    }

    @Test
    void refusesWhatItCannotRead() throws Exception {
        try (Scripted s = new Scripted(script(
                List.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                List.of("SSH-2.0-OpenSSH\r\n\r\n")));
             RawClient c = new RawClient(s.uri())) {
            byte[] body = "a=b".getBytes(StandardCharsets.US_ASCII);
            assertTrue(assertThrows(IOException.class, () -> c.post("/api/tasks", body)).getMessage().contains("chunked"));
            assertTrue(assertThrows(IOException.class, () -> c.post("/api/tasks", body)).getMessage()
                    .contains("not an HTTP/1.x status line"));
        }
    }
}
