package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Hands the database provisioned once by the runner to every JMH fork. A file readable by
 * the owner only, so the password never travels on a command line (JMH records forks' JVM
 * arguments in its JSON).
 */
public final class DatabaseHandoff {
    /** System property the forks read: the path of the hand-off file. */
    public static final String PROPERTY = SettingsCatalogue.DB_HANDOFF.key();
    /** Setting: the folder the runner writes the hand-off file into (default: the system temp folder). */
    public static final String DIR_PROPERTY = SettingsCatalogue.DB_HANDOFF_DIR.key();

    private DatabaseHandoff() {
    }

    /** A new, empty hand-off file in {@code dir} (created if missing), or in the system temp folder when null. */
    public static Path newFile(Path dir) throws IOException {
        return dir == null ? Files.createTempFile("taskbench-db-", ".properties")
                : Files.createTempFile(Files.createDirectories(dir), "taskbench-db-", ".properties");
    }

    public static void write(Path file, ConnectionInfo info, DatabaseSource source) {
        Properties p = new Properties();
        p.setProperty("url", info.url());
        p.setProperty("user", info.user());
        p.setProperty("password", info.password());
        p.setProperty("source", source.name());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "taskbench database hand-off; deleted when the run ends");
            }
        } catch (IOException e) {
            throw new TaskbenchException("cannot write the database hand-off file " + file + ": " + e.getMessage(), e);
        }
    }

    public static ConnectionInfo read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new TaskbenchException("cannot read the database hand-off file " + file + ": " + e.getMessage(), e);
        }
        String url = p.getProperty("url");
        if (url == null) {
            throw new TaskbenchException("database hand-off file " + file + " has no url");
        }
        return new ConnectionInfo(url, p.getProperty("user"), p.getProperty("password"));
    }
}
