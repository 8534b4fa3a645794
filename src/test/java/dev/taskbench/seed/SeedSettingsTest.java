package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.CatalogueReads;
import dev.taskbench.config.Setting.Use;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.load.Poster;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.ServerLimits;
import dev.taskbench.server.Threading;
import dev.taskbench.server.ThreadingModel;
import dev.taskbench.write.WritePath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code jmh:seed}'s settings: every {@code -Dtaskbench.seed.*} and the server's, typed and read once. */
class SeedSettingsTest {
    /** Settings of {@code -D} pairs {@code key, value, ...}, no environment: what the seed's tests build from. */
    static Settings settings(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return new Settings(p, Map.of());
    }

    static SeedSettings of(String... kv) {
        return SeedSettings.from(settings(kv));
    }

    static String error(String... kv) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> of(kv));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsAreTheSeedsTenUsersOnAnyFreePort() {
        SeedSettings s = of();
        assertEquals(new SeedSettings(10_000, 10, 20_000, 60, 1000, Poster.Kind.raw, true, 5,
                ServerConfig.defaults(), true), s);
        assertEquals(0, s.server().port());
    }

    @Test
    void everySettingIsRead() {
        SeedSettings s = of(SeedSettings.WRITES, "2_000", SeedSettings.USERS, "4", SeedSettings.WARMUP, "0",
                SeedSettings.WARMUP_SECONDS, "5", SeedSettings.CPU, "0", SeedSettings.CLIENT, "JDK",
                SeedSettings.LAYERS, "false", SeedSettings.CEILING_SECONDS, "0", "taskbench.server.threading", "DISPATCH",
                "taskbench.server.pool", "4", SeedSettings.NGINX, "false");
        assertEquals(new SeedSettings(2000, 4, 0, 5, 0, Poster.Kind.jdk, false, 0,
                ServerConfig.defaults().withThreading(Threading.dispatch).withPoolSize(4), false), s);
    }

    /** The same names and meanings as {@code jmh:serve}'s ServeSettings (a command may not use another's). */
    @Test
    void theServerSettingsAreJmhServes() {
        ServerConfig c = of("taskbench.port", "8081", "taskbench.server.host", "0.0.0.0",
                "taskbench.server.path", "jooq", "taskbench.server.source", "driver-manager", "taskbench.server.pool", "3",
                "taskbench.server.acquireTimeoutMs", "250", "taskbench.server.threading", "dispatch",
                "taskbench.server.requestTimeoutMs", "2000", "taskbench.server.maxConnections", "50",
                "taskbench.server.idleTimeoutMs", "7000", "taskbench.server.minBodyBytesPerSecond", "0").server();
        assertEquals(new ServerConfig("0.0.0.0", 8081, WritePath.jooq, ConnectionSource.driverManager, 3,
                Duration.ofMillis(250), ThreadingModel.of(Threading.dispatch),
                new ServerLimits(Duration.ofMillis(2000), 50, Duration.ofMillis(7000), 0)), c);
    }

    /** The in-process server takes no port from the environment: a stray PORT must not move it. */
    @Test
    void thePortNeverComesFromTheEnvironment() {
        assertEquals(0, SeedSettings.from(new Settings(new java.util.Properties(), Map.of("PORT", "9090"))).server().port());
    }

    @Test
    void writesMustShareEvenlyAmongUsers() {
        assertEquals("-Dtaskbench.seed.writes must be a positive multiple of -Dtaskbench.seed.users (1001 / 10)",
                error(SeedSettings.WRITES, "1001"));
        assertTrue(error(SeedSettings.USERS, "0").startsWith("-Dtaskbench.seed.users=0 is not valid"));
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertEquals("-Dtaskbench.seed.layers=yes is not valid: it takes true or false",
                error(SeedSettings.LAYERS, "yes"));
        assertEquals("-Dtaskbench.seed.client=curl is not valid: it takes one of raw, jdk",
                error(SeedSettings.CLIENT, "curl"));
        assertTrue(error(SeedSettings.CPU, "-1").startsWith("-Dtaskbench.seed.cpu=-1 is not valid"));
        assertTrue(error(SeedSettings.CEILING_SECONDS, "5s").startsWith("-Dtaskbench.ceiling.seconds=5s is not valid"));
        assertTrue(error("taskbench.server.threading", "many")
                .endsWith("it takes " + Threading.TAKES));
        assertTrue(error("taskbench.server.path", "jdbcCopy").contains("jdbcPrepared"));
    }

    @Test
    void aBadSettingFailsTheCommandInOneLineBeforeTheDatabaseIsSought() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SeedCommand.run(new String[] {"-Dtaskbench.seed.warmup=lots",
            "-Dtaskbench.db.url=jdbc:postgresql://127.0.0.1:1/nowhere"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("taskbench: -Dtaskbench.seed.warmup=lots is not valid: it takes a whole number from 0 to 2147483647",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("seed run"));
    }

    /**
     * jmh:seed reads only declared keys, and every key the catalogue gives it except those the
     * goal (the flag set, its JDK), the frame (debug), the database chain, the CPU servers and the page's
     * folder (results) read.
     */
    @Test
    void readsOnlyTheCataloguesKeys() {
        Set<String> others = CatalogueReads.check(Use.seed, s -> {
            SeedSettings.from(s);
            ModelsGrid.Plan.from(s);
            CpuRound.Plan.from(s);
            PeersRound.Plan.from(s);
            DatabaseLock.waitSetting(s);
        }, CatalogueReads.elsewhere(SettingsCatalogue.JVM, SettingsCatalogue.DEBUG, SettingsCatalogue.FLAGSETS,
                SettingsCatalogue.JDKS, SettingsCatalogue.DB_URL, SettingsCatalogue.DB_USER,
                SettingsCatalogue.DB_PASSWORD, SettingsCatalogue.DB_HANDOFF, SettingsCatalogue.RESULTS));
        assertEquals(Set.of(), others);
    }
}
