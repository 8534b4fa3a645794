package dev.taskbench.cli;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.ServerLimits;
import dev.taskbench.server.Threading;
import dev.taskbench.server.ThreadingModel;
import dev.taskbench.write.WritePath;
import java.time.Duration;

/**
 * What {@code jmh:serve} was asked, read once: the server's {@link ServerConfig} from
 * {@code -Dtaskbench.port} and {@code -Dtaskbench.server.*} (no environment variable), each bad value a one-line error
 * naming the setting. {@code jmh:seed} reads its in-process server through {@link #server(Settings, int)}
 * too, so the two commands take the same options.
 */
public record ServeSettings(ServerConfig server, boolean nginx) {
    /** The port; only this setting, never an environment variable such as {@code PORT}. */
    public static final String PORT = SettingsCatalogue.PORT.key();
    public static final String HOST = SettingsCatalogue.SERVER_HOST.key();
    public static final String PATH = SettingsCatalogue.SERVER_PATH.key();
    public static final String SOURCE = SettingsCatalogue.SERVER_SOURCE.key();
    public static final String POOL = SettingsCatalogue.SERVER_POOL.key();
    public static final String ACQUIRE_TIMEOUT = SettingsCatalogue.SERVER_ACQUIRE_TIMEOUT.key();
    public static final String THREADING = SettingsCatalogue.SERVER_THREADING.key();
    public static final String REQUEST_TIMEOUT = SettingsCatalogue.SERVER_REQUEST_TIMEOUT.key();
    public static final String MAX_CONNECTIONS = SettingsCatalogue.SERVER_MAX_CONNECTIONS.key();
    public static final String IDLE_TIMEOUT = SettingsCatalogue.SERVER_IDLE_TIMEOUT.key();
    public static final String MIN_BODY_RATE = SettingsCatalogue.SERVER_MIN_BODY_RATE.key();
    /** Whether {@code jmh:serve} also starts Debian's nginx in front of the server, as the seed deployed it. */
    public static final String NGINX = SettingsCatalogue.SERVER_NGINX.key();
    /** Where {@code jmh:serve} listens unless told. */
    public static final int DEFAULT_PORT = 8080;

    public static ServeSettings from(Settings s) {
        return new ServeSettings(server(s, DEFAULT_PORT), s.flag(NGINX, null, false));
    }

    /** {@link ServerConfig#defaults()} with the settings given; {@code defaultPort} (0: any free one) when no port is. */
    public static ServerConfig server(Settings s, int defaultPort) {
        ServerConfig d = ServerConfig.defaults();
        WritePath path = s.choice(PATH, null, WritePath.class, d.path());
        if (!path.insertsOneWithId()) {
            throw Settings.bad(PATH, s.get(PATH, null), "one of " + ServerConfig.singleRowPaths()
                    + " (the others write batches)");
        }
        Duration acquire = Duration.ofMillis(s.longValue(ACQUIRE_TIMEOUT, null, d.acquireTimeout().toMillis(), 1,
                Long.MAX_VALUE / 2));
        return new ServerConfig(s.string(HOST, null, d.host()), s.integer(PORT, null, defaultPort, 0, 65_535),
                path, s.choice(SOURCE, null, ConnectionSource.class, d.source()),
                s.integer(POOL, null, d.poolSize(), 1, 10_000), acquire,
                threading(s), limits(s, acquire));
    }

    /** {@code -Dtaskbench.server.threading}, one line when it is none of {@link Threading#TAKES}. */
    static ThreadingModel threading(Settings s) {
        String spec = s.string(THREADING, null, Threading.selector.name());
        try {
            return ThreadingModel.parse(spec);
        } catch (TaskbenchException e) { // this command's line names the setting
            throw Settings.bad(THREADING, spec, Threading.TAKES);
        }
    }

    /** The request timeout must leave the database at least {@link ServerConfig#MIN_DATABASE_BUDGET}. */
    static ServerLimits limits(Settings s, Duration acquire) {
        ServerLimits d = ServerLimits.DEFAULTS;
        long least = acquire.plus(ServerConfig.MIN_DATABASE_BUDGET).toMillis();
        long request = s.longValue(REQUEST_TIMEOUT, null, d.requestTimeout().toMillis(), 1, Long.MAX_VALUE);
        if (request < least) {
            throw Settings.bad(REQUEST_TIMEOUT, Long.toString(request), "a whole number of ms from " + least
                    + " (-D" + ACQUIRE_TIMEOUT + " + " + ServerConfig.MIN_DATABASE_BUDGET.toMillis() + ")");
        }
        return new ServerLimits(Duration.ofMillis(request),
                s.integer(MAX_CONNECTIONS, null, d.maxConnections(), 1, 1_000_000),
                Duration.ofMillis(s.longValue(IDLE_TIMEOUT, null, d.idleTimeout().toMillis(), 1, Long.MAX_VALUE)),
                s.longValue(MIN_BODY_RATE, null, d.minBodyBytesPerSecond(), 0, Long.MAX_VALUE));
    }
}
