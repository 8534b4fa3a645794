package dev.taskbench.db;

import dev.taskbench.config.Settings;

/**
 * The real PostgreSQL for tests, found by the same chain as benchmark runs and provisioned
 * once per test JVM. Tests never mock the database.
 */
public final class TestDatabase {
    private static ProvisionedDatabase db;

    private TestDatabase() {
    }

    public static synchronized ProvisionedDatabase get() {
        if (db == null) {
            db = DatabaseProvisioner.standard(Settings.fromSystem()).provision();
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "taskbench-test-db-stop"));
        }
        return db;
    }

    public static ConnectionInfo info() {
        return get().info();
    }
}
