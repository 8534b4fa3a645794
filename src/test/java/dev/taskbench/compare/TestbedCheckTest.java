package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestbedCheckTest {
    static Map<String, Object> metadata(String cpu) {
        return Map.of(Testbed.METADATA_KEY, new Testbed(new TreeMap<>(Map.of("cpu.model", cpu, "cpu.flags", "sse")))
                .toMetadata());
    }

    static RunResults run(String folder, String cpu) {
        return new RunResults(Path.of(folder), Path.of(folder).getFileName().toString(), metadata(cpu), List.of());
    }

    @Test
    void sameTestbedMayBeGated() {
        TestbedCheck c = TestbedCheck.of(run("results/a", "X"), run("results/b", "X"), false);
        assertTrue(c.sameTestbed());
        assertTrue(c.allowsGate());
        assertFalse(c.lines().stream().anyMatch(l -> l.contains("differs")));
    }

    @Test
    void otherTestbedIsRefusedInOneLineUnlessForced() {
        TestbedCheck c = TestbedCheck.of(run("results/a", "X"), run("results/b", "Y"), false);
        assertFalse(c.allowsGate());
        assertFalse(c.refusal().contains("\n"));
        assertTrue(c.refusal().contains(TestbedCheck.FORCE), c.refusal());
        assertTrue(c.lines().contains("  differs: cpu.model: X | Y"), c.lines().toString());
        assertTrue(TestbedCheck.of(run("results/a", "X"), run("results/b", "Y"), true).allowsGate());
    }

    static final Map<String, String> MACHINE = Map.of("cpu.model", "X", "cpu.flags", "sse", "cpu.cores", "2");

    /** A run holding one row per benchmark, on the machine with PostgreSQL's fsync as given (none: no database facts). */
    static RunResults scoped(String folder, String fsync, List<String> benchmarks, List<String> drivers) {
        TreeMap<String, String> facts = new TreeMap<>(MACHINE);
        if (fsync != null) {
            facts.put("postgres.fsync", fsync);
        }
        Map<String, Object> testbed = new java.util.LinkedHashMap<>(new Testbed(facts).toMetadata());
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, drivers);
        List<BenchmarkResult> rows = benchmarks.stream().map(b -> new BenchmarkResult(BenchmarkKey.of(b, Map.of(),
                "avgt", 1), "default", "ns/op", List.of(1.0, 1.0, 1.0), Optional.empty(), 1, 0, List.of())).toList();
        return new RunResults(Path.of(folder), Path.of(folder).getFileName().toString(),
                Map.of(Testbed.METADATA_KEY, testbed), rows);
    }

    @Test
    void onlyPostgresDifferingSplitsTheDatabaseRowsAndSaysSoPerGroup() {
        List<String> both = List.of("x.Cpu.a", "x.Cpu.b", "x.Db.write");
        TestbedCheck c = TestbedCheck.of(scoped("results/a", "on", both, List.of("x.Db.write")),
                scoped("results/b", "off", both, List.of("x.Db.write")), false);
        assertFalse(c.allowsGate());
        String machine = new Testbed(new TreeMap<>(MACHINE)).hash();
        List<String> lines = c.lines();
        assertTrue(lines.contains("testbed: 2 benchmark(s) keyed on the machine alone: one testbed, " + machine), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("testbed: 1 benchmark(s) keyed on the machine and PostgreSQL: "
                + "different testbeds, ")), lines.toString());
        assertEquals(List.of("  differs: postgres.fsync: on | off"), lines.stream().filter(l -> l.contains("differs"))
                .toList(), "one line per fact, none per row");
        assertTrue(c.refusal().contains("for the 1 benchmark(s) keyed on the machine and PostgreSQL ("), c.refusal());
    }

    @Test
    void aRunWithoutTheDatabaseIsTheSameTestbedForTheCpuRowsItShares() {
        TestbedCheck c = TestbedCheck.of(scoped("results/full", "on", List.of("x.Cpu.a", "x.Db.write"),
                List.of("x.Db.write")), scoped("results/cpu", null, List.of("x.Cpu.a"), List.of()), false);
        assertTrue(c.sameTestbed());
        assertTrue(c.allowsGate());
        assertFalse(c.lines().stream().anyMatch(l -> l.contains("differs")), c.lines().toString());
    }

    @Test
    void theInterleavedBaselineOfTheSameRunMayBeGated() {
        RunResults candidate = run("results/r1", "X");
        RunResults base = new RunResults(Path.of("results/r1/baseline"), "baseline", Map.of(), List.of());
        TestbedCheck c = TestbedCheck.of(base, candidate, false);
        assertTrue(c.interleaved());
        assertTrue(c.allowsGate());
    }
}
