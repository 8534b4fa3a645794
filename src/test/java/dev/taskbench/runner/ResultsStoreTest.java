package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 13, 5, 9);

    @Test
    void aRunIsInvisibleUntilItIsCommitted(@TempDir Path root) throws Exception {
        ResultsStore store = new ResultsStore(root);
        String id = store.newRunId("smoke", NOW);
        assertEquals("20261122-130509-smoke", id);
        Path staging = store.begin(id);
        Files.writeString(staging.resolve(ResultsStore.DEFAULT_RESULT_FILE), "[]");
        assertFalse(Files.exists(root.resolve(id)));
        Path published = store.commit(id, Map.of("runId", id));
        assertEquals(root.resolve(id), published);
        assertFalse(Files.exists(staging));
        assertEquals(id, new ObjectMapper().readTree(published.resolve(ResultsStore.METADATA_FILE).toFile())
                .get("runId").asText());
        assertEquals("[]", Files.readString(published.resolve(ResultsStore.DEFAULT_RESULT_FILE)));
    }

    @Test
    void runIdsNeverCollide(@TempDir Path root) {
        ResultsStore store = new ResultsStore(root);
        String first = store.newRunId("smoke", NOW);
        store.begin(first);
        assertEquals(first + "-2", store.newRunId("smoke", NOW));
    }

    /** Two runs started in the same second, in two processes: each claims a name of its own. */
    @Test
    void runsClaimingTogetherGetNamesOfTheirOwn(@TempDir Path root) throws Exception {
        ResultsStore one = new ResultsStore(root);
        ResultsStore other = new ResultsStore(root);
        String a = one.beginNew("smoke", NOW);
        String b = other.beginNew("smoke", NOW);
        assertEquals("20261122-130509-smoke", a);
        assertEquals(a + "-2", b);
        Files.writeString(one.staging(a).resolve(ResultsStore.DEFAULT_RESULT_FILE), "[]");
        one.commit(a, Map.of("runId", a));
        assertEquals(a + "-3", other.beginNew("smoke", NOW), "a published name is not reused either");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(pool.submit(() -> new ResultsStore(root).beginNew("smoke", NOW)));
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (var c : claims) {
                assertTrue(names.add(c.get()), "claimed twice: " + c.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunWithoutResultIsNotPublishedAndEmptyStagingIsRemoved(@TempDir Path root) throws Exception {
        ResultsStore store = new ResultsStore(root);
        String id = store.newRunId("standard", NOW);
        store.begin(id);
        assertThrows(TaskbenchException.class, () -> store.commit(id, Map.of()));
        assertFalse(Files.exists(root.resolve(id)));
        assertTrue(store.discardIfEmpty(id));
        assertFalse(Files.exists(store.staging(id)));
    }

    @Test
    void partialOutputIsKept(@TempDir Path root) throws Exception {
        ResultsStore store = new ResultsStore(root);
        String id = store.newRunId("full", NOW);
        Files.writeString(store.begin(id).resolve("partial.txt"), "x");
        assertFalse(store.discardIfEmpty(id));
        assertTrue(Files.exists(store.staging(id).resolve("partial.txt")));
    }

    @Test
    void theIndexListsPublishedRunsNewestFirstAndNothingElse(@TempDir Path root) throws Exception {
        ResultsStore store = new ResultsStore(root);
        for (String id : java.util.List.of("20261120-100000-smoke", "20261121-100000-standard")) {
            Files.writeString(store.begin(id).resolve("jmh-c2.json"), "[]");
            store.commit(id, Map.of("runId", id, "profile", id.substring(16), "git", Map.of("commit", "abc")));
        }
        store.begin("20261122-100000-full");
        Files.createDirectories(root.resolve("compare-a-vs-b"));
        com.fasterxml.jackson.databind.JsonNode runs = new ObjectMapper().readTree(store.writeIndex().toFile()).get("runs");
        assertEquals(2, runs.size(), runs.toString());
        assertEquals("20261121-100000-standard", runs.get(0).get("run").asText());
        assertEquals("standard", runs.get(0).get("profile").asText());
        assertEquals("c2", runs.get(0).get("flagSets").get(0).asText());
    }
}
