package dev.taskbench.db;

import dev.taskbench.config.Settings;

/**
 * A server already listening on localhost:5432. The suite connects to its maintenance
 * database only to create its own database, {@value #DATABASE}.
 */
public final class LocalhostCandidate implements DatabaseCandidate {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    static final String DATABASE = "taskbench";

    private final Settings settings;

    public LocalhostCandidate(Settings settings) {
        this.settings = settings;
    }

    @Override
    public DatabaseSource source() {
        return DatabaseSource.LOCALHOST;
    }

    @Override
    public String unavailableBecause() {
        return Connectivity.listening(HOST, PORT, 1000) ? null : "nothing listens on " + HOST + ":" + PORT;
    }

    @Override
    public ProvisionedDatabase start() {
        String user = settings.get(ExplicitCandidate.USER_PROPERTY, ExplicitCandidate.USER_ENV);
        if (user == null) {
            user = settings.env("PGUSER") != null ? settings.env("PGUSER") : "postgres";
        }
        String password = settings.get(ExplicitCandidate.PASSWORD_PROPERTY, ExplicitCandidate.PASSWORD_ENV);
        ConnectionInfo admin = new ConnectionInfo(
                JdbcUrls.withSslDefault("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres"), user, password);
        String version = Connectivity.verify(admin, "localhost:" + PORT);
        ConnectionInfo own = OwnDatabase.create(admin, DATABASE);
        return ProvisionedDatabase.unmanaged(source(), own, "PostgreSQL " + version + " on " + HOST + ":" + PORT);
    }
}
