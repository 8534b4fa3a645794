package dev.taskbench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The leanest HTTP/1.1 client that is still honest: one kept-alive socket ({@code TCP_NODELAY}),
 * each request written with one {@code write}, the answer read into one reused buffer (usually
 * one {@code read}) and its status line and headers parsed in place, the body taken by its
 * {@code Content-Length} (the server always sends one). It reconnects when the server closes
 * the connection. What {@code ab -k} or {@code wrk} do, in-process; one per user. Client,
 * server and PostgreSQL share two cores here, so whatever this costs per request is taken
 * from the server.
 */
public final class RawClient implements Poster {
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** The request head up to the Content-Length value, for {@link #headPath}. */
    private byte[] head;
    private String headPath;
    private byte[] request = new byte[512];
    /** Answer bytes read: {@code [0, filled)}; bytes past one answer stay for the next. */
    private byte[] answer = new byte[8192];
    private int filled;

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
        in = s.getInputStream();
        out = s.getOutputStream();
        filled = 0;
    }

    private int compose(String path, byte[] body) {
        if (!path.equals(headPath)) {
            String start = "POST " + path + " HTTP/1.1\r\nHost: ";
            String rest = "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ";
            byte[] h = new byte[start.length() + hostHeader.length + rest.length()];
            int i = ascii(start, h, 0);
            System.arraycopy(hostHeader, 0, h, i, hostHeader.length);
            ascii(rest, h, i + hostHeader.length);
            head = h;
            headPath = path;
        }
        int n = head.length + 10 + 4 + body.length;
        if (request.length < n) {
            request = new byte[Math.max(n, request.length * 2)];
        }
        System.arraycopy(head, 0, request, 0, head.length);
        int i = decimal(body.length, request, head.length);
        request[i++] = '\r';
        request[i++] = '\n';
        request[i++] = '\r';
        request[i++] = '\n';
        System.arraycopy(body, 0, request, i, body.length);
        return i + body.length;
    }

    private static int ascii(String s, byte[] to, int at) {
        for (int k = 0; k < s.length(); k++) {
            to[at + k] = (byte) s.charAt(k);
        }
        return at + s.length();
    }

    private static int decimal(int v, byte[] to, int at) {
        int digits = 1;
        for (int x = v; x >= 10; x /= 10) {
            digits++;
        }
        for (int k = at + digits - 1; k >= at; k--) {
            to[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    private Reply read() throws IOException {
        int end;
        while ((end = headEnd()) < 0) {
            if (filled == answer.length) {
                if (answer.length >= 64 * 1024) {
                    throw new IOException("answer headers over 64 KiB");
                }
                answer = Arrays.copyOf(answer, answer.length * 2);
            }
            fill();
        }
        if (end < 12 || !startsWith(0, "HTTP/1.") || !digit(9) || !digit(10) || !digit(11)) {
            throw new IOException("not an HTTP/1.x status line: "
                    + new String(answer, 0, Math.min(end, 40), StandardCharsets.ISO_8859_1).strip());
        }
        int code = (answer[9] - '0') * 100 + (answer[10] - '0') * 10 + (answer[11] - '0');
        boolean close = answer[7] == '0';
        long length = -1;
        int line = lineEnd(0) + 2;
        while (line < end - 2) {
            int eol = lineEnd(line);
            int colon = indexOf(':', line, eol);
            if (colon > 0) {
                int v = skipSpaces(colon + 1, eol);
                if (nameIs(CONTENT_LENGTH, line, colon)) {
                    length = parseLength(v, eol);
                } else if (nameIs(CONNECTION, line, colon)) {
                    close = nameIs(CLOSE, v, trimEnd(v, eol));
                } else if (nameIs(TRANSFER_ENCODING, line, colon)) {
                    throw new IOException("chunked answers are not supported by this client");
                }
            }
            line = eol + 2;
        }
        String body;
        if (length >= 0) {
            if (length > Integer.MAX_VALUE - end) {
                throw new IOException("answer body too large: " + length);
            }
            int total = end + (int) length;
            if (answer.length < total) {
                answer = Arrays.copyOf(answer, total);
            }
            while (filled < total) {
                fill();
            }
            body = new String(answer, end, (int) length, StandardCharsets.UTF_8);
            System.arraycopy(answer, total, answer, 0, filled - total);
            filled -= total;
        } else {
            byte[] rest = in.readAllBytes();
            body = new String(answer, end, filled - end, StandardCharsets.UTF_8)
                    + new String(rest, StandardCharsets.UTF_8);
            filled = 0;
            close = true;
        }
        if (close) {
            close();
        }
        return new Reply(code, body);
    }

    private void fill() throws IOException {
        int n = in.read(answer, filled, answer.length - filled);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        filled += n;
    }

    /** The index just past the blank line ending the head, or -1 if it has not all arrived. */
    private int headEnd() {
        for (int i = 3; i < filled; i++) {
            if (answer[i] == '\n' && answer[i - 1] == '\r' && answer[i - 2] == '\n' && answer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private int lineEnd(int from) {
        int i = from;
        while (!(answer[i] == '\r' && answer[i + 1] == '\n')) {
            i++;
        }
        return i;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (answer[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int to) {
        int i = from;
        while (i < to && (answer[i] == ' ' || answer[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int trimEnd(int from, int to) {
        int i = to;
        while (i > from && (answer[i - 1] == ' ' || answer[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    /** {@code [from, to)} equals {@code lower} ignoring ASCII case. */
    private boolean nameIs(byte[] lower, int from, int to) {
        if (to - from != lower.length) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            int b = answer[from + k];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean digit(int at) {
        return answer[at] >= '0' && answer[at] <= '9';
    }

    private boolean startsWith(int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (answer[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private long parseLength(int from, int to) throws IOException {
        int e = trimEnd(from, to);
        if (e == from || e - from > 18) {
            throw new IOException("bad Content-Length");
        }
        long v = 0;
        for (int i = from; i < e; i++) {
            int d = answer[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("bad Content-Length");
            }
            v = v * 10 + d;
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        Socket s = socket;
        socket = null;
        filled = 0;
        if (s != null) {
            s.close();
        }
    }
}
