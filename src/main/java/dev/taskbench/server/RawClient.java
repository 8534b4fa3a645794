package dev.taskbench.server;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The leanest HTTP/1.1 client that is still honest: one kept-alive socket ({@code TCP_NODELAY}),
 * each request written with one {@code write}, the status line and headers parsed by hand, the
 * body read by its {@code Content-Length} (the server always sends one). It reconnects when the
 * server closes the connection. What {@code ab -k} or {@code wrk} do, in-process; one per user.
 */
public final class RawClient implements Poster {
    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] request = new byte[512];
    private final StringBuilder line = new StringBuilder(64);

    public RawClient(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
        this.hostHeader = (host + ":" + port).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Reply post(String path, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        int n = compose(path, body);
        try {
            out.write(request, 0, n);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = s.getOutputStream();
    }

    private int compose(String path, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: ";
        String rest = "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        int n = head.length() + hostHeader.length + rest.length() + body.length;
        if (request.length < n) {
            request = new byte[Math.max(n, request.length * 2)];
        }
        int i = ascii(head, 0);
        System.arraycopy(hostHeader, 0, request, i, hostHeader.length);
        i = ascii(rest, i + hostHeader.length);
        System.arraycopy(body, 0, request, i, body.length);
        return i + body.length;
    }

    private int ascii(String s, int at) {
        for (int k = 0; k < s.length(); k++) {
            request[at + k] = (byte) s.charAt(k);
        }
        return at + s.length();
    }

    private Reply read() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean close = status.startsWith("HTTP/1.0");
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("chunked answers are not supported by this client");
            }
        }
        String body;
        if (length >= 0) {
            body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            close = true;
        }
        if (close) {
            close();
        }
        return new Reply(code, body);
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }
}
