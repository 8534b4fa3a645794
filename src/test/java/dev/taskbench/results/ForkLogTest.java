package dev.taskbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fork log as a run's metadata keeps it: written, read back, and counted into the rows. */
class ForkLogTest {
    private static final BenchmarkKey KEY = BenchmarkKey.of("x.FormParsingBenchmark.decode", Map.of("input", "seed"),
            "avgt", 1);

    private static ForkLog log() {
        ForkLog.Fork quiet = new ForkLog.Fork(150, 0.01, 0, false, List.of());
        ForkLog.Fork busy = new ForkLog.Fork(1278, 0.61, Double.NaN, true, List.of("machine busy 61% beside it"));
        ForkLog.Fork gone = new ForkLog.Fork(2332, 0.55, 0, true, List.of("vs row median 150 ns",
                "machine busy 55% beside it"));
        return new ForkLog(2, List.of(new ForkLog.RowLog("default", KEY, "ns/op", List.of(quiet, busy, quiet),
                List.of(gone))));
    }

    private static BenchmarkResult row() {
        return new BenchmarkResult(KEY, "default", "ns/op", List.of(150.0, 1278.0, 151.0), Optional.empty(), 500);
    }

    @Test
    void aLogWrittenAsJsonReadsBackAndCountsTheKeptDisturbedForks() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String written = json.writeValueAsString(Map.of(ForkLog.METADATA_KEY, log()));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(written, Map.class);
        ForkLog read = ForkLog.of(metadata).orElseThrow();
        assertEquals(log().rows().get(0).kept().get(0), read.rows().get(0).kept().get(0));
        assertEquals(1, read.replacedCount());
        assertEquals(List.of("vs row median 150 ns", "machine busy 55% beside it"),
                read.rows().get(0).replaced().get(0).why());
        List<BenchmarkResult> counted = ForkLog.apply(metadata, List.of(row()));
        assertEquals(1, counted.get(0).disturbedForks());
    }

    @Test
    void eachForksWallTimeAndItsRowsIterationTimeReadBackAndAnOlderLogReadsThemAsNotMeasured() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ForkLog.Fork timed = new ForkLog.Fork(150, 0.01, 0, false, List.of(), 7.25);
        ForkLog log = new ForkLog(2, List.of(new ForkLog.RowLog("default", KEY, "ns/op", List.of(timed), List.of(),
                3.0)));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(json.writeValueAsString(Map.of(ForkLog.METADATA_KEY, log)),
                Map.class);
        ForkLog.RowLog read = ForkLog.of(metadata).orElseThrow().rows().get(0);
        assertEquals(7.25, read.kept().get(0).seconds());
        assertEquals(3.0, read.iterationSeconds());

        String older = "{\"rerunCap\":2,\"rows\":[{\"flagSet\":\"default\",\"key\":{\"benchmark\":\"x.A.a\","
                + "\"params\":{},\"mode\":\"avgt\",\"threads\":1},\"unit\":\"ns/op\",\"kept\":[{\"level\":150,"
                + "\"busy\":0.01,\"steal\":0,\"disturbed\":false,\"why\":[]}],\"replaced\":[]}]}";
        @SuppressWarnings("unchecked")
        Map<String, Object> old = json.readValue("{\"forks\":" + older + "}", Map.class);
        ForkLog.RowLog row = ForkLog.of(old).orElseThrow().rows().get(0);
        assertTrue(Double.isNaN(row.kept().get(0).seconds()), "not measured");
        assertEquals(0.0, row.iterationSeconds());
        assertEquals(150, row.kept().get(0).level());
        assertEquals(List.of(), row.baseline(), "an older log has no baseline forks");
        assertEquals(ForkLog.CANDIDATE, row.kept().get(0).side());
    }

    /** The baseline jar's forks sit in the candidate's log, side=baseline, and count into the baseline's rows only. */
    @Test
    void theBaselinesForksAreLoggedBesideTheRowAndCountIntoTheBaselinesRows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ForkLog.Fork quiet = new ForkLog.Fork(150, 0.01, 0, false, List.of(), 3.0, ForkLog.BASELINE);
        ForkLog.Fork busy = new ForkLog.Fork(900, 0.58, 0, true, List.of("machine busy 58% beside it"), 3.0,
                ForkLog.BASELINE);
        ForkLog log = new ForkLog(0, List.of(new ForkLog.RowLog("default", KEY, "ns/op",
                List.of(new ForkLog.Fork(150, 0.01, 0, false, List.of())), List.of(), 1.0, List.of(quiet, busy, busy))));
        String written = json.writeValueAsString(Map.of(ForkLog.METADATA_KEY, log));
        assertTrue(written.contains("\"side\":\"baseline\""), written);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(written, Map.class);
        ForkLog.RowLog read = ForkLog.of(metadata).orElseThrow().rows().get(0);
        assertEquals(List.of(quiet, busy, busy), read.baseline());
        assertEquals(2, read.disturbedBaseline());
        assertEquals(0, ForkLog.apply(metadata, List.of(row())).get(0).disturbedForks(), "the candidate's row: none");
        assertEquals(2, ForkLog.applyBaseline(metadata, List.of(row())).get(0).disturbedForks());
    }

    @Test
    void aRunWithoutALogLeavesItsRowsAsTheyAre() {
        assertTrue(ForkLog.of(Map.of()).isEmpty());
        assertEquals(0, ForkLog.apply(Map.of(), List.of(row())).get(0).disturbedForks());
    }

    @Test
    void aCorruptLogIsAOneLineError() {
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> ForkLog.of(Map.of(ForkLog.METADATA_KEY, Map.of("rows", "not a list"))));
        assertTrue(e.getMessage().startsWith("the run's metadata.json has a 'forks' entry that is not a fork log"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
