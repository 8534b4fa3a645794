package dev.taskbench.db;

import dev.taskbench.config.Settings;

import dev.taskbench.TaskbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL container (image {@value #IMAGE}, the server version the reference
 * figures were taken on). Chosen only where a Docker engine answers; skipped without a word
 * of Testcontainers' own logging where there is no sign of one.
 */
public final class TestcontainersCandidate implements DatabaseCandidate {
    public static final String IMAGE = "postgres:15-alpine";

    private final Settings settings;

    public TestcontainersCandidate(Settings settings) {
        this.settings = settings;
    }

    @Override
    public DatabaseSource source() {
        return DatabaseSource.TESTCONTAINERS;
    }

    @Override
    public String unavailableBecause() {
        if (!dockerHinted()) {
            return "no Docker engine (DOCKER_HOST unset, no docker socket found)";
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable()
                    ? null : "a Docker socket exists but no engine answers";
        } catch (RuntimeException | LinkageError e) {
            return "Docker check failed: " + e.getMessage();
        }
    }

    /** Cheap look for any sign of Docker before asking Testcontainers, which logs loudly when it finds none. */
    boolean dockerHinted() {
        if (settings.env("DOCKER_HOST") != null) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock")));
        String home = System.getProperty("user.home");
        if (home != null) {
            sockets.add(Path.of(home, ".docker", "run", "docker.sock"));
            sockets.add(Path.of(home, ".docker", "desktop", "docker.sock"));
            sockets.add(Path.of(home, ".testcontainers.properties"));
        }
        String runtimeDir = settings.env("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    @Override
    public ProvisionedDatabase start() {
        org.testcontainers.postgresql.PostgreSQLContainer pg =
                new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE).withDatabaseName("taskbench")
                        .withStartupTimeout(DatabaseProvisioner.START_LIMIT);
        try {
            pg.start();
        } catch (RuntimeException e) {
            pg.close();
            throw new TaskbenchException("Docker answered but the PostgreSQL container did not start: "
                    + Connectivity.firstLine(e.getMessage()), e);
        }
        ConnectionInfo info = new ConnectionInfo(JdbcUrls.withSslDefault(pg.getJdbcUrl()), pg.getUsername(),
                pg.getPassword());
        String version = Connectivity.verify(info, "the Testcontainers PostgreSQL");
        return new ProvisionedDatabase(source(), info, "PostgreSQL " + version + " in container " + IMAGE, pg::close);
    }
}
