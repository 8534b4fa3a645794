package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.ShardMerge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A merged sharded run's report names its shards with their rows and times; a whole run's does not. */
class RunReportShardsTest {

    private static Map<String, Object> shard(String id, int rows, int planned, int took) {
        return Map.of("runId", id, "clock", Map.of("rows", rows, "plannedSeconds", planned, "actualSeconds", took));
    }

    @Test
    void aMergedRunNamesEachShardWithItsPlannedAndRealTime() {
        RunResults run = new RunResults(Path.of("merged"), "merged", Map.of(ShardMerge.SHARDS_KEY, List.of(
                shard("night-1", 31, 840, 907), shard("night-2", 34, 845, 977))), List.of());
        assertEquals("Merged from 2 shards: night-1 (31 rows, planned 14 min, took 15 min 7 s), night-2 (34 rows,"
                + " planned 14 min, took 16 min 17 s).", RunReport.shards(run).orElseThrow().text());
    }

    @Test
    void aShardWithoutItsClockIsNamedAlone() {
        RunResults run = new RunResults(Path.of("merged"), "merged", Map.of(ShardMerge.SHARDS_KEY, List.of(
                Map.of("runId", "s1"))), List.of());
        assertEquals("Merged from 1 shard: s1.", RunReport.shards(run).orElseThrow().text());
    }

    @Test
    void aShardsEntryThatIsNoListIsAOneLineError() {
        RunResults run = new RunResults(Path.of("merged"), "merged", Map.of(ShardMerge.SHARDS_KEY, "two"), List.of());
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> RunReport.shards(run));
        assertTrue(e.getMessage().contains("'shards' entry that is not a list of shards"), e.getMessage());
    }

    @Test
    void aWholeRunSaysNothingOfShards() {
        RunResults run = new RunResults(Path.of("whole"), "whole", Map.of("runId", "whole"), List.of());
        assertTrue(RunReport.shards(run).isEmpty());
    }
}
