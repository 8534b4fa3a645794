package dev.taskbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.ServerLimits;
import dev.taskbench.server.Threading;
import dev.taskbench.server.ThreadingModel;
import dev.taskbench.write.WritePath;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code jmh:serve}'s settings: typed, read once, each bad value one line naming the setting. */
class ServeSettingsTest {
    static Settings of(Map<String, String> env, String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return new Settings(p, env);
    }

    static ServerConfig server(String... kv) {
        return ServeSettings.from(of(Map.of(), kv)).server();
    }

    static String error(String... kv) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> server(kv));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsAreTheServersOnPort8080() {
        assertEquals(ServerConfig.defaults().withPort(8080), server());
    }

    @Test
    void everySettingIsRead() {
        ServerConfig c = server(ServeSettings.PORT, "0", ServeSettings.HOST, "0.0.0.0", ServeSettings.PATH, "jooq",
                ServeSettings.SOURCE, "driver-manager", ServeSettings.POOL, "3", ServeSettings.ACQUIRE_TIMEOUT, "250",
                ServeSettings.THREADING, "dispatch", ServeSettings.REQUEST_TIMEOUT, "2000",
                ServeSettings.MAX_CONNECTIONS, "50", ServeSettings.IDLE_TIMEOUT, "7000", ServeSettings.MIN_BODY_RATE, "0");
        assertEquals(new ServerConfig("0.0.0.0", 0, WritePath.jooq, ConnectionSource.driverManager, 3,
                Duration.ofMillis(250), ThreadingModel.of(Threading.dispatch),
                new ServerLimits(Duration.ofMillis(2000), 50, Duration.ofMillis(7000), 0)), c);
    }

    @Test
    void theThreadingIsAChoiceInAnyCase() {
        assertEquals(Threading.dispatch, server(ServeSettings.THREADING, "DISPATCH").threading());
        assertEquals(Threading.selector, server(ServeSettings.THREADING, "Selector").threading());
        assertEquals("-Dtaskbench.server.threading=pool is not valid: it takes " + Threading.TAKES,
                error(ServeSettings.THREADING, "pool"));
    }

    /** platform-N is N blocking workers; N must be a whole number from 1. */
    @Test
    void platformTakesItsWorkerCount() {
        ServerConfig c = server(ServeSettings.THREADING, "Platform-9");
        assertEquals(Threading.platform, c.threading());
        assertEquals(9, c.workers());
        assertTrue(c.describe().contains("9 blocking workers (platform-9)"), c.describe());
        for (String bad : new String[] {"platform-0", "platform-", "platform-x", "platform"}) {
            assertEquals("-Dtaskbench.server.threading=" + bad + " is not valid: it takes " + Threading.TAKES,
                    error(ServeSettings.THREADING, bad));
        }
    }

    /** eventloop pipelines at the client's default, eventloop-P at most P statements per connection (1: none). */
    @Test
    void eventloopTakesItsPipeliningLimit() {
        ServerConfig plain = server(ServeSettings.THREADING, "eventloop");
        assertEquals(Threading.eventloop, plain.threading());
        assertEquals(dev.taskbench.write.ReactiveTasks.CLIENT_DEFAULT_PIPELINING, plain.pipelining());
        ServerConfig none = server(ServeSettings.THREADING, "EventLoop-1");
        assertEquals(1, none.pipelining());
        assertTrue(none.describe().contains("pipelining off"), none.describe());
        assertEquals("eventloop-1", none.model().spec());
        for (String bad : new String[] {"eventloop-0", "eventloop-", "eventloop-x", "eventloops"}) {
            assertEquals("-Dtaskbench.server.threading=" + bad + " is not valid: it takes " + Threading.TAKES,
                    error(ServeSettings.THREADING, bad));
        }
    }

    /** On a JVM without virtual threads the one line names the flag set that has them. */
    @Test
    @org.junit.jupiter.api.condition.EnabledForJreRange(max = org.junit.jupiter.api.condition.JRE.JAVA_20,
            disabledReason = "this JVM has virtual threads: nothing to refuse")
    void virtualIsRefusedBeforeJdk21NamingTheFlagSet() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> server(ServeSettings.THREADING, "virtual"));
        assertTrue(e.getMessage().contains("-Dtaskbench.flagsets=jdk25") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    /** Only -Dtaskbench.port sets the port: a PORT left in the environment for something else is not taken. */
    @Test
    void thePortNeverComesFromTheEnvironment() {
        assertEquals(ServeSettings.DEFAULT_PORT, ServeSettings.from(of(Map.of("PORT", "9090"))).server().port());
        assertEquals(9091, ServeSettings.from(of(Map.of("PORT", "9090"), ServeSettings.PORT, "9091")).server().port());
    }

    @Test
    void theLimitsDefaultToTheServersAndTheRequestTimeoutToAtMostFiveSeconds() {
        ServerLimits l = server().limits();
        assertEquals(ServerLimits.DEFAULTS, l);
        assertTrue(l.requestTimeout().compareTo(Duration.ofSeconds(5)) <= 0);
    }

    @Test
    void theRequestTimeoutMustLeaveTheDatabaseASecondAfterTheAcquireTimeout() {
        assertEquals("-Dtaskbench.server.requestTimeoutMs=1500 is not valid: it takes a whole number of ms from 2000"
                + " (-Dtaskbench.server.acquireTimeoutMs + 1000)", error(ServeSettings.REQUEST_TIMEOUT, "1500"));
        assertEquals("-Dtaskbench.server.requestTimeoutMs=5000 is not valid: it takes a whole number of ms from 9000"
                + " (-Dtaskbench.server.acquireTimeoutMs + 1000)", error(ServeSettings.ACQUIRE_TIMEOUT, "8000"));
        assertEquals(Duration.ofMillis(9000), server(ServeSettings.ACQUIRE_TIMEOUT, "8000",
                ServeSettings.REQUEST_TIMEOUT, "9000").limits().requestTimeout());
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertTrue(error(ServeSettings.PORT, "http").startsWith("-Dtaskbench.port=http is not valid"));
        assertTrue(error(ServeSettings.PORT, "70000").startsWith("-Dtaskbench.port=70000 is not valid"));
        assertTrue(error(ServeSettings.POOL, "0").startsWith("-Dtaskbench.server.pool=0 is not valid"));
        assertTrue(error(ServeSettings.ACQUIRE_TIMEOUT, "1s").startsWith("-Dtaskbench.server.acquireTimeoutMs=1s"));
        assertTrue(error(ServeSettings.REQUEST_TIMEOUT, "5s").startsWith("-Dtaskbench.server.requestTimeoutMs=5s is not valid"));
        assertTrue(error(ServeSettings.MAX_CONNECTIONS, "0").startsWith("-Dtaskbench.server.maxConnections=0 is not valid"));
        assertTrue(error(ServeSettings.IDLE_TIMEOUT, "0").startsWith("-Dtaskbench.server.idleTimeoutMs=0 is not valid"));
        assertTrue(error(ServeSettings.MIN_BODY_RATE, "-1")
                .startsWith("-Dtaskbench.server.minBodyBytesPerSecond=-1 is not valid"));
        String source = error(ServeSettings.SOURCE, "c3p0");
        assertTrue(source.startsWith("-Dtaskbench.server.source=c3p0 is not valid") && source.contains("hikari"), source);
    }

    @Test
    void aBatchWritePathIsRefusedNamingTheOnesThatWork() {
        String e = error(ServeSettings.PATH, "jdbcBatch");
        assertTrue(e.startsWith("-Dtaskbench.server.path=jdbcBatch is not valid: it takes one of jdbcPrepared, jooq"), e);
        assertTrue(error(ServeSettings.PATH, "jdbc").contains("hibernateStateless"));
    }
}
