package dev.taskbench.server;

import dev.taskbench.TaskbenchException;
import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * What bounds a request and the clients, each with a default users get unless they say.
 *
 * @param requestTimeout the longest a request waits on the database before it is answered 503:
 *        the pool's acquire timeout, then the rest ({@link ServerConfig#databaseBudget()}) as
 *        pgjdbc's {@code socketTimeout} and, a little sooner, PostgreSQL's
 *        {@code statement_timeout} and {@code lock_timeout}
 * @param maxConnections HTTP connections at once (Jetty's {@link NetworkConnectionLimit}:
 *        beyond it no more are accepted, they wait in the listen backlog)
 * @param idleTimeout how long a connection may send nothing, mid-request too (Jetty's idle timeout)
 * @param minBodyBytesPerSecond the slowest a body may arrive, counted per request from the
 *        handler's first wait for it, judged after a second (0 does not check): a slower
 *        client is answered 408 and its connection closed
 */
public record ServerLimits(Duration requestTimeout, int maxConnections, Duration idleTimeout, long minBodyBytesPerSecond) {
    /** 5 s on the database, 1000 connections, 30 s idle (Jetty's default), 240 bytes/s (Kestrel's default floor). */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(5), 1000, Duration.ofSeconds(30), 240);

    public ServerLimits {
        if (maxConnections < 1) {
            throw new TaskbenchException("a server needs at least 1 connection, was " + maxConnections);
        }
        if (idleTimeout.toMillis() < 1 || minBodyBytesPerSecond < 0) {
            throw new TaskbenchException("the idle timeout must be positive and the minimum data rate not negative");
        }
    }

    public ServerLimits withRequestTimeout(Duration d) {
        return new ServerLimits(d, maxConnections, idleTimeout, minBodyBytesPerSecond);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(requestTimeout, n, idleTimeout, minBodyBytesPerSecond);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(requestTimeout, maxConnections, d, minBodyBytesPerSecond);
    }

    public ServerLimits withMinBodyBytesPerSecond(long n) {
        return new ServerLimits(requestTimeout, maxConnections, idleTimeout, n);
    }
}
