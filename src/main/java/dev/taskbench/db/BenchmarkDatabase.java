package dev.taskbench.db;

import dev.taskbench.config.Settings;

import java.nio.file.Path;

/**
 * The database as seen from inside a benchmark fork. Under {@code mvn jmh:run} the runner
 * provisioned it once and handed it over; under JMH's own CLI ({@code java -jar
 * target/benchmarks.jar}) each fork runs the provisioning chain itself.
 */
public final class BenchmarkDatabase {
    private static ConnectionInfo info;

    private BenchmarkDatabase() {
    }

    public static synchronized ConnectionInfo info() {
        if (info == null) {
            String handoff = System.getProperty(DatabaseHandoff.PROPERTY);
            if (handoff != null) {
                info = DatabaseHandoff.read(Path.of(handoff));
            } else {
                Settings settings = Settings.fromSystem();
                ProvisionedDatabase db = DatabaseProvisioner.standard(settings).provision();
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "taskbench-db-stop"));
                // no runner holds the database for this fork: it holds it itself, for its life
                DatabaseLock.acquire(db.info(), DatabaseLock.waitSetting(settings), "fork", System.out);
                info = db.info();
            }
        }
        return info;
    }
}
