package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.Testbed;
import dev.taskbench.stability.SuspectForks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row's fork history, read from real run folders: only standard and full runs on the row's own
 * testbed count, never a baseline jar's folder inside a run, and only the most recent runs.
 */
class ForkHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOOP = "x.Cpu.loop";
    private static final RowKey ROW = new RowKey("default", BenchmarkKey.of(LOOP, Map.of(), "avgt", 1));
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path root;

    static Map<String, Object> metadata(String id, int hour, String profile, String cpu) {
        Map<String, Object> testbed = new LinkedHashMap<>(new Testbed(new TreeMap<>(Map.of("cpu.model", cpu,
                "cpu.cores", "2", "jdk", "OpenJDK 17"))).toMetadata());
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, List.of());
        return Map.of("runId", id, "startedAt", T0.plusSeconds(3600L * hour).toString(), "profile", profile,
                Testbed.METADATA_KEY, testbed);
    }

    /** A run folder with one row whose forks' iterations are {@code rawData}. */
    static Path run(Path folder, Map<String, Object> metadata, String rawData) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("jmh-default.json"), "[" + RunHistoryTest.entry(LOOP, rawData) + "]");
        JSON.writeValue(folder.resolve("metadata.json").toFile(), metadata);
        return folder;
    }

    private ForkHistory read() {
        return ForkHistory.read(root, metadata("now", 100, "standard", "cpu A"));
    }

    @Test
    void earlierStandardAndFullRunsOnTheRowsTestbedAreItsHistory() throws IOException {
        Path first = run(root.resolve("r1"), metadata("r1", 1, "standard", "cpu A"), "[100.0,102.0,104.0],[110.0]");
        run(first.resolve("baseline"), metadata("b1", 1, "standard", "cpu A"), "[5000.0]");
        run(root.resolve("r2"), metadata("r2", 2, "full", "cpu A"), "[120.0],[121.0]");
        run(root.resolve("r3"), metadata("r3", 3, "smoke", "cpu A"), "[7000.0]");
        run(root.resolve("r4"), metadata("r4", 4, "standard", "cpu B"), "[8000.0]");
        run(root.resolve(".incomplete-r5"), metadata("r5", 5, "standard", "cpu A"), "[9000.0]");
        SuspectForks.History h = read().of(ROW).orElseThrow();
        assertEquals(2, h.runs());
        double[] levels = h.levels();
        Arrays.sort(levels);
        assertArrayEquals(new double[] {102, 110, 120, 121}, levels, 1e-9, "each fork's iteration median, nothing else");
    }

    @Test
    void oneEarlierRunIsNoHistory() throws IOException {
        run(root.resolve("r1"), metadata("r1", 1, "standard", "cpu A"), "[100.0],[101.0]");
        assertEquals(Optional.empty(), read().of(ROW));
        assertEquals(Optional.empty(), ForkHistory.read(root.resolve("none"), Map.of()).of(ROW));
    }

    @Test
    void onlyTheMostRecentRunsCount() throws IOException {
        for (int i = 1; i <= ForkHistory.MAX_RUNS + 2; i++) {
            run(root.resolve("r" + i), metadata("r" + i, i, "standard", "cpu A"), "[" + (100.0 + i) + "]");
        }
        SuspectForks.History h = read().of(ROW).orElseThrow();
        assertEquals(ForkHistory.MAX_RUNS, h.runs());
        assertTrue(Arrays.stream(h.levels()).allMatch(v -> v >= 103), Arrays.toString(h.levels()));
    }
}
