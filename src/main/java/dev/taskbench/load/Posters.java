package dev.taskbench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ConcurrentHashMap;

/** Opens a user's {@link Poster}; JDK clients share one {@code HttpClient} per server, as applications do. */
public final class Posters {
    private static final ConcurrentHashMap<URI, HttpClient> SHARED = new ConcurrentHashMap<>();

    private Posters() {
    }

    public static Poster open(Poster.Kind kind, URI server) {
        switch (kind) {
            case jdk:
                return new JdkClient(SHARED.computeIfAbsent(server, u -> JdkClient.newHttpClient()), server);
            default:
                return new RawClient(server);
        }
    }
}
