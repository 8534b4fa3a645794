package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.Testbed;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testbed is the machine and its server's write settings, not how the run found the server. */
class TestbedProbeTest {
    @Test
    void theSameServerFoundTwoWaysIsOneTestbed() {
        Testbed explicit = TestbedProbe.probe(Map.of("source", "explicit", "url", "jdbc:postgresql://a/x",
                "server_version", "15.20", "fsync", "on"));
        Testbed localhost = TestbedProbe.probe(Map.of("source", "localhost", "url", "jdbc:postgresql://b/y",
                "server_version", "15.20", "fsync", "on"));
        assertEquals(explicit.hash(), localhost.hash());
        assertFalse(explicit.facts().containsKey("postgres.source"));
    }

    @Test
    void aWriteSettingChangesTheTestbed() {
        Testbed on = TestbedProbe.probe(Map.of("synchronous_commit", "on"));
        Testbed off = TestbedProbe.probe(Map.of("synchronous_commit", "off"));
        assertNotEquals(on.hash(), off.hash());
        assertTrue(on.facts().containsKey("cpu.cores") && on.facts().containsKey("jdk"), on.facts().toString());
    }
}
