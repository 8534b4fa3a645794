package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void theInterleavedBaselineOfTheSameRunMayBeGated() {
        RunResults candidate = run("results/r1", "X");
        RunResults base = new RunResults(Path.of("results/r1/baseline"), "baseline", Map.of(), List.of());
        TestbedCheck c = TestbedCheck.of(base, candidate, false);
        assertTrue(c.interleaved());
        assertTrue(c.allowsGate());
    }
}
