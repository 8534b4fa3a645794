package dev.taskbench.load;

import java.io.IOException;

/**
 * One user's HTTP client in the seed's load: sends a form POST and waits for the answer (closed
 * loop), over a connection it keeps alive. Not thread-safe unless the implementation says so;
 * one per user.
 */
public interface Poster extends AutoCloseable {

    /** POSTs {@code body} as {@code application/x-www-form-urlencoded} to {@code path} ("/api/tasks"). */
    Reply post(String path, byte[] body) throws IOException;

    @Override
    void close() throws IOException;

    /** Status and body of an answer. */
    record Reply(int status, String body) {
        /** The number after {@code "key":} in a flat JSON object, or -1. */
        public long number(String key) {
            String k = "\"" + key + "\":";
            int i = body.indexOf(k);
            if (i < 0) {
                return -1;
            }
            int start = i + k.length();
            int end = start;
            while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == '-')) {
                end++;
            }
            return end == start ? -1 : Long.parseLong(body.substring(start, end));
        }
    }

    /** The clients the load can use. */
    enum Kind {
        /** {@link RawClient}: a socket, one write per request, a minimal response reader. */
        raw,
        /** {@link JdkClient}: {@code java.net.http.HttpClient}, HTTP/1.1, one client shared by all users. */
        jdk
    }
}
