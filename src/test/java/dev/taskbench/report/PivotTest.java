package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import dev.taskbench.declare.HasReference;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ReferenceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pivot on JMH JSON recorded by a real smoke run of the counter-loop matrix. */
class PivotTest {
    private static final Path FIXTURES = Path.of("src/test/resources/jmh/matrix-smoke");
    private static final List<String> SETS = List.of("interpreter", "c1", "c2", "jdk25");

    private static Map<String, Path> files() {
        Map<String, Path> m = new LinkedHashMap<>();
        SETS.forEach(s -> m.put(s, FIXTURES.resolve("jmh-" + s + ".json")));
        return m;
    }

    private static List<ReferenceResult> references() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode r = json.readTree(FIXTURES.resolve("reference.json").toFile()).get("results");
        return json.readerForListOf(ReferenceResult.class).readValue(r);
    }

    private static double score(String set, String benchmark) throws Exception {
        for (JsonNode b : new ObjectMapper().readTree(FIXTURES.resolve("jmh-" + set + ".json").toFile())) {
            if (b.get("benchmark").asText().endsWith(benchmark)) {
                return b.get("primaryMetric").get("score").asDouble();
            }
        }
        throw new AssertionError(benchmark);
    }

    private static String row(String rendered, String startsWith) {
        return rendered.lines().filter(l -> l.startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + startsWith + " in\n" + rendered));
    }

    @Test
    void rowsAreBenchmarksColumnsAreFlagSetsThenReferenceRuntimes() throws Exception {
        String out = Pivot.read(files(), references()).render();
        String header = out.lines().findFirst().orElseThrow();
        assertTrue(header.matches("benchmark +\\| interpreter +\\| c1 +\\| c2 +\\| jdk25 +\\| CPython.*\\| PyPy.*\\| Node.*"),
                header);
        String faithful = row(out, "CounterLoopBenchmark.faithful ");
        double ratio = score("c2", "faithful") / score("interpreter", "faithful");
        assertTrue(faithful.contains("×" + Pivot.number(ratio)), faithful + " should hold ratio " + ratio);
        assertEquals(8, faithful.split("\\|").length, faithful);
    }

    @Test
    void onlyVaryingParametersAreShownAndReferencesOnlyOnTheSeedsRow() throws Exception {
        String out = Pivot.read(files(), references()).render();
        String seedSize = row(out, "CounterLoopBenchmark.opaque(outer=10000)");
        String doubled = row(out, "CounterLoopBenchmark.opaque(outer=20000)");
        assertFalse(out.contains("inner=1000"), out);
        String[] seedCells = seedSize.split("\\|");
        assertEquals(8, seedCells.length, seedSize);
        assertTrue(seedCells[5].contains(" ms/op ×") && seedCells[7].contains(" ms/op ×"), seedSize);
        assertTrue(doubled.replaceAll("[| ]+$", "").split("\\|").length == 5, doubled);
    }

    @Test
    void singleShotRowsGetAWarmupCurvePerFlagSet() throws Exception {
        String out = Pivot.read(files(), List.of()).render();
        List<String> curve = out.lines().filter(l -> l.startsWith("CounterLoopWarmupBenchmark.firstCalls")
                && SETS.contains(l.split("\\|")[1].trim())).toList();
        assertEquals(SETS.size(), curve.size(), out);
        assertTrue(curve.get(0).contains("interpreter"));
    }

    /** Five forks a flag set: each cell against the first column carries the ratio, its interval and the verdict. */
    @Test
    void cellsCarryTheRatioItsIntervalAndTheVerdict(@TempDir Path dir) throws Exception {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("c2", json(dir, "c2", 100));
        m.put("c1", json(dir, "c1", 300));
        m.put("same", json(dir, "same", 100));
        String out = Pivot.read(m, List.of()).render();
        String line = row(out, "Loop.run");
        String[] cells = line.split("\\|");
        assertTrue(cells[1].trim().startsWith("100") && !cells[1].contains("×"), line);
        assertTrue(cells[2].contains("×3") && cells[2].contains("SLOWER"), line);
        assertTrue(cells[3].contains("×1") && cells[3].contains("SAME"), line);
        assertFalse(out.contains("±"), "no JMH pooled error: " + out);
    }

    private static Path json(Path dir, String set, double centre) throws Exception {
        StringBuilder forks = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            forks.append(i == 0 ? "" : ",").append('[').append(centre * (1 + 0.004 * (i - 2))).append(']');
        }
        Path f = dir.resolve("jmh-" + set + ".json");
        Files.writeString(f, "[{\"benchmark\":\"x.Loop.run\",\"mode\":\"avgt\",\"threads\":1,\"forks\":5,"
                + "\"params\":{},\"primaryMetric\":{\"score\":" + centre + ",\"scoreError\":1,\"scoreUnit\":\"ns/op\","
                + "\"rawData\":[" + forks + "]}}]");
        return f;
    }

    @Test
    void withoutReferencesThereAreNoReferenceColumns() {
        String header = Pivot.read(files(), List.of()).render().lines().findFirst().orElseThrow();
        assertFalse(header.contains("CPython"), header);
    }

    @Test
    void aCorruptResultNamesTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("jmh-x.json");
        Files.writeString(bad, "[{\"benchmark\": \"a.B.c\", \"primaryMetric\": {\"score\": 1");
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> Pivot.read(Map.of("x", bad), List.of()));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        Files.writeString(bad, "{\"not\": \"jmh\"}");
        e = assertThrows(TaskbenchException.class, () -> Pivot.read(Map.of("x", bad), List.of()));
        assertTrue(e.getMessage().contains("not a JMH JSON result"), e.getMessage());
    }

    @Test
    void warmupCurveFindsFirstCallSteadyStateAndCallsToIt() {
        WarmupCurve w = WarmupCurve.of(List.of(List.of(100.0, 50.0, 12.0, 10.0, 10.0, 10.0, 10.0, 10.0)));
        assertNotNull(w);
        assertEquals(100.0, w.first());
        assertEquals(10.0, w.steady());
        assertEquals(3, w.callsToSteady());
        assertEquals(null, WarmupCurve.of(List.of(List.of(1.0, 2.0))));
    }

    @Test
    void referenceFiguresConvertToTheRowsUnit() {
        ReferenceResult r = new ReferenceResult("CPython", HasReference.Script.COUNTER_LOOP.id(), 236, 240, "ms/op");
        assertEquals(236_000, r.bestIn("us/op"), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> r.bestIn("ops/s"));
    }

    @Test
    void doublingTheTripCountShowsWhetherTheWorkIsDone() throws Exception {
        String out = Pivot.read(files(), List.of()).render();
        String line = row(out, "CounterLoopBenchmark.opaque outer 10000 → 20000");
        double c2 = score("c2", "opaque", "20000") / score("c2", "opaque", "10000");
        assertTrue(line.contains("×" + Pivot.number(c2)), line + " should hold " + c2);
    }

    private static double score(String set, String benchmark, String outer) throws Exception {
        for (JsonNode b : new ObjectMapper().readTree(FIXTURES.resolve("jmh-" + set + ".json").toFile())) {
            if (b.get("benchmark").asText().endsWith(benchmark) && outer.equals(b.path("params").path("outer").asText())) {
                return b.get("primaryMetric").get("score").asDouble();
            }
        }
        throw new AssertionError(benchmark + " " + outer);
    }

    /** Stands for a benchmark class: what the pivot knows of it is what it declares. */
    public static final class Declared {
        @HasReference(value = HasReference.Script.FORM_DECODE,
                seedParams = {"input=seed", "contender=taskbench"})
        public void decode() {
        }

        public void renamed() {
        }
    }

    @Test
    void referenceRowsAreTheDeclaredOnesWithTheSeedsOwnParameters() {
        String decode = Declared.class.getName() + ".decode";
        String renamed = Declared.class.getName() + ".renamed";
        assertEquals(HasReference.Script.FORM_DECODE.id(), Pivot.referenceFor(decode));
        assertEquals(null, Pivot.referenceFor(renamed), "no declaration, no reference column");
        assertEquals(HasReference.Script.FORM_DECODE.id(), Pivot.referenceFor(BenchmarkKey.of(decode,
                java.util.Map.of("input", "seed", "contender", "taskbench"), "avgt", 1)));
        assertEquals(null, Pivot.referenceFor(BenchmarkKey.of(decode,
                java.util.Map.of("input", "seed", "contender", "jdkURLDecoder"), "avgt", 1)));
        assertEquals(null, Pivot.referenceFor(BenchmarkKey.of(decode,
                java.util.Map.of("input", "ascii", "contender", "taskbench"), "avgt", 1)));
        assertEquals(HasReference.Script.COUNTER_LOOP.id(), Pivot.referenceFor(BenchmarkKey.of(
                dev.taskbench.loop.CounterLoopBenchmark.class.getName() + ".opaque",
                java.util.Map.of("outer", "10000"), "avgt", 1)));
        assertEquals(null, Pivot.referenceFor(BenchmarkKey.of(
                dev.taskbench.loop.CounterLoopBenchmark.class.getName() + ".opaque",
                java.util.Map.of("outer", "20000"), "avgt", 1)), "the doubled size is not the seed's loop");
    }
}
