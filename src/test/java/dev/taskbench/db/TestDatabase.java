package dev.taskbench.db;

import dev.taskbench.config.Settings;
import java.time.Duration;

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

    /**
     * The database's run lock, for a test that empties {@code task} or counts its commits: no run
     * or other test JVM writes there meanwhile. Re-entrant within this JVM; close to let go.
     */
    public static DatabaseLock lock() {
        return DatabaseLock.acquire(info(), Duration.ofSeconds(DatabaseLock.DEFAULT_WAIT_SECONDS), "tests", System.out);
    }

    public static ConnectionInfo info() {
        return get().info();
    }
}
