package dev.taskbench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java.net.http.HttpClient} forced to HTTP/1.1 (its default would try an h2c upgrade on
 * the first request). The client keeps a pool of alive connections per host; all users share
 * one client, as applications do, and each concurrent request gets its own connection.
 * Thread-safe.
 *
 * <p>The client closes a connection idle for {@value #KEEP_ALIVE_SECONDS} s, before the servers here
 * would (30 s): left to the JDK's default (1,200 s on JDK 17, 30 s on 25) the server closes it first,
 * and a POST handed that connection as it closes fails ("header parser received no bytes"), since
 * the client retries only idempotent requests. The JDK reads this once, as its first client starts;
 * a value the JVM was given ({@code -Djdk.httpclient.keepalive.timeout}) is kept.
 */
public final class JdkClient implements Poster {
    private final HttpClient client;
    private final URI base;
    private final boolean ownsClient;

    public JdkClient(HttpClient shared, URI server) {
        this(shared, server, false);
    }

    private JdkClient(HttpClient client, URI base, boolean owns) {
        this.client = client;
        this.base = base;
        this.ownsClient = owns;
    }

    /** Seconds an idle connection stays in the client's pool: under the servers' idle timeout. */
    public static final int KEEP_ALIVE_SECONDS = 15;
    static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

    public static HttpClient newHttpClient() {
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, String.valueOf(KEEP_ALIVE_SECONDS));
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client of its own (closed with this poster on JDK 21+). */
    public static JdkClient standalone(URI server) {
        return new JdkClient(newHttpClient(), server, true);
    }

    @Override
    public Reply post(String path, byte[] body) throws IOException {
        HttpRequest r = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(resp.statusCode(), resp.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (ownsClient && client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // best effort (JDK 21+ only)
            }
        }
    }
}
