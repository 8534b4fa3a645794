package dev.taskbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunResultsTest {
    static final String HIKARI = "dev.taskbench.pool.ConnectionPoolOverheadBenchmark.oneUser";

    @TempDir
    Path dir;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = RunResultsTest.class.getResourceAsStream("/jmh/" + name)) {
            return in.readAllBytes();
        }
    }

    Path copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.write(to, fixture(fixture));
    }

    @Test
    void readsARealJmhFile() throws IOException {
        Path file = copy("pool-aa1.json", dir.resolve("pool-aa1.json"));
        RunResults run = RunResults.read(file);
        assertEquals("pool-aa1", run.runId());
        assertEquals(List.of("default"), run.flagSets());
        assertEquals(2, run.results().size());
        BenchmarkResult r = run.results().get(0);
        assertEquals(HIKARI, r.key().benchmark());
        assertEquals("ConnectionPoolOverheadBenchmark.oneUser", r.key().shortName());
        assertEquals(Map.of("poolSize", "10", "source", "hikari"), r.key().params());
        assertEquals("avgt", r.key().mode());
        assertEquals(1, r.key().threads());
        assertEquals("ns/op", r.unit());
        assertEquals(5, r.forkScores().size());
        assertEquals(5, r.allocNormPerFork().orElseThrow().size());

        // independently: a fork's score is the mean of its rawData iterations
        JsonNode raw = new ObjectMapper().readTree(file.toFile()).get(0).get("primaryMetric").get("rawData");
        for (int f = 0; f < raw.size(); f++) {
            double sum = 0;
            for (JsonNode v : raw.get(f)) {
                sum += v.asDouble();
            }
            assertEquals(sum / raw.get(f).size(), r.forkScores().get(f), 1e-9);
        }
        double alloc = r.allocNormPerFork().orElseThrow().get(0);
        assertTrue(alloc > 50 && alloc < 1000, "B/op of a pool borrow: " + alloc);
    }

    /** Sample-time mode writes rawDataHistogram (per fork, per iteration, [value, count] pairs) instead of rawData. */
    @Test
    void readsSampleModeHistograms() throws IOException {
        Path file = copy("pool-sample.json", dir.resolve("pool-sample.json"));
        BenchmarkResult r = RunResults.read(file).results().get(0);
        assertEquals("sample", r.key().mode());
        assertEquals("ns/op", r.unit());
        assertTrue(r.allocNormPerFork().isEmpty()); // recorded without -prof gc
        JsonNode forks = new ObjectMapper().readTree(file.toFile()).get(0).get("primaryMetric").get("rawDataHistogram");
        assertEquals(forks.size(), r.forkScores().size());
        for (int f = 0; f < forks.size(); f++) {
            double iterationSum = 0;
            for (JsonNode iteration : forks.get(f)) {
                double weighted = 0;
                long count = 0;
                for (JsonNode pair : iteration) {
                    weighted += pair.get(0).asDouble() * pair.get(1).asLong();
                    count += pair.get(1).asLong();
                }
                iterationSum += weighted / count;
            }
            assertEquals(iterationSum / forks.get(f).size(), r.forkScores().get(f), 1e-9);
        }
        String tiny = "[{\"benchmark\": \"a.B.c\", \"mode\": \"sample\", \"threads\": 1, \"primaryMetric\": {\"scoreUnit\":"
                + " \"us/op\", \"rawDataHistogram\": [[[[10.0, 1], [20.0, 3]], [[30.0, 2]]]]}}]";
        Path t = Files.writeString(dir.resolve("tiny.json"), tiny);
        assertEquals(List.of((17.5 + 30) / 2), RunResults.read(t).results().get(0).forkScores());
        Files.writeString(t, tiny.replace("[20.0, 3]", "[20.0]"));
        assertMessage(t, t + " is not a JMH JSON result: entry 1 (a.B.c) primaryMetric rawDataHistogram fork 1 holds"
                + " [20.0], not a [value, count] pair");
    }

    @Test
    void readsARunFolderWithFlagSetsAndMetadata() throws IOException {
        Path run = dir.resolve("20260101-000000-smoke");
        copy("pool-aa1.json", run.resolve("jmh-default.json"));
        copy("pool-xint.json", run.resolve("jmh-xint.json"));
        Files.writeString(run.resolve("metadata.json"), "{\"runId\":\"20260101-000000-smoke\",\"profile\":\"smoke\"}");
        Files.writeString(run.resolve("jmh-partial.json.tmp"), "[");
        RunResults r = RunResults.read(run);
        assertEquals(List.of("default", "xint"), r.flagSets());
        assertEquals("20260101-000000-smoke", r.runId());
        assertEquals("smoke", r.metadata().get("profile"));
        assertEquals(4, r.results().size());
        assertEquals(2, r.results("xint").size());
        assertEquals(2, r.byKey().size());
        assertEquals(List.of("default", "xint"), r.byKey().values().iterator().next().stream()
                .map(BenchmarkResult::flagSet).toList());
    }

    @Test
    void legacySingleResultIsTheDefaultFlagSet() throws IOException {
        Path run = dir.resolve("old-run");
        copy("pool-aa2.json", run.resolve("jmh-result.json"));
        RunResults r = RunResults.read(run);
        assertEquals(List.of("default"), r.flagSets());
        assertEquals("old-run", r.runId());
        copy("pool-aa2.json", run.resolve("jmh-default.json"));
        assertMessage(run, run + " holds both a legacy jmh-result.json and jmh-<flagset>.json files: keep one layout");
    }

    @Test
    void folderErrors() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertMessage(empty, empty + " holds no jmh-<flagset>.json result (nor a legacy jmh-result.json): not a run folder");
        Path staged = dir.resolve(".incomplete-20260101-000000-smoke");
        copy("pool-aa1.json", staged.resolve("jmh-default.json"));
        assertMessage(staged, staged + " is an unfinished run (interrupted?): it was never published");
        Path missing = dir.resolve("nope");
        assertMessage(missing, "no run at " + missing + ": neither a run folder nor a JMH JSON file");
        Path badMeta = dir.resolve("bad-meta");
        copy("pool-aa1.json", badMeta.resolve("jmh-default.json"));
        Files.writeString(badMeta.resolve("metadata.json"), "{\"runId\": \"x\",");
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> RunResults.read(badMeta));
        assertTrue(e.getMessage().startsWith(badMeta.resolve("metadata.json") + " is truncated"), e.getMessage());
    }

    @Test
    void truncatedRealFileNamesTheFile() throws IOException {
        byte[] whole = fixture("pool-aa1.json");
        Path run = dir.resolve("cut");
        Path file = run.resolve("jmh-default.json");
        Files.createDirectories(run);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> RunResults.read(run));
        assertTrue(e.getMessage().startsWith(file + " is truncated or not valid JSON (Unexpected end-of-input"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at line "), e.getMessage());
        assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';is empty: not a JMH result (was the run interrupted?)",
        "'  \n ';is empty: not a JMH result (was the run interrupted?)",
        "hello;is truncated or not valid JSON (Unrecognized token 'hello'",
        "[1, 2] [3];is truncated or not valid JSON (Trailing token",
        "{\"name\": \"package.json\"};is not a JMH JSON result: expected a JSON array of benchmark results, found an object",
        "[];holds no benchmark results (an empty JMH run?)",
        "[1, 2];is not a JMH JSON result: entry 1 is a number, not a benchmark result object",
        "[{\"id\": 1}];is not a JMH JSON result: entry 1 has no \"benchmark\"",
        "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"threads\": 1}];is not a JMH JSON result: entry 1 (a.B.c) has no \"primaryMetric\"",
        "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"threads\": 1, \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ns/op\"}}];"
            + "is not a JMH JSON result: entry 1 (a.B.c) primaryMetric has no \"rawData\" (per-fork scores)",
        "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"threads\": 1, \"primaryMetric\": {\"scoreUnit\": \"ns/op\", \"rawData\": [[1.0], [\"NaN\"]]}}];"
            + "is not a JMH JSON result: entry 1 (a.B.c) primaryMetric rawData fork 2 holds \"NaN\", not a number",
    })
    void badFilesNameTheFileAndTheProblem(String content, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("jmh-default.json"), content, StandardCharsets.UTF_8);
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> RunResults.read(file));
        assertTrue(e.getMessage().startsWith(file + " " + problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        // the folder path gives the same message
        TaskbenchException viaFolder = assertThrows(TaskbenchException.class, () -> RunResults.read(dir));
        assertEquals(e.getMessage(), viaFolder.getMessage());
    }

    @Test
    void duplicateRowsAreRefused() throws IOException {
        String row = "{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"threads\": 1, \"params\": {\"x\": \"1\"},"
                + " \"primaryMetric\": {\"scoreUnit\": \"ns/op\", \"rawData\": [[1.0, 2.0]]}}";
        Path file = Files.writeString(dir.resolve("two.json"), "[" + row + "," + row + "]");
        assertMessage(file, file + " lists B.c [x=1] avgt t1 twice");
    }

    /** JMH before 1.36 named profiler metrics with a leading middle dot. */
    @Test
    void oldMiddleDotAllocationKey() throws IOException {
        String json = "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"threads\": 2, \"primaryMetric\": {\"scoreUnit\":"
                + " \"ops/s\", \"rawData\": [[1.0, 3.0], [5.0]]}, \"secondaryMetrics\": {\"\u00b7gc.alloc.rate.norm\":"
                + " {\"scoreUnit\": \"B/op\", \"rawData\": [[24.0, 24.0], [32.0]]}}}]";
        Path file = Files.writeString(dir.resolve("old.json"), json, StandardCharsets.UTF_8);
        BenchmarkResult r = RunResults.read(file).results().get(0);
        assertEquals(List.of(2.0, 5.0), r.forkScores());
        assertEquals(List.of(24.0, 32.0), r.allocNormPerFork().orElseThrow());
        assertEquals(2, r.key().threads());
        assertTrue(r.key().params().isEmpty());
        assertEquals("B.c thrpt t2", r.key().label());
    }

    @Test
    void locateByNameOrPath() throws IOException {
        Path results = dir.resolve("results");
        copy("pool-aa1.json", results.resolve("run-a").resolve("jmh-default.json"));
        Files.createDirectories(results.resolve(".incomplete-x"));
        assertEquals(results.resolve("run-a"), RunResults.locate(results, "run-a"));
        Path file = results.resolve("run-a").resolve("jmh-default.json");
        assertEquals(file, RunResults.locate(results, file.toString()));
        assertMessage(() -> RunResults.locate(results, "run-b"),
                "no run named run-b under " + results + " (runs: run-a) and no such path");
    }

    private static void assertMessage(Path p, String message) {
        assertMessage(() -> RunResults.read(p), message);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String message) {
        assertEquals(message, assertThrows(TaskbenchException.class, e).getMessage());
    }
}
