package dev.taskbench.db;

import dev.taskbench.config.Settings;

import dev.taskbench.TaskbenchException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which PostgreSQL the suite uses: explicit URL, then
 * Testcontainers, then embedded, then localhost:5432. The first available candidate is
 * started; the suite's own schema is created in it. An explicit URL that does not work is
 * an error, never a reason to fall back silently.
 */
public final class DatabaseProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProvisioner.class);

    /** How long a container or an embedded server may take to start. */
    public static final java.time.Duration START_LIMIT = java.time.Duration.ofSeconds(180);

    private final List<DatabaseCandidate> chain;

    public DatabaseProvisioner(List<DatabaseCandidate> chain) {
        this.chain = List.copyOf(chain);
    }

    /** The default chain for this process's settings and environment. */
    public static DatabaseProvisioner standard(Settings settings) {
        return new DatabaseProvisioner(List.of(
                new ExplicitCandidate(settings),
                new TestcontainersCandidate(settings),
                EmbeddedCandidate.forThisProcess(),
                new LocalhostCandidate(settings)));
    }

    public ProvisionedDatabase provision() {
        List<String> skipped = new ArrayList<>();
        for (DatabaseCandidate candidate : chain) {
            String why = candidate.unavailableBecause();
            if (why != null) {
                skipped.add(candidate.source().description() + ": " + why);
                continue;
            }
            if (candidate.source() != DatabaseSource.EXPLICIT && candidate.source() != DatabaseSource.LOCALHOST) {
                // a container or an embedded server takes seconds (an image pull, minutes): say so before the wait
                System.out.println("taskbench: starting " + candidate.source().description() + " (up to "
                        + START_LIMIT.toSeconds() + " s)");
            }
            ProvisionedDatabase db = candidate.start();
            try {
                db = db.withInfo(OwnDatabase.withOwnSchema(db.info()));
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            LOG.info("database: {} -> {} [{}]", candidate.source().description(), db.info(), db.detail());
            return db;
        }
        StringBuilder msg = new StringBuilder("no PostgreSQL available. Tried, in order:");
        for (int i = 0; i < skipped.size(); i++) {
            msg.append("\n  ").append(i + 1).append(". ").append(skipped.get(i));
        }
        msg.append("\nGive one with -D").append(ExplicitCandidate.URL_PROPERTY)
                .append("=jdbc:postgresql://HOST:PORT/DB (or env ").append(ExplicitCandidate.URL_ENV)
                .append("), start Docker, run as a non-root user, or start PostgreSQL on localhost:5432.");
        throw new TaskbenchException(msg.toString());
    }
}
