package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.server.Poster;
import dev.taskbench.server.TaskServer;
import dev.taskbench.write.WritePath;
import java.time.Duration;

/**
 * What {@code jmh:seed} was asked, read once from {@code -D} settings and the environment; every
 * bad value is a one-line error naming the setting.
 *
 * @param writes form POSTs in the write round, a multiple of {@code users} ({@code -Dtaskbench.seed.writes=10000})
 * @param users users at once, each on its own kept-alive connection ({@code .users=10})
 * @param warmup at least this many unmeasured writes before the round, 0 for a cold server ({@code .warmup=20000})
 * @param warmupSeconds the most the warmup goes on waiting for a quiet JIT ({@code .warmupSeconds=60})
 * @param cpu requests per CPU variant, 0 skips ({@code .cpu=1000}; 5000 is the seed's)
 * @param client the load's HTTP client ({@code .client=raw|jdk})
 * @param layers whether to time each layer of a request ({@code .layers=true})
 * @param ceilingSeconds each pgbench run's length, 0 skips ({@code -Dtaskbench.ceiling.seconds=5})
 * @param server the in-process server, from the same settings as {@code jmh:serve}'s (any free port by default)
 */
public record SeedSettings(int writes, int users, int warmup, int warmupSeconds, int cpu, Poster.Kind client,
        boolean layers, int ceilingSeconds, TaskServer.Config server) {
    static final String PREFIX = "taskbench.seed.";
    public static final String WRITES = PREFIX + "writes";
    public static final String USERS = PREFIX + "users";
    public static final String WARMUP = PREFIX + "warmup";
    public static final String WARMUP_SECONDS = PREFIX + "warmupSeconds";
    public static final String CPU = PREFIX + "cpu";
    public static final String CLIENT = PREFIX + "client";
    public static final String LAYERS = PREFIX + "layers";
    public static final String CEILING_SECONDS = "taskbench.ceiling.seconds";
    /** The server's settings: the same names {@code jmh:serve} reads (the port from no environment variable). */
    static final String PORT = "taskbench.port";
    static final String HOST = "taskbench.server.host";
    static final String PATH = "taskbench.server.path";
    static final String SOURCE = "taskbench.server.source";
    static final String POOL = "taskbench.server.pool";
    static final String ACQUIRE_TIMEOUT = "taskbench.server.acquireTimeoutMs";
    static final String THREADING = "taskbench.server.threading";
    static final String REQUEST_TIMEOUT = "taskbench.server.requestTimeoutMs";
    static final String MAX_CONNECTIONS = "taskbench.server.maxConnections";
    static final String IDLE_TIMEOUT = "taskbench.server.idleTimeoutMs";
    static final String MIN_BODY_RATE = "taskbench.server.minBodyBytesPerSecond";
    private static final int MAX = Integer.MAX_VALUE;

    public SeedSettings {
        if (writes < users || writes % users != 0) {
            throw new TaskbenchException("-D" + WRITES + " must be a positive multiple of -D" + USERS + " (" + writes
                    + " / " + users + ")");
        }
    }

    public static SeedSettings from(Settings s) {
        return new SeedSettings(s.integer(WRITES, null, 10_000, 1, MAX), s.integer(USERS, null, 10, 1, MAX),
                s.integer(WARMUP, null, 20_000, 0, MAX), s.integer(WARMUP_SECONDS, null, 60, 0, MAX),
                s.integer(CPU, null, 1000, 0, MAX), s.choice(CLIENT, null, Poster.Kind.class, Poster.Kind.raw),
                s.flag(LAYERS, null, true), s.integer(CEILING_SECONDS, null, 5, 0, MAX), server(s));
    }

    /** {@link TaskServer.Config#defaults()} (a free port) with the server settings given. */
    static TaskServer.Config server(Settings s) {
        TaskServer.Config d = TaskServer.Config.defaults();
        WritePath path = s.choice(PATH, null, WritePath.class, d.path());
        if (!path.insertsOneWithId()) {
            throw Settings.bad(PATH, s.get(PATH, null), "one of " + TaskServer.Config.singleRowPaths()
                    + " (the others write batches)");
        }
        Duration acquire = Duration.ofMillis(s.longValue(ACQUIRE_TIMEOUT, null, d.acquireTimeout().toMillis(), 1,
                Long.MAX_VALUE / 2));
        return new TaskServer.Config(s.string(HOST, null, d.host()), s.integer(PORT, null, d.port(), 0, 65_535),
                path, s.choice(SOURCE, null, ConnectionSource.class, d.source()),
                s.integer(POOL, null, d.poolSize(), 1, 10_000), acquire,
                TaskServer.Threading.selector, 0, limits(s, acquire)).withThreading(threading(s));
    }

    /** {@code -Dtaskbench.server.threading}, one line when it is none of {@link TaskServer.Threading#TAKES}. */
    static String threading(Settings s) {
        String spec = s.string(THREADING, null, TaskServer.Threading.selector.name());
        if (!TaskServer.Threading.valid(spec)) {
            throw Settings.bad(THREADING, spec, TaskServer.Threading.TAKES);
        }
        return spec;
    }

    /** The request timeout must leave the database at least {@link TaskServer.Config#MIN_DATABASE_BUDGET}. */
    static TaskServer.Limits limits(Settings s, Duration acquire) {
        TaskServer.Limits d = TaskServer.Limits.DEFAULTS;
        long least = acquire.plus(TaskServer.Config.MIN_DATABASE_BUDGET).toMillis();
        long request = s.longValue(REQUEST_TIMEOUT, null, d.requestTimeout().toMillis(), 1, Long.MAX_VALUE);
        if (request < least) {
            throw Settings.bad(REQUEST_TIMEOUT, Long.toString(request), "a whole number of ms from " + least
                    + " (-D" + ACQUIRE_TIMEOUT + " + " + TaskServer.Config.MIN_DATABASE_BUDGET.toMillis() + ")");
        }
        return new TaskServer.Limits(Duration.ofMillis(request),
                s.integer(MAX_CONNECTIONS, null, d.maxConnections(), 1, 1_000_000),
                Duration.ofMillis(s.longValue(IDLE_TIMEOUT, null, d.idleTimeout().toMillis(), 1, Long.MAX_VALUE)),
                s.longValue(MIN_BODY_RATE, null, d.minBodyBytesPerSecond(), 0, Long.MAX_VALUE));
    }
}
