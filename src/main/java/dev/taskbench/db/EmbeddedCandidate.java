package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * io.zonky embedded PostgreSQL: real server binaries from a Maven artifact, started in a
 * temporary directory. PostgreSQL refuses to run as root, so the candidate says so there.
 */
public final class EmbeddedCandidate implements DatabaseCandidate {
    private final boolean root;

    public EmbeddedCandidate(boolean root) {
        this.root = root;
    }

    public static EmbeddedCandidate forThisProcess() {
        return new EmbeddedCandidate(runningAsRoot());
    }

    @Override
    public DatabaseSource source() {
        return DatabaseSource.EMBEDDED;
    }

    @Override
    public String unavailableBecause() {
        return root ? "running as root (PostgreSQL refuses to run as root)" : null;
    }

    @Override
    public ProvisionedDatabase start() {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
        try {
            pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        } catch (IOException | RuntimeException e) {
            throw new TaskbenchException("embedded PostgreSQL did not start: " + Connectivity.firstLine(e.getMessage()), e);
        }
        ConnectionInfo admin = new ConnectionInfo(JdbcUrls.withSslDefault(pg.getJdbcUrl("postgres", "postgres")),
                "postgres", null);
        String version = Connectivity.verify(admin, "embedded PostgreSQL");
        ConnectionInfo own = OwnDatabase.create(admin, LocalhostCandidate.DATABASE);
        return new ProvisionedDatabase(source(), own, "PostgreSQL " + version + " embedded on port " + pg.getPort(),
                pg::close);
    }

    /** Effective uid 0, read from /proc where there is one, else the user name. */
    static boolean runningAsRoot() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("Uid:")) {
                        String[] f = line.substring(4).trim().split("\\s+");
                        return f.length > 1 && "0".equals(f[1]);
                    }
                }
            } catch (IOException e) {
                // fall through to the user name
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
