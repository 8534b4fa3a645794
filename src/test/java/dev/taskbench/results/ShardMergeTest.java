package dev.taskbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging the run folders of a run's shards, made from a recorded run: two shards holding different rows of the same
 * flag set, each with its stop reasons, fork logs and plans; a row in two shards, a missing and a corrupt shard.
 */
class ShardMergeTest {
    private static final Path RECORDED = Path.of("src/test/resources/jmh/matrix-smoke");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPLIT = "0011223344556677";

    @TempDir
    Path dir;

    /** The recorded c2 rows: four, of which shard 1 ran the first {@code split} and shard 2 the rest. */
    private static List<JsonNode> c2Rows() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(RECORDED.resolve("jmh-c2.json").toFile()).forEach(rows::add);
        return rows;
    }

    /** A shard's run folder: the recorded metadata with this shard's section, stop log, fork log and plan. */
    private Path shard(int index, int of, List<JsonNode> c2, boolean withC1) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shards/shard-" + index));
        ArrayNode results = JSON.createArrayNode();
        c2.forEach(results::add);
        JSON.writeValue(folder.resolve("jmh-c2.json").toFile(), results);
        List<String> units = new ArrayList<>(c2.stream().map(r -> "c2 " + r.path("benchmark").asText()).distinct()
                .toList());
        if (withC1) {
            Files.copy(RECORDED.resolve("jmh-c1.json"), folder.resolve("jmh-c1.json"));
            units.add("c1 everything");
        }
        Map<String, Object> metadata = recordedMetadata();
        metadata.put("runId", "nightly-shard-" + index);
        metadata.put("clock", Map.of("plannedSeconds", 60 * index));
        metadata.put(ShardMerge.SHARD_KEY, Map.of("index", index, "of", of, "units", units,
                ShardMerge.SPLIT_KEY, SPLIT));
        List<StopLog.Stop> stops = c2.stream().map(r -> new StopLog.Stop("c2", key(r), 3, StopLog.Kind.WIDTH,
                "width of shard " + index + " " + r.path("params"))).toList();
        metadata.put(StopLog.METADATA_KEY, new StopLog("width <= 10%", 3, 8, stops));
        metadata.put(ForkLog.METADATA_KEY, new ForkLog(2, c2.stream().map(r -> new ForkLog.RowLog("c2", key(r), "ms/op",
                List.of(new ForkLog.Fork(1, 0, 0, false, List.of(), 4.0)), List.of(), 1.0)).toList()));
        metadata.put(PlanLog.METADATA_KEY, new PlanLog("the profile", List.of(), c2.stream().map(r -> new PlanLog
                .Planned("c2", key(r), 3, 2, "1 x 500 ms", false, "shard " + index)).toList()));
        JSON.writeValue(folder.resolve(RunResults.METADATA_FILE).toFile(), metadata);
        return folder;
    }

    private static BenchmarkKey key(JsonNode row) {
        Map<String, String> params = new LinkedHashMap<>();
        row.path("params").properties().forEach(f -> params.put(f.getKey(), f.getValue().asText()));
        return BenchmarkKey.of(row.path("benchmark").asText(), params, row.path("mode").asText(),
                row.path("threads").asInt());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordedMetadata() throws IOException {
        return new LinkedHashMap<>(JSON.readValue(RECORDED.resolve("metadata.json").toFile(), Map.class));
    }

    private void twoShards() throws IOException {
        List<JsonNode> c2 = c2Rows();
        shard(1, 2, c2.subList(0, 1), true);
        shard(2, 2, c2.subList(1, 4), false);
    }

    @Test
    void rowsOfOneFlagSetFromTwoShardsKeepEveryRowsResultsAndStopReason() throws IOException {
        twoShards();
        ShardMerge.Merged m = ShardMerge.merge(dir.resolve("shards"), dir.resolve("nightly"));
        assertEquals(2, m.shards());
        RunResults run = RunResults.read(dir.resolve("nightly"));
        assertEquals(4, run.results().stream().filter(r -> r.flagSet().equals("c2")).count());
        assertTrue(run.results().stream().anyMatch(r -> r.flagSet().equals("c1")));
        StopLog stops = StopLog.of(run.metadata()).orElseThrow();
        assertEquals(4, stops.rows().size());
        for (JsonNode row : c2Rows()) {
            assertTrue(stops.of(new RowKey("c2", key(row))).isPresent(), "a stop for " + row.path("params"));
        }
        assertEquals(1, stops.rows().stream().filter(s -> s.reason().startsWith("width of shard 1")).count());
        assertEquals(3, stops.rows().stream().filter(s -> s.reason().startsWith("width of shard 2")).count());
        assertEquals(4, ForkLog.of(run.metadata()).orElseThrow().rows().size());
        assertEquals(4, PlanLog.of(run.metadata()).orElseThrow().rows().size());
        JsonNode metadata = JSON.readTree(dir.resolve("nightly/metadata.json").toFile());
        assertEquals(2, metadata.path(ShardMerge.SHARDS_KEY).size());
        assertEquals("nightly-shard-2", metadata.path(ShardMerge.SHARDS_KEY).get(1).path("runId").asText());
        assertEquals(120, metadata.path(ShardMerge.SHARDS_KEY).get(1).path("clock").path("plannedSeconds").asInt());
        assertFalse(metadata.has(ShardMerge.SHARD_KEY), "the merged run is not a shard");
        assertFalse(metadata.has("clock"), "each shard's clock is its own");
        assertTrue(metadata.path("runId").asText().startsWith("nightly-2026"), metadata.path("runId").asText());
    }

    @Test
    void aRowInTwoShardsIsRefusedAndNothingIsWritten() throws IOException {
        List<JsonNode> c2 = c2Rows();
        shard(1, 2, c2.subList(0, 2), false);
        Path second = shard(2, 2, c2.subList(1, 4), false);
        rewriteShard(second, "units", List.of("c2 elsewhere"));
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> ShardMerge.merge(dir.resolve("shards"),
                dir.resolve("nightly")));
        assertTrue(e.getMessage().matches("row dev\\.taskbench\\.loop\\.CounterLoopBenchmark\\.opaque \\{.*\\} \\(avgt\\)"
                + " of jmh-c2\\.json is in two shards, shard-1 and shard-2; nothing merged"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void aMissingShardACorruptOneAndAUnitInTwoAreOneLineErrors() throws IOException {
        List<JsonNode> c2 = c2Rows();
        shard(1, 3, c2.subList(0, 1), false);
        Path second = shard(2, 3, c2.subList(1, 4), false);
        assertEquals("shard(s) 3 of 3 missing under " + dir.resolve("shards") + " (did their runs fail?)",
                message());
        Path third = shard(3, 3, List.of(), true);
        Files.writeString(third.resolve(RunResults.METADATA_FILE), "{\"runId\": \"nightly-shard-3\", \"shard\": ");
        assertTrue(message().startsWith(third.resolve(RunResults.METADATA_FILE) + " is not valid JSON: "), message());
        assertEquals(1, message().lines().count());
        Files.delete(third.resolve(RunResults.METADATA_FILE));
        assertEquals("shard " + third + " has no metadata.json: not a finished run folder (did its run fail?)",
                message());
        Files.delete(third.resolve("jmh-c1.json"));
        Files.delete(third.resolve("jmh-c2.json"));
        Files.delete(third);
        shard(3, 3, List.of(), true);
        rewriteShard(second, "units", List.of("c1 everything"));
        assertEquals("unit c1 everything ran in two shards, shard-2 and shard-3: their plans differ (same commit, flag"
                + " sets and results folder?)", message());
        Files.writeString(second.resolve("jmh-c2.json"), "[{\"benchmark\": ");
        assertTrue(message().startsWith(second.resolve("jmh-c2.json") + " is not valid JSON: "), message());
        assertNothingWritten();
    }

    @Test
    void shardsThatSplitTheRunOtherwiseAreRefused() throws IOException {
        twoShards();
        rewriteShard(dir.resolve("shards/shard-2"), ShardMerge.SPLIT_KEY, "ffeeddccbbaa9988");
        assertEquals("shard-2 split the run otherwise than shard-1 (split ffeeddccbbaa9988, not " + SPLIT + "): a unit"
                + " may have run twice or not at all; give every shard the same commit, flag sets, JDKs and results"
                + " folder", message());
        assertNothingWritten();
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws IOException {
        twoShards();
        Files.createDirectories(dir.resolve("nightly"));
        assertEquals(dir.resolve("nightly") + " exists; refusing to overwrite a run", message());
    }

    private String message() {
        return assertThrows(TaskbenchException.class, () -> ShardMerge.merge(dir.resolve("shards"),
                dir.resolve("nightly"))).getMessage();
    }

    @SuppressWarnings("unchecked")
    private static void rewriteShard(Path shard, String key, Object value) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>(JSON.readValue(shard.resolve(RunResults.METADATA_FILE)
                .toFile(), Map.class));
        Map<String, Object> section = new LinkedHashMap<>((Map<String, Object>) metadata.get(ShardMerge.SHARD_KEY));
        section.put(key, value);
        metadata.put(ShardMerge.SHARD_KEY, section);
        JSON.writeValue(shard.resolve(RunResults.METADATA_FILE).toFile(), metadata);
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("shards")), s.toList(), "no output and no half-written folder");
        }
    }
}
