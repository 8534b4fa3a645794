package dev.taskbench.cli;

import dev.taskbench.config.Settings;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.server.TaskServer;
import dev.taskbench.write.WritePath;
import java.time.Duration;

/**
 * What {@code jmh:serve} was asked, read once: the server's {@link TaskServer.Config} from
 * {@code -Dtaskbench.port} and {@code -Dtaskbench.server.*}, each bad value a one-line error
 * naming the setting. (The seed's {@code SeedSettings} reads the same names for its in-process
 * server; a command may not depend on another, so each reads them itself.)
 */
public record ServeSettings(TaskServer.Config server) {
    public static final String PORT = "taskbench.port";
    public static final String PORT_ENV = "PORT";
    public static final String HOST = "taskbench.server.host";
    public static final String PATH = "taskbench.server.path";
    public static final String SOURCE = "taskbench.server.source";
    public static final String POOL = "taskbench.server.pool";
    public static final String ACQUIRE_TIMEOUT = "taskbench.server.acquireTimeoutMs";
    public static final String THREADING = "taskbench.server.threading";
    /** Where {@code jmh:serve} listens unless told. */
    public static final int DEFAULT_PORT = 8080;

    public static ServeSettings from(Settings s) {
        return new ServeSettings(server(s, DEFAULT_PORT));
    }

    /** {@link TaskServer.Config#defaults()} with the settings given; {@code defaultPort} when no port is. */
    static TaskServer.Config server(Settings s, int defaultPort) {
        TaskServer.Config d = TaskServer.Config.defaults();
        WritePath path = s.choice(PATH, null, WritePath.class, d.path());
        if (!path.insertsOneWithId()) {
            throw Settings.bad(PATH, s.get(PATH, null), "one of " + TaskServer.Config.singleRowPaths()
                    + " (the others write batches)");
        }
        return new TaskServer.Config(s.string(HOST, null, d.host()),
                s.integer(PORT, PORT_ENV, defaultPort, 0, 65_535), path,
                s.choice(SOURCE, null, ConnectionSource.class, d.source()),
                s.integer(POOL, null, d.poolSize(), 1, 10_000),
                Duration.ofMillis(s.longValue(ACQUIRE_TIMEOUT, null, d.acquireTimeout().toMillis(), 1, Long.MAX_VALUE)),
                s.choice(THREADING, null, TaskServer.Threading.class, d.threading()));
    }
}
