package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The database as seen from inside a benchmark fork. Under {@code mvn jmh:run} and {@code java -jar
 * target/benchmarks.jar} the process that starts the forks provisioned it once, holds its run lock
 * and handed it over; a fork started some other way (JMH's {@code org.openjdk.jmh.Main}, an IDE)
 * runs the provisioning chain itself and holds the lock for its life.
 */
public final class BenchmarkDatabase {
    private static ConnectionInfo info;
    private static ProvisionedDatabase own;
    private static Path ownHandoff;

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
                own = db;
                info = db.info();
            }
        }
        return info;
    }

    /**
     * For a process that starts forks without a runner (a profiler in the host of JMH's own
     * {@code Main}): the hand-off of the database it holds, written once and deleted at exit, so that
     * its forks never wait on its lock.
     */
    public static synchronized Path handoffForForks() {
        String given = System.getProperty(DatabaseHandoff.PROPERTY);
        if (given != null) {
            return Path.of(given);
        }
        if (ownHandoff == null) {
            info();
            try {
                Path file = DatabaseHandoff.newFile(null);
                file.toFile().deleteOnExit();
                DatabaseHandoff.write(file, info, own.source());
                ownHandoff = file;
            } catch (IOException e) {
                throw new TaskbenchException("cannot write the database hand-off file: " + e.getMessage(), e);
            }
        }
        return ownHandoff;
    }
}
