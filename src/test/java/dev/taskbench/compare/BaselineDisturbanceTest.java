package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interleaved comparison reads the baseline jar's disturbed forks from the candidate's fork log
 * (the run that watched them) and says so in the row's reason; a quiet baseline adds nothing.
 */
class BaselineDisturbanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOOP = "x.Cpu.loop";
    private static final BenchmarkKey KEY = BenchmarkKey.of(LOOP, Map.of(), "avgt", 1);

    private static void jmh(Path folder, String rawData) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("jmh-default.json"), "[{\"benchmark\":\"" + LOOP + "\",\"mode\":\"avgt\","
                + "\"threads\":1,\"forks\":5,\"params\":{},\"primaryMetric\":{\"score\":1,\"scoreError\":0,"
                + "\"scoreUnit\":\"ns/op\",\"rawData\":[" + rawData + "]}}]");
    }

    /** A candidate run with its baseline folder inside it, the baseline's forks logged busy as given. */
    private static RunResults[] interleaved(Path run, boolean... busy) throws IOException {
        jmh(run, "[100.0],[101.0],[99.0],[100.5],[100.2]");
        jmh(run.resolve("baseline"), "[100.1],[100.9],[99.2],[100.4],[100.0]");
        List<ForkLog.Fork> baseline = new ArrayList<>();
        for (boolean b : busy) {
            baseline.add(new ForkLog.Fork(100, b ? 0.6 : 0.01, 0, b, b ? List.of("machine busy 60% beside it") : List.of(),
                    2.0, ForkLog.BASELINE));
        }
        ForkLog log = new ForkLog(0, List.of(new ForkLog.RowLog("default", KEY, "ns/op",
                List.of(new ForkLog.Fork(100, 0.01, 0, false, List.of())), List.of(), 1.0, baseline)));
        JSON.writeValue(run.resolve("metadata.json").toFile(), Map.of("runId", "cand", ForkLog.METADATA_KEY, log));
        return new RunResults[] {RunResults.read(run.resolve("baseline")), RunResults.read(run)};
    }

    @Test
    void aRowWhoseBaselineForksWereDisturbedSaysSo(@TempDir Path run) throws IOException {
        RunResults[] sides = interleaved(run, false, true, false, true, false);
        Row row = Comparison.compare(sides[0], sides[1], Criteria.defaults()).rows().get(0);
        assertTrue(row.reason().endsWith("; 2 of 5 base forks disturbed (the machine busy beside them)"), row.reason());
        assertEquals(row.reason().indexOf("disturbed"), row.reason().lastIndexOf("disturbed"), "said once");
    }

    @Test
    void aQuietBaselineAddsNothing(@TempDir Path run) throws IOException {
        RunResults[] sides = interleaved(run, false, false, false, false, false);
        Row row = Comparison.compare(sides[0], sides[1], Criteria.defaults()).rows().get(0);
        assertFalse(row.reason().contains("disturbed"), row.reason());
    }
}
