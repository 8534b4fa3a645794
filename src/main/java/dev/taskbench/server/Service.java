package dev.taskbench.server;

import dev.taskbench.db.ConnectionInfo;
import java.net.URI;

/**
 * The seed's service, running: {@link TaskServer} (Jetty, blocking JDBC on the thread its
 * threading model says) or {@link EventLoopServer} (Vert.x, the reactive client). Both answer the
 * same routes with the same statuses; {@link #start} picks by {@link ServerConfig#threading()}.
 */
public interface Service extends AutoCloseable {

    /** Starts the server {@code config}'s threading model runs on, writing into {@code db}. */
    static Service start(ConnectionInfo db, ServerConfig config) {
        return config.threading() == Threading.eventloop
                ? EventLoopServer.start(db, config)
                : TaskServer.start(db, config);
    }

    ServerConfig config();

    int port();

    /** Where a client reaches it ({@code 0.0.0.0} as loopback). */
    default URI uri() {
        String host = config().host().contains(":") ? "[" + config().host() + "]" : config().host();
        return URI.create("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port());
    }

    /**
     * Renews whatever holds database state across a {@code TRUNCATE ... RESTART IDENTITY} (Hibernate's
     * cached id block). Call with no request in flight.
     */
    void reopenWriter();

    @Override
    void close();
}
