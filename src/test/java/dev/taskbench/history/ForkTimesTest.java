package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earlier runs' fork times as a plan reads them: each fork's wall time beyond its row's planned
 * iterations, its median per benchmark and flag set on the testbed the row depends on, from every
 * run that timed one; runs on another testbed and logs without times add nothing.
 */
class ForkTimesTest {
    private static final String CPU = "x.Cpu.loop";
    private static final String DB = "x.Db.write";
    private static final Map<String, String> MACHINE = Map.of("cpu.model", "cpu A", "cpu.cores", "2", "jdk", "17");
    private static final Map<String, String> OTHER = Map.of("cpu.model", "cpu B", "cpu.cores", "2", "jdk", "17");

    @TempDir
    Path root;

    /** A run whose fork log has one row per benchmark, each fork's wall time as given, its iterations 3 s. */
    private void run(String id, Map<String, String> facts, Map<String, List<Double>> seconds, List<Double> replaced)
            throws IOException {
        List<ForkLog.RowLog> rows = seconds.entrySet().stream().map(e -> new ForkLog.RowLog("default",
                BenchmarkKey.of(e.getKey(), Map.of(), "avgt", 1), "ns/op", forks(e.getValue()), forks(replaced), 3.0))
                .toList();
        Map<String, Object> testbed = new LinkedHashMap<>(new Testbed(new TreeMap<>(facts)).toMetadata());
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, List.of(DB));
        RowTestbedsHistoryTest.write(root.resolve(id), List.of(CPU), Map.of("runId", id, Testbed.METADATA_KEY,
                testbed, ForkLog.METADATA_KEY, new ForkLog(2, rows)));
    }

    private static List<ForkLog.Fork> forks(List<Double> seconds) {
        return seconds.stream().map(s -> new ForkLog.Fork(100, 0, 0, false, List.of(), s)).toList();
    }

    private String key(Map<String, String> facts, String benchmark) {
        return RowTestbeds.of(RunResults.metadataOf(root.resolve(facts == MACHINE ? "r1" : "r3"))).key(benchmark);
    }

    @Test
    void aBenchmarksForkCostIsTheMedianBeyondItsIterationsOverTheRunsOfItsTestbed() throws IOException {
        run("r1", MACHINE, Map.of(CPU, List.of(5.0, 6.0, 7.0), DB, List.of(13.0)), List.of(9.0));
        run("r2", MACHINE, Map.of(CPU, List.of(4.5)), List.of());
        run("r3", OTHER, Map.of(CPU, List.of(100.0)), List.of());
        ForkTimes times = ForkTimes.read(root);

        ForkTimes.Timing cpu = times.of(key(MACHINE, CPU), "default", CPU).orElseThrow();
        assertEquals(3.0, cpu.overheadSeconds(), 1e-9, "1.5, 2, 3, 4 and the replaced fork's 6");
        assertEquals(5, cpu.forks());
        assertEquals(Set.of("r1", "r2"), cpu.runs());
        assertEquals(8.0, times.of(key(MACHINE, DB), "default", DB).orElseThrow().overheadSeconds(), 1e-9,
                "10, and its replaced fork's 6");
        assertEquals(97.0, times.of(key(OTHER, CPU), "default", CPU).orElseThrow().overheadSeconds(), 1e-9);
        assertTrue(times.of(key(MACHINE, CPU), "c2", CPU).isEmpty(), "another flag set");
        assertTrue(times.of(key(MACHINE, CPU), "default", "x.Cpu.never").isEmpty(), "a benchmark never timed");
    }

    @Test
    void aLogWithoutTimesOrNoResultsFolderPlansNothing() throws IOException {
        run("r1", MACHINE, Map.of(CPU, List.of(Double.NaN)), List.of());
        assertTrue(ForkTimes.read(root).of(key(MACHINE, CPU), "default", CPU).isEmpty());
        assertTrue(ForkTimes.read(root.resolve("none")).of(key(MACHINE, CPU), "default", CPU).isEmpty());
    }
}
