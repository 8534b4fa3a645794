package dev.taskbench.db;

import dev.taskbench.config.Settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.TaskbenchException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseProvisionerTest {

    /** A candidate with a fixed answer that records whether it was started. */
    private static final class Fake implements DatabaseCandidate {
        final DatabaseSource source;
        final String unavailable;
        final List<DatabaseSource> started;

        Fake(DatabaseSource source, String unavailable, List<DatabaseSource> started) {
            this.source = source;
            this.unavailable = unavailable;
            this.started = started;
        }

        @Override
        public DatabaseSource source() {
            return source;
        }

        @Override
        public String unavailableBecause() {
            return unavailable;
        }

        @Override
        public ProvisionedDatabase start() {
            started.add(source);
            // a real server, so that the suite's schema can really be created in it
            return ProvisionedDatabase.unmanaged(source, TestDatabase.info(), "fake " + source);
        }
    }

    private static List<DatabaseCandidate> chain(List<DatabaseSource> started, String... unavailable) {
        List<DatabaseCandidate> c = new ArrayList<>();
        DatabaseSource[] order = DatabaseSource.values();
        for (int i = 0; i < order.length; i++) {
            c.add(new Fake(order[i], unavailable[i], started));
        }
        return c;
    }

    @Test
    void firstAvailableCandidateWinsAndLaterOnesAreNotStarted() {
        List<DatabaseSource> started = new ArrayList<>();
        try (ProvisionedDatabase db = new DatabaseProvisioner(
                chain(started, "not set", "no docker", null, null)).provision()) {
            assertEquals(DatabaseSource.EMBEDDED, db.source());
        }
        assertEquals(List.of(DatabaseSource.EMBEDDED), started);
    }

    @Test
    void explicitUrlComesFirst() {
        List<DatabaseSource> started = new ArrayList<>();
        try (ProvisionedDatabase db = new DatabaseProvisioner(chain(started, null, null, null, null)).provision()) {
            assertEquals(DatabaseSource.EXPLICIT, db.source());
        }
    }

    @Test
    void provisionedUrlUsesTheSuitesOwnSchema() throws Exception {
        List<DatabaseSource> started = new ArrayList<>();
        try (ProvisionedDatabase db = new DatabaseProvisioner(
                chain(started, "not set", "no docker", "root", null)).provision();
             Connection c = db.info().connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_schema()")) {
            assertEquals(DatabaseSource.LOCALHOST, db.source());
            rs.next();
            assertEquals(OwnDatabase.SCHEMA, rs.getString(1));
        }
    }

    @Test
    void noCandidateGivesOneMessageNamingAllFourOptions() {
        List<DatabaseSource> started = new ArrayList<>();
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> new DatabaseProvisioner(
                chain(started, "not set", "no Docker engine", "running as root", "nothing listens")).provision());
        String m = e.getMessage();
        assertTrue(started.isEmpty());
        for (DatabaseSource s : DatabaseSource.values()) {
            assertTrue(m.contains(s.description()), m);
        }
        assertTrue(m.contains("-Dtaskbench.db.url"), m);
        assertTrue(m.contains("running as root") && m.contains("no Docker engine"), m);
    }

    @Test
    void standardChainPicksWhatThisMachineOffers() {
        Settings none = new Settings(new Properties(), Map.of());
        assertEquals("not set", new ExplicitCandidate(none).unavailableBecause());
        TestcontainersCandidate tc = new TestcontainersCandidate(none);
        EmbeddedCandidate embedded = EmbeddedCandidate.forThisProcess();
        LocalhostCandidate local = new LocalhostCandidate(none);
        DatabaseSource expected = tc.unavailableBecause() == null ? DatabaseSource.TESTCONTAINERS
                : embedded.unavailableBecause() == null ? DatabaseSource.EMBEDDED
                : local.unavailableBecause() == null ? DatabaseSource.LOCALHOST : null;
        assumeTrue(expected != null, "no PostgreSQL reachable on this machine");
        try (ProvisionedDatabase db = DatabaseProvisioner.standard(none).provision()) {
            assertEquals(expected, db.source());
            assertTrue(db.info().url().contains("sslmode=disable"), db.info().url());
        }
    }

    @Test
    void explicitUrlIsUsedAsGivenWithSslDisabledByDefault() {
        String base = TestDatabase.info().url().replaceAll("[?&](sslmode|currentSchema)=[^&]*", "");
        Properties p = new Properties();
        p.setProperty(ExplicitCandidate.URL_PROPERTY, base);
        p.setProperty(ExplicitCandidate.USER_PROPERTY, TestDatabase.info().user());
        try (ProvisionedDatabase db = DatabaseProvisioner.standard(new Settings(p, Map.of())).provision()) {
            assertEquals(DatabaseSource.EXPLICIT, db.source());
            assertTrue(db.info().url().startsWith(base + "?sslmode=disable"), db.info().url());
            assertTrue(db.info().url().contains("currentSchema=taskbench"), db.info().url());
        }
    }

    @Test
    void unreachableExplicitUrlFailsFastWithOneReadableLineAndNoFallback() {
        Properties p = new Properties();
        p.setProperty(ExplicitCandidate.URL_PROPERTY, "jdbc:postgresql://127.0.0.1:1/nope");
        TaskbenchException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                TaskbenchException.class, () -> DatabaseProvisioner.standard(new Settings(p, Map.of())).provision()));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dtaskbench.db.url"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void explicitUrlFromTheEnvironmentIsRead() {
        Settings s = new Settings(new Properties(), Map.of(ExplicitCandidate.URL_ENV, "jdbc:postgresql://x/y"));
        assertNull(new ExplicitCandidate(s).unavailableBecause());
    }

    @Test
    void embeddedPostgresSaysWhyItCannotRunAsRoot() {
        String why = new EmbeddedCandidate(true).unavailableBecause();
        assertNotNull(why);
        assertTrue(why.contains("root"), why);
        assertNull(new EmbeddedCandidate(false).unavailableBecause());
    }

    @Test
    void embeddedPostgresStartsWhereItCan() throws Exception {
        assumeTrue(!EmbeddedCandidate.runningAsRoot(), "PostgreSQL refuses to run as root");
        try (ProvisionedDatabase db = new DatabaseProvisioner(List.of(EmbeddedCandidate.forThisProcess())).provision();
             Connection c = db.info().connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1")) {
            assertEquals(DatabaseSource.EMBEDDED, db.source());
            assertTrue(rs.next());
        }
    }

    @Test
    void testcontainersIsSkippedQuietlyWithoutDockerAndUsedWithIt() throws Exception {
        TestcontainersCandidate tc = new TestcontainersCandidate(Settings.fromSystem());
        String why = tc.unavailableBecause();
        assumeTrue(why == null, "no Docker engine here: " + why);
        try (ProvisionedDatabase db = new DatabaseProvisioner(List.of(tc)).provision();
             Connection c = db.info().connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            assertEquals(DatabaseSource.TESTCONTAINERS, db.source());
            rs.next();
            assertEquals(15, rs.getInt(1));
        }
    }

    @Test
    void noDockerHintMeansNoDockerCallAtAll() {
        Settings none = new Settings(new Properties(), Map.of());
        TestcontainersCandidate tc = new TestcontainersCandidate(none);
        assumeTrue(!tc.dockerHinted(), "this machine has a Docker socket");
        assertTrue(tc.unavailableBecause().contains("no Docker engine"));
    }
}
