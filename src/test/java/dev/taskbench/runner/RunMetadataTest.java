package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseSource;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.config.Settings;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunMetadataTest {

    @Test
    void recordsWhatAReaderNeedsAndNeverThePassword() throws Exception {
        ConnectionInfo real = TestDatabase.info();
        String secret = "s3cret-Pa55";
        ConnectionInfo withPassword = new ConnectionInfo(real.url() + "&password=" + secret, real.user(), secret);
        ProvisionedDatabase db = ProvisionedDatabase.unmanaged(DatabaseSource.EXPLICIT, withPassword, "test");
        RunRequest request = RunRequest.from(new Settings(new Properties(), Map.of()));
        Map<String, Object> m = RunMetadata.collect("id", request, List.of("-f", "1"), List.of("-Xmx1g"), db,
                Path.of("."), java.time.Duration.ZERO, List.of("x.Db.write"));
        String json = new ObjectMapper().writeValueAsString(m);
        assertFalse(json.contains(secret), json);

        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) m.get("database");
        assertEquals("explicit", d.get("source"));
        assertEquals("disable", d.get("sslmode"));
        assertNotNull(d.get("synchronous_commit"));
        assertTrue(String.valueOf(d.get("server_version")).matches("\\d+.*"), String.valueOf(d.get("server_version")));
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) m.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("cores"));
        assertEquals("standard", m.get("profile"));
        @SuppressWarnings("unchecked")
        Map<String, Object> git = (Map<String, Object>) m.get("git");
        assertNotNull(git.get("commit"));
        RowTestbeds rows = RowTestbeds.of(m);
        assertTrue(rows.recorded());
        assertEquals(Testbed.Scope.DATABASE, rows.scope("x.Db.write"));
        assertEquals(Testbed.Scope.MACHINE, rows.scope("x.Cpu.loop"), "recorded: not this build's declarations");
    }

    /** JVM options are recorded as given, except secrets: a -D password, secret or token, a password in a URL. */
    @Test
    void jvmArgumentsLoseTheirSecrets() {
        List<String> in = List.of("-Xmx1g", "-Dtaskbench.db.password=hunter2", "-DAPI_TOKEN=t0k", "-Dmy.Secret.key=s3",
                "-Dtaskbench.db.url=jdbc:postgresql://h/db?user=u&password=pw9&sslmode=disable",
                "-Dtaskbench.profile=smoke", "-Dtoken.count=");
        assertEquals(List.of("-Xmx1g", "-Dtaskbench.db.password=***", "-DAPI_TOKEN=***", "-Dmy.Secret.key=***",
                "-Dtaskbench.db.url=jdbc:postgresql://h/db?user=u&password=***&sslmode=disable",
                "-Dtaskbench.profile=smoke", "-Dtoken.count=***"), RunMetadata.redact(in));
        @SuppressWarnings("unchecked")
        List<String> fork = (List<String>) RunMetadata.jdk(List.of("-Dx.password=pw")).get("forkJvmArgs");
        assertEquals(List.of("-Dx.password=***"), fork);
    }

    @Test
    void libraryVersionsComeFromThePom() {
        Map<String, String> v = RunMetadata.libraryVersions();
        assertEquals("1.37", v.get("jmh"));
        for (String lib : List.of("hikaricp", "postgresql-jdbc", "jooq", "hibernate", "testcontainers")) {
            assertTrue(v.get(lib) != null && !v.get(lib).contains("${"), lib + " -> " + v.get(lib));
        }
    }
}
