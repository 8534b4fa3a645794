package dev.taskbench.write;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The driver and session settings a write benchmark varies, all in the one JDBC URL that every
 * path's connections come from (pool, fresh connections, jOOQ and Hibernate alike). Each is
 * set explicitly, never left to a default: {@code prepareThreshold} (pgjdbc: executions of a
 * PreparedStatement before it becomes a named server-side statement; 0 = never),
 * {@code reWriteBatchedInserts}, and {@code synchronous_commit} per session through the
 * startup {@code options}, so it also holds for a fresh connection and never changes the server.
 */
public record WriteConnections(int prepareThreshold, boolean reWriteBatchedInserts, boolean synchronousCommit) {
    /**
     * application_name of the connections that do the measured writes; the process id keeps a
     * concurrent run of the suite on the same database from passing for ours.
     */
    public static final String APPLICATION_NAME = "taskbench-write-" + ProcessHandle.current().pid();
    /** application_name of the proof-of-work connection (truncate, counts, statistics). */
    public static final String OBSERVER_NAME = "taskbench-observer-" + ProcessHandle.current().pid();

    /**
     * How much sooner than the socket's timeout PostgreSQL's own {@code statement_timeout} and
     * {@code lock_timeout} fire: a statement waiting on a lock then ends in a clean error on a
     * connection that stays usable, and only a database that does not answer at all costs one.
     */
    public static final Duration SERVER_TIMEOUT_LEAD = Duration.ofMillis(250);

    /** pgjdbc's own defaults, with durable commits. */
    public static final WriteConnections DEFAULTS = new WriteConnections(5, false, true);

    public WriteConnections {
        if (prepareThreshold < 0) {
            throw new IllegalArgumentException("prepareThreshold must be >= 0 (0 = never server-prepare)");
        }
    }

    /** {@code base} with these settings; anything else in the URL is kept. */
    public ConnectionInfo apply(ConnectionInfo base) {
        return apply(base, APPLICATION_NAME);
    }

    /** The observer's connection: same server and schema, its own application_name. */
    public static ConnectionInfo observer(ConnectionInfo base) {
        return new ConnectionInfo(withParam(base.url(), "ApplicationName", OBSERVER_NAME), base.user(),
                base.password());
    }

    private ConnectionInfo apply(ConnectionInfo base, String applicationName) {
        String url = JdbcUrls.withSslDefault(base.url());
        url = withParam(url, "prepareThreshold", Integer.toString(prepareThreshold));
        url = withParam(url, "reWriteBatchedInserts", Boolean.toString(reWriteBatchedInserts));
        url = withParam(url, "ApplicationName", applicationName);
        url = withOption(url, "-c synchronous_commit=" + (synchronousCommit ? "on" : "off"));
        return new ConnectionInfo(url, base.user(), base.password());
    }

    /**
     * {@code base} with every wait on the database bounded, per connection and fresh connections
     * alike. Opening a connection is part of getting one: pgjdbc's {@code connectTimeout} and
     * {@code loginTimeout} (the whole log-in, however many attempts the driver makes) are
     * {@code acquire} (whole seconds, rounded up), so a pool that opens connections on the
     * borrower's thread (dbcp2, Agroal) cannot hold a request for a log-in that does not answer.
     * Then the statement: {@code socketTimeout} is {@code budget} (whole seconds, rounded down, at
     * least 1; a read that times out closes the connection, so a pool drops it) and PostgreSQL's
     * {@code statement_timeout} and {@code lock_timeout} fire {@link #SERVER_TIMEOUT_LEAD} sooner,
     * in the startup {@code options}.
     */
    public static ConnectionInfo bounded(ConnectionInfo base, Duration acquire, Duration budget) {
        return bounded(base, acquire, budget, true);
    }

    /**
     * {@link #bounded(ConnectionInfo, Duration, Duration)}, without {@code socketTimeout} when
     * {@code readTimeout} is false: for a caller that bounds its reads another way (on a virtual
     * thread a read with a timeout arms a timer in the scheduler each time).
     */
    public static ConnectionInfo bounded(ConnectionInfo base, Duration acquire, Duration budget, boolean readTimeout) {
        long loginSeconds = Math.max(1, (acquire.toMillis() + 999) / 1000);
        long socketSeconds = socketTimeoutSeconds(budget);
        long serverMillis = serverTimeoutMillis(budget);
        String url = withParam(base.url(), "connectTimeout", Long.toString(loginSeconds));
        url = withParam(url, "loginTimeout", Long.toString(loginSeconds));
        if (readTimeout) {
            url = withParam(url, "socketTimeout", Long.toString(socketSeconds));
        }
        url = withOption(url, "-c statement_timeout=" + serverMillis + " -c lock_timeout=" + serverMillis);
        return new ConnectionInfo(url, base.user(), base.password());
    }

    /** pgjdbc's {@code socketTimeout} for a database budget: whole seconds, rounded down, at least 1. */
    public static long socketTimeoutSeconds(Duration budget) {
        return Math.max(1, budget.toSeconds());
    }

    /** {@code statement_timeout} and {@code lock_timeout} for a database budget, in milliseconds. */
    public static long serverTimeoutMillis(Duration budget) {
        return Math.max(1, socketTimeoutSeconds(budget) * 1000 - SERVER_TIMEOUT_LEAD.toMillis());
    }

    /** Appends {@code option} to the URL's startup {@code options}, keeping those it had. */
    private static String withOption(String url, String option) {
        String existing = param(url, "options");
        return withParam(url, "options", encode(existing == null ? option : existing + " " + option));
    }

    /** Sets {@code key=value}, replacing any value the URL had (keys compared case-insensitively). */
    public static String withParam(String url, String key, String value) {
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String> e : JdbcUrls.params(url).entrySet()) {
            if (!e.getKey().equalsIgnoreCase(key)) {
                query.add(e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue());
            }
        }
        query.add(key + "=" + value);
        return head + "?" + query;
    }

    private static String param(String url, String key) {
        for (Map.Entry<String, String> e : JdbcUrls.params(url).entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
