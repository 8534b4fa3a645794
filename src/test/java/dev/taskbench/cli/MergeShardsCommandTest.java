package dev.taskbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.taskbench.ExitCodes;
import dev.taskbench.compare.Criteria;
import dev.taskbench.findings.Findings;
import dev.taskbench.report.RunReportFiles;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.ShardMerge;
import dev.taskbench.results.StopLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of a sharded run writes the run's report, made from the recorded standard run: a finding that holds
 * {@code StatementBenchmark.batch} against {@code singleRow}, two methods and so two shards' units, is answered by
 * the merged run alone; a report that fails keeps the merged folder.
 */
class MergeShardsCommandTest {
    private static final Path RECORDED = Path.of("results", "baseline");
    private static final String STATEMENTS = "dev.taskbench.write.StatementBenchmark.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Shard {@code index} of 2, holding the recorded rows of one StatementBenchmark method, each stopped for a reason. */
    private Path shard(int index, String method) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shards/shard-" + index));
        ArrayNode rows = JSON.createArrayNode();
        for (JsonNode r : JSON.readTree(RECORDED.resolve("jmh-default.json").toFile())) {
            if (r.path("benchmark").asText().equals(STATEMENTS + method)) {
                rows.add(r);
            }
        }
        Path results = folder.resolve("jmh-default.json");
        JSON.writeValue(results.toFile(), rows);
        Map<String, Object> metadata = recordedMetadata();
        metadata.put("runId", "nightly-shard-" + index);
        metadata.put(ShardMerge.SHARD_KEY, Map.of("index", index, "of", 2, "units", List.of("default "
                + STATEMENTS + method), ShardMerge.SPLIT_KEY, "0011223344556677"));
        List<StopLog.Stop> stops = new ArrayList<>();
        JmhJsonReader.read(results, "default").forEach(r -> stops.add(new StopLog.Stop("default", r.key(), 5,
                StopLog.Kind.WIDTH, "narrow enough in shard " + index)));
        metadata.put(StopLog.METADATA_KEY, new StopLog("width <= 10%", 3, 8, stops));
        JSON.writeValue(folder.resolve(RunResults.METADATA_FILE).toFile(), metadata);
        return folder;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordedMetadata() throws IOException {
        return new LinkedHashMap<>(JSON.readValue(RECORDED.resolve(RunResults.METADATA_FILE).toFile(), Map.class));
    }

    private int merge() {
        return MergeShardsCommand.run(new String[] {dir.resolve("shards").toString(), dir.resolve("nightly").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theMergedRunsReportAnswersAFindingWhoseRowsRanInTwoShards() throws IOException {
        String batch = "A batch of 100 rows in one transaction takes ";
        for (Path alone : List.of(shard(1, "batch"), shard(2, "singleRow"))) {
            assertTrue(Findings.of(RunResults.read(alone), Criteria.defaults()).stream()
                    .noneMatch(a -> a.sentence().startsWith(batch)), "no shard alone answers it: " + alone);
        }
        assertEquals(ExitCodes.OK, merge(), err.toString(StandardCharsets.UTF_8));
        Path run = dir.resolve("nightly");
        String md = Files.readString(run.resolve(RunReportFiles.MARKDOWN));
        int finding = md.indexOf(batch);
        assertTrue(finding >= 0, md);
        String sentence = md.substring(finding, md.indexOf('\n', finding)).replace("\\", "");
        assertTrue(sentence.matches(".*takes [0-9.]+\u00d7 \\[[0-9.]+\u00d7, [0-9.]+\u00d7].*"),
                "the ratio with its interval: " + sentence);
        assertTrue(finding < md.indexOf("| stopped |"), "findings first, then the rows with why each stopped");
        assertTrue(md.indexOf("Merged from 2 shards: ") < finding, "the shards it ran in, before the findings: " + md);
        assertTrue(md.contains("| narrow enough in shard 1 |") && md.contains("| narrow enough in shard 2 |"), md);
        assertTrue(Files.readString(run.resolve(RunReportFiles.HTML)).contains(batch));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(RunReportFiles.where(run)), out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportThatFailsIsOneLineAndKeepsTheMergedFolder() throws IOException {
        shard(1, "batch");
        Path second = shard(2, "singleRow");
        Map<String, Object> metadata = JSON.readValue(second.resolve(RunResults.METADATA_FILE).toFile(), Map.class);
        metadata.put(ForkLog.METADATA_KEY, Map.of("rerunCap", "two", "rows", List.of()));
        JSON.writeValue(second.resolve(RunResults.METADATA_FILE).toFile(), metadata);
        assertEquals(ExitCodes.FAILED, merge());
        Path run = dir.resolve("nightly");
        String line = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("taskbench: merged into " + run + ", but its report was not written: the run's"
                + " metadata.json has a 'forks' entry that is not a fork log"), line);
        assertTrue(Files.isRegularFile(run.resolve("jmh-default.json")) && Files.isRegularFile(run.resolve(
                RunResults.METADATA_FILE)), "the merged data is kept");
        assertFalse(Files.exists(run.resolve(RunReportFiles.MARKDOWN)));
    }
}
