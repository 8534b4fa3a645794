package dev.taskbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestbedTest {
    static Testbed of(String... kv) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Testbed(m);
    }

    @Test
    void equalFactsHashEquallyAndAnyFactChangesTheHash() {
        Testbed a = of("cpu.model", "X", "cpu.cores", "2", "cpu.flags", "sse avx");
        assertEquals(a.hash(), of("cpu.flags", "sse avx", "cpu.cores", "2", "cpu.model", "X").hash());
        assertEquals(12, a.hash().length());
        assertNotEquals(a.hash(), of("cpu.model", "X", "cpu.cores", "4", "cpu.flags", "sse avx").hash());
        assertTrue(a.sameAs(of("cpu.model", "X", "cpu.cores", "2", "cpu.flags", "sse avx")));
    }

    @Test
    void differencesNameEachFactAndTheFlagsEachSideLacks() {
        Testbed a = of("cpu.model", "X", "cpu.flags", "sse avx avx512f", "jdk", "17");
        Testbed b = of("cpu.model", "Y", "cpu.flags", "sse avx", "os", "Linux");
        List<String> d = a.differences(b);
        assertEquals(List.of("cpu.flags: only in the first avx512f; only in the second none", "cpu.model: X | Y",
                "jdk: 17 | (not recorded)", "os: (not recorded) | Linux"), d);
        assertTrue(a.differences(a).isEmpty());
    }

    @Test
    void aMachineScopeDropsTheDatabaseFactsAndADatabaseScopeIsTheWholeTestbed() {
        Testbed full = of("cpu.model", "X", "jdk", "17", "postgres.fsync", "on", "network.injectedRoundTripMs", "2");
        Testbed machine = full.scoped(Testbed.Scope.MACHINE);
        assertEquals(of("cpu.model", "X", "jdk", "17").facts(), machine.facts());
        assertEquals(full.hash(), full.scoped(Testbed.Scope.DATABASE).hash(), "a full run's database rows keep its hash");
        assertEquals(of("cpu.model", "X", "jdk", "17").hash(), machine.hash(),
                "a run that recorded no database facts hashes as its CPU-only rows do in a full run");
        assertEquals(Testbed.Scope.MACHINE, machine.scope());
        assertEquals(Testbed.Scope.DATABASE, full.scope());
        assertTrue(Testbed.databaseFact("postgres.server_version"));
        assertFalse(Testbed.databaseFact("cpu.flags"));
    }

    @Test
    void roundTripsThroughMetadata() {
        Testbed a = of("cpu.model", "X", "postgres.server_version", "15.19");
        Testbed back = Testbed.of(Map.of(Testbed.METADATA_KEY, a.toMetadata()));
        assertTrue(a.sameAs(back));
        assertEquals(a.hash(), back.hash());
    }

    @Test
    void olderRunsGetTheFactsTheyRecordedAndNeverMatchAFingerprintedRun() {
        Map<String, Object> legacy = Map.of("machine", Map.of("cpuModel", "X", "cores", 2, "os", "Linux 6"),
                "jdk", Map.of("vm", "OpenJDK 64-Bit Server VM 17"),
                "database", Map.of("server_version", "15.19", "fsync", "on"));
        Testbed t = Testbed.of(legacy);
        assertEquals("X", t.facts().get("cpu.model"));
        assertEquals("2", t.facts().get("cpu.cores"));
        assertEquals("15.19", t.facts().get("postgres.server_version"));
        assertFalse(t.facts().containsKey("cpu.flags"));
        Testbed fingerprinted = of("cpu.model", "X", "cpu.cores", "2", "cpu.flags", "sse", "os", "Linux 6",
                "jdk", "OpenJDK 64-Bit Server VM 17", "postgres.server_version", "15.19", "postgres.fsync", "on");
        assertFalse(t.sameAs(fingerprinted));
        assertTrue(t.describe().startsWith(t.hash() + " (X, 2 cores"), t.describe());
    }
}
