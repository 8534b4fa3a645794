package dev.taskbench.db;

import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;

/** The user's own server: {@code -Dtaskbench.db.url} or {@code TASKBENCH_DB_URL}. Never skipped once set. */
public final class ExplicitCandidate implements DatabaseCandidate {
    public static final String URL_PROPERTY = SettingsCatalogue.DB_URL.key();
    public static final String URL_ENV = SettingsCatalogue.DB_URL.env();
    public static final String USER_PROPERTY = SettingsCatalogue.DB_USER.key();
    public static final String USER_ENV = SettingsCatalogue.DB_USER.env();
    public static final String PASSWORD_PROPERTY = SettingsCatalogue.DB_PASSWORD.key();
    public static final String PASSWORD_ENV = SettingsCatalogue.DB_PASSWORD.env();

    private final Settings settings;

    public ExplicitCandidate(Settings settings) {
        this.settings = settings;
    }

    @Override
    public DatabaseSource source() {
        return DatabaseSource.EXPLICIT;
    }

    @Override
    public String unavailableBecause() {
        return settings.get(URL_PROPERTY, URL_ENV) == null ? "not set" : null;
    }

    @Override
    public ProvisionedDatabase start() {
        String url = JdbcUrls.requirePostgres(settings.get(URL_PROPERTY, URL_ENV), "-D" + URL_PROPERTY);
        ConnectionInfo info = new ConnectionInfo(JdbcUrls.withSslDefault(url),
                settings.get(USER_PROPERTY, USER_ENV), settings.get(PASSWORD_PROPERTY, PASSWORD_ENV));
        String version = Connectivity.verify(info, "-D" + URL_PROPERTY);
        return ProvisionedDatabase.unmanaged(source(), info, "PostgreSQL " + version + " (user-supplied)");
    }
}
