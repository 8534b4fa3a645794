package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.StopLog;
import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earlier runs' stops as an estimate reads them: a row's mean forks over its newest runs of one rule on its
 * testbed, and the newest run's share of the cap for rows none of them holds; fixed forks add nothing.
 */
class ForkStopsTest {
    private static final String CPU = "x.Cpu.loop";
    private static final RowKey ROW = new RowKey("default", BenchmarkKey.of(CPU, Map.of(), "avgt", 1));
    private static final Map<String, String> MACHINE = Map.of("cpu.model", "cpu A", "cpu.cores", "2", "jdk", "17");
    private static final Map<String, String> OTHER = Map.of("cpu.model", "cpu B", "cpu.cores", "2", "jdk", "17");

    @TempDir
    Path root;

    /** A run whose stop log gives the row these forks, between {@code min} and {@code cap}. */
    private void run(String id, int hour, Map<String, String> facts, StopLog.Kind kind, int min, int cap, int forks)
            throws IOException {
        Map<String, Object> testbed = new LinkedHashMap<>(new Testbed(new TreeMap<>(facts)).toMetadata());
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, List.of());
        StopLog log = new StopLog("rule", min, cap, List.of(new StopLog.Stop("default", ROW.key(), forks, kind, "")));
        RowTestbedsHistoryTest.write(root.resolve(id), List.of(CPU), Map.of("runId", id, "startedAt",
                "2026-12-01T" + (10 + hour) + ":00:00Z", Testbed.METADATA_KEY, testbed, StopLog.METADATA_KEY, log));
    }

    private String key(String run) {
        return RowTestbeds.of(RunResults.metadataOf(root.resolve(run))).key(CPU);
    }

    @Test
    void aRowExpectsTheMeanOfItsNewestRunsOfOneRuleOnItsTestbed() throws IOException {
        run("c1", 1, MACHINE, StopLog.Kind.DECIDED, 4, 12, 12);
        run("c2", 2, MACHINE, StopLog.Kind.DECIDED, 4, 12, 4);
        run("c3", 3, MACHINE, StopLog.Kind.UNDECIDED, 4, 12, 8);
        run("c4", 4, MACHINE, StopLog.Kind.DECIDED, 4, 12, 6);
        run("w1", 5, MACHINE, StopLog.Kind.WIDTH, 3, 8, 3);
        run("f1", 6, MACHINE, StopLog.Kind.FIXED, 5, 5, 5);
        run("o1", 7, OTHER, StopLog.Kind.DECIDED, 4, 12, 10);
        ForkStops stops = ForkStops.read(root);
        ForkStops.Forks pairs = stops.of(ForkStops.Rule.PAIRS, key("c1"), ROW).orElseThrow();
        assertEquals((4 + 8 + 6) / 3.0, pairs.forks(), 1e-9, "the newest 3 of this testbed");
        assertEquals(List.of("c4", "c3", "c2"), pairs.runs());
        assertEquals(List.of(6, 8, 4), pairs.ended());
        assertEquals((0 + 2 + 0) / 3.0, pairs.beyond(6, 12), 1e-9,
                "from 6: each run's own extra (0, 2, 0), not the mean run's (6 - 6 = 0)");
        assertEquals((0 + 1 + 0) / 3.0, pairs.beyond(6, 7), 1e-9, "up to the cap");
        assertEquals(3.0, stops.of(ForkStops.Rule.WIDTH, key("c1"), ROW).orElseThrow().forks(), 1e-9);
        assertEquals(10.0, stops.of(ForkStops.Rule.PAIRS, key("o1"), ROW).orElseThrow().forks(), 1e-9);
        assertEquals(new ForkStops.Share((10 - 4) / 8.0, "o1"), stops.newest(ForkStops.Rule.PAIRS).orElseThrow(),
                "the newest comparison on any testbed; the fixed run is none");
        assertEquals(new ForkStops.Share(0, "w1"), stops.newest(ForkStops.Rule.WIDTH).orElseThrow());
        assertTrue(ForkStops.NONE.newest(ForkStops.Rule.PAIRS).isEmpty());
    }
}
