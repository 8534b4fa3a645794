package dev.taskbench.server;

import dev.taskbench.TaskbenchException;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.VirtualThreads;

/**
 * How the server is started. {@code port} 0 picks a free port; {@code model} says which thread
 * runs a request; {@code stopGrace} is how long a stop lets requests in flight finish, and half
 * of it (at most the idle timeout) how long an idle kept-alive connection may still send one
 * (Jetty's stop timeout and shutdown idle timeout). Not a user setting: tests shorten it.
 */
public record ServerConfig(String host, int port, WritePath path, ConnectionSource source, int poolSize,
        Duration acquireTimeout, ThreadingModel model, ServerLimits limits, Duration stopGrace) {
    /** The least a request timeout leaves the database after the acquire timeout (pgjdbc counts whole seconds). */
    public static final Duration MIN_DATABASE_BUDGET = Duration.ofSeconds(1);
    /** 2 s for requests in flight, 1 s of it for idle connections (Jetty's shutdown idle timeout). */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

    /** With the default stop grace. */
    public ServerConfig(String host, int port, WritePath path, ConnectionSource source, int poolSize,
            Duration acquireTimeout, ThreadingModel model, ServerLimits limits) {
        this(host, port, path, source, poolSize, acquireTimeout, model, limits, DEFAULT_STOP_GRACE);
    }

    public ServerConfig {
        if (stopGrace.toMillis() < 2) {
            throw new TaskbenchException("the stop grace must be at least 2 ms, was " + stopGrace.toMillis() + " ms");
        }
        if (!path.insertsOneWithId()) {
            throw new TaskbenchException("write path " + path + " writes batches; a server needs one of "
                    + singleRowPaths());
        }
        if (poolSize < 1) {
            throw new TaskbenchException("a server needs a pool of at least 1 connection, was " + poolSize);
        }
        Threading threading = model.kind();
        if (threading == Threading.eventloop && (path != WritePath.jdbcPrepared || !source.pooled())) {
            throw new TaskbenchException("threading eventloop writes through the Vert.x reactive client on its own "
                    + poolSize + " connections: the write path and connection source (" + path + ", " + source
                    + ") are JDBC's, leave them at their defaults");
        }
        if (threading == Threading.virtual && !VirtualThreads.areSupported()) {
            throw new TaskbenchException("threading virtual needs virtual threads (JDK 21 and later), this JVM is "
                    + Runtime.version().feature() + ": run it under the flag set jdk25 (-Dtaskbench.flagsets=jdk25)");
        }
        if (limits.requestTimeout().minus(acquireTimeout).compareTo(MIN_DATABASE_BUDGET) < 0) {
            throw new TaskbenchException("the request timeout (" + limits.requestTimeout().toMillis()
                    + " ms) must be at least the acquire timeout (" + acquireTimeout.toMillis() + " ms) + "
                    + MIN_DATABASE_BUDGET.toMillis() + " ms");
        }
    }

    /**
     * Loopback, a free port, JDBC prepared on a HikariCP pool of 10 (the seed's 10 users), 1 s to
     * get a connection, requests run on their selector thread, {@link ServerLimits#DEFAULTS}.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 0, WritePath.jdbcPrepared, ConnectionSource.hikari, 10,
                Duration.ofSeconds(1), ThreadingModel.of(Threading.selector), ServerLimits.DEFAULTS);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, path, source, poolSize, acquireTimeout, model, limits, stopGrace);
    }

    public ServerConfig withPath(WritePath p) {
        return new ServerConfig(host, port, p, source, poolSize, acquireTimeout, model, limits, stopGrace);
    }

    public ServerConfig withSource(ConnectionSource s) {
        return new ServerConfig(host, port, path, s, poolSize, acquireTimeout, model, limits, stopGrace);
    }

    public ServerConfig withPoolSize(int n) {
        return new ServerConfig(host, port, path, source, n, acquireTimeout, model, limits, stopGrace);
    }

    public ServerConfig withAcquireTimeout(Duration d) {
        return new ServerConfig(host, port, path, source, poolSize, d, model, limits, stopGrace);
    }

    /** {@code platform-N}, {@code selector}, ... as users type it ({@link ThreadingModel#parse}). */
    public ServerConfig withThreading(String spec) {
        return withThreading(ThreadingModel.parse(spec));
    }

    /** {@code t} with no number ({@link ThreadingModel#of}): {@code eventloop} at the client's pipelining. */
    public ServerConfig withThreading(Threading t) {
        return withThreading(ThreadingModel.of(t));
    }

    public ServerConfig withThreading(ThreadingModel m) {
        return new ServerConfig(host, port, path, source, poolSize, acquireTimeout, m, limits, stopGrace);
    }

    public ServerConfig withLimits(ServerLimits l) {
        return new ServerConfig(host, port, path, source, poolSize, acquireTimeout, model, l, stopGrace);
    }

    public ServerConfig withStopGrace(Duration d) {
        return new ServerConfig(host, port, path, source, poolSize, acquireTimeout, model, limits, d);
    }

    /** What the request timeout leaves for the statement once a connection is in hand. */
    public Duration databaseBudget() {
        return limits.requestTimeout().minus(acquireTimeout);
    }

    /** The write paths a server can use, as users type them: {@code jdbcPrepared, jooq, ...}. */
    public static String singleRowPaths() {
        return Arrays.stream(WritePath.values()).filter(WritePath::insertsOneWithId).map(WritePath::name)
                .collect(Collectors.joining(", "));
    }

    public String describe() {
        if (threading() == Threading.eventloop) {
            return "the Vert.x reactive client's prepared insert on " + poolSize + " connections, requests on "
                    + EventLoopServer.loops() + " Vert.x event loops, pipelining " + (pipelining() == 1 ? "off"
                            : "up to " + pipelining() + " per connection")
                    + ", 503 after " + limits.requestTimeout().toMillis() + " ms on the database";
        }
        return "path " + path + ", source " + source.name().toLowerCase(java.util.Locale.ROOT)
                + (source.pooled() ? " (pool " + poolSize + ")" : " (a new connection per request)")
                + ", " + switch (threading()) {
                    case selector -> "requests on " + selectors() + " selector threads";
                    case dispatch -> "requests dispatched to pool threads";
                    case platform -> "requests on " + workers() + " blocking workers (platform-" + workers() + ")";
                    case virtual -> "one virtual thread per request";
                    case eventloop -> throw new IllegalStateException("described above");
                }
                + ", 503 after " + limits.requestTimeout().toMillis() + " ms on the database";
    }

    /** Which thread runs a request. */
    public Threading threading() {
        return model.kind();
    }

    /** {@code platform}'s blocking workers, N of {@code platform-N}; 0 under the other models. */
    public int workers() {
        return model.workers();
    }

    /** {@code eventloop}'s statements in flight per connection: P of {@code eventloop-P}, else the client's default. */
    public int pipelining() {
        return model.pipelining() > 0 ? model.pipelining()
                : dev.taskbench.write.ReactiveTasks.CLIENT_DEFAULT_PIPELINING;
    }

    /** Selector threads: one per pooled connection when requests run on them, else Jetty's choice. */
    int selectors() {
        return threading() == Threading.selector ? poolSize : -1;
    }
}
