package dev.taskbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void sslIsDisabledUnlessTheUrlSaysOtherwise() {
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=disable",
                JdbcUrls.withSslDefault("jdbc:postgresql://h:5432/db"));
        assertEquals("jdbc:postgresql://h/db?prepareThreshold=0&sslmode=disable",
                JdbcUrls.withSslDefault("jdbc:postgresql://h/db?prepareThreshold=0"));
        assertEquals("jdbc:postgresql://h/db?sslmode=require",
                JdbcUrls.withSslDefault("jdbc:postgresql://h/db?sslmode=require"));
        assertEquals("jdbc:postgresql://h/db?SSLMODE=verify-full",
                JdbcUrls.withSslDefault("jdbc:postgresql://h/db?SSLMODE=verify-full"));
    }

    @Test
    void passwordsAreRedacted() {
        String url = "jdbc:postgresql://h/db?user=u&password=s3cret&sslmode=disable";
        String red = JdbcUrls.redact(url);
        assertFalse(red.contains("s3cret"), red);
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&sslmode=disable", red);
        assertFalse(new ConnectionInfo(url, "u", "pw2").toString().contains("pw2"));
    }

    @Test
    void databaseIsReplacedKeepingHostAndParameters() {
        assertEquals("jdbc:postgresql://h:1/taskbench?a=b", JdbcUrls.withDatabase("jdbc:postgresql://h:1/postgres?a=b", "taskbench"));
        assertEquals("jdbc:postgresql://h/taskbench", JdbcUrls.withDatabase("jdbc:postgresql://h/", "taskbench"));
        assertEquals("jdbc:postgresql://h/taskbench", JdbcUrls.withDatabase("jdbc:postgresql://h", "taskbench"));
    }

    @Test
    void onlyPostgresUrlsAreAccepted() {
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> JdbcUrls.requirePostgres("jdbc:mysql://h/db?password=x", "-Dtaskbench.db.url"));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        assertFalse(e.getMessage().contains("password=x"), e.getMessage());
    }

    @Test
    void parametersAreParsedInOrder() {
        assertEquals(java.util.List.of("a", "b", "c"),
                java.util.List.copyOf(JdbcUrls.params("jdbc:postgresql://h/db?a=1&b=&c").keySet()));
        assertTrue(JdbcUrls.hasParam("jdbc:postgresql://h/db?currentSchema=x", "currentschema"));
    }

    @Test
    void aSingleHostUrlHasATarget() {
        JdbcUrls.Target t = JdbcUrls.target("jdbc:postgresql://127.0.0.1:6543/test?currentSchema=x&sslmode=disable");
        assertEquals(new JdbcUrls.Target("127.0.0.1", 6543, "test?currentSchema=x&sslmode=disable"), t);
        assertEquals("test", t.database());
        assertEquals(JdbcUrls.DEFAULT_PORT, JdbcUrls.target("jdbc:postgresql://h/db").port());
        assertEquals("db", JdbcUrls.target("jdbc:postgresql://h/db").database());
        assertEquals(null, JdbcUrls.target("jdbc:postgresql:test"));
        assertEquals(null, JdbcUrls.target("jdbc:postgresql://h1:5432,h2:5432/db"));
    }
}
