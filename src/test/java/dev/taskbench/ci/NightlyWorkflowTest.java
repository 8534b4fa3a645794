package dev.taskbench.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly workflow cannot run here; this keeps it valid and keeps every command it calls real. */
class NightlyWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/nightly.yml");
    private static final Path RECORDED_C2 = Path.of("src/test/resources/jmh/matrix-smoke/jmh-c2.json");

    private static JsonNode workflow() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    }

    private static List<String> runSteps(JsonNode wf) {
        List<String> runs = new ArrayList<>();
        wf.get("jobs").forEach(job -> job.get("steps").forEach(step -> {
            if (step.has("run")) {
                runs.add(step.get("run").asText());
            }
        }));
        return runs;
    }

    @Test
    void isScheduledShardsFlagSetsAndHasPostgresAsAService() throws Exception {
        JsonNode wf = workflow();
        assertTrue(wf.path("on").path("schedule").get(0).path("cron").asText().matches("(\\S+ ){4}\\S+"));
        JsonNode bench = wf.path("jobs").path("bench");
        JsonNode shards = bench.path("strategy").path("matrix").path("shard");
        assertTrue(shards.size() >= 2, shards.toString());
        for (int k = 0; k < shards.size(); k++) {
            assertEquals(k + 1, shards.get(k).asInt(), "the matrix is the shards 1..N: " + shards);
        }
        String run = runSteps(wf).stream().filter(r -> r.contains("jmh:run")).findFirst().orElseThrow();
        Matcher shard = Pattern.compile("-Dtaskbench\\.shard=\\$\\{\\{ matrix\\.shard }}/(\\d+)\\s").matcher(run);
        assertTrue(shard.find(), "each runner runs its shard of the matrix: " + run);
        assertEquals(shards.size(), Integer.parseInt(shard.group(1)), "N is the matrix's size");
        Matcher sets = Pattern.compile("-Dtaskbench\\.flagsets=(\\S+)").matcher(run);
        assertTrue(sets.find(), run);
        List<FlagSet> all = FlagSets.load(null).resolveAll(sets.group(1));
        assertTrue(all.size() >= 3, sets.group(1));
        assertTrue(run.contains("-Dtaskbench.run.id=nightly-shard-${{ matrix.shard }}"), run);
        JsonNode upload = bench.path("steps").findParents("uses").stream().filter(st -> st.path("uses").asText()
                .startsWith("actions/upload-artifact")).findFirst().orElseThrow().path("with");
        assertEquals("shard-${{ matrix.shard }}", upload.path("name").asText());
        assertEquals("results/nightly-shard-${{ matrix.shard }}", upload.path("path").asText());
        assertEquals("postgres:15", bench.path("services").path("postgres").path("image").asText());
        JsonNode gate = wf.path("jobs").path("gate");
        assertEquals("bench", gate.path("needs").asText());
        wf.get("jobs").forEach(job -> job.get("steps").forEach(step ->
                assertTrue(step.has("run") ^ step.has("uses"), "a step runs or uses: " + step)));
    }

    @Test
    void everyGoalAndScriptItCallsExists() throws Exception {
        String plugin = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8);
        Pattern goal = Pattern.compile("jmh:(\\w+)");
        Pattern script = Pattern.compile("(scripts/[\\w./-]+)");
        int goals = 0;
        for (String run : runSteps(workflow())) {
            Matcher g = goal.matcher(run);
            while (g.find()) {
                assertTrue(plugin.contains("<goal>" + g.group(1) + "</goal>"), "goal jmh:" + g.group(1));
                goals++;
            }
            Matcher s = script.matcher(run);
            while (s.find()) {
                assertTrue(Files.isExecutable(Path.of(s.group(1))), s.group(1));
            }
            for (String p : List.of("taskbench.profile=", "taskbench.flagsets=", "taskbench.baseline.jar=",
                    "taskbench.run.id=", "taskbench.gate=", "taskbench.shard=")) {
                if (run.contains(p)) {
                    assertFalse(run.contains(p + " "), "value after " + p);
                }
            }
            Matcher gate = Pattern.compile("taskbench\\.gate=(\\S*)").matcher(run);
            while (gate.find()) {
                assertTrue(gate.group(1).equals("true") || gate.group(1).equals("false"),
                        "taskbench.gate is a boolean in every command (the run to gate against is -Dbase): " + run);
            }
        }
        assertTrue(goals >= 2);
    }

    /** The proof-of-work tests' exact commit counts run strictly in CI (both): a busy database fails, never skips. */
    @Test
    void ciRunsTheExactCommitChecksStrictly() throws Exception {
        assertTrue(runSteps(workflow()).stream().anyMatch(r -> r.matches("(?s)mvn .*install.*-Dtaskbench\\.test\\.exact=true.*")),
                "the build step runs the tests with -Dtaskbench.test.exact=true");
        assertTrue(Files.readString(Path.of(".ci/run")).contains("install -Dtaskbench.test.exact=true"), ".ci/run too");
    }

    /**
     * The script the gate job merges with: shards' rows of one flag set joined, with the merged run's report, a row
     * in two shards refused.
     */
    @Test
    void mergeShardsJoinsShardsAndRefusesCollisions(@TempDir Path dir) throws Exception {
        for (int shard : List.of(1, 2)) {
            Path folder = Files.createDirectories(dir.resolve("shards/shard-" + shard + "/baseline"));
            Files.writeString(folder.resolveSibling("jmh-c2.json"), rows(shard - 1));
            Files.writeString(folder.resolve("jmh-c2.json"), rows(shard - 1));
            Files.writeString(folder.resolveSibling("metadata.json"), "{\"runId\":\"nightly-shard-" + shard + "\"}");
        }
        assertEquals(0, bash(dir.resolve("shards"), dir.resolve("nightly")));
        JsonNode merged = new ObjectMapper().readTree(dir.resolve("nightly/jmh-c2.json").toFile());
        assertEquals(2, merged.size());
        assertEquals(2, new ObjectMapper().readTree(dir.resolve("nightly/baseline/jmh-c2.json").toFile()).size());
        assertTrue(Files.isRegularFile(dir.resolve("nightly/report.md")), "the merged run's report");
        assertNotEquals(0, bash(dir.resolve("shards"), dir.resolve("nightly")), "never overwrites a run");
        Files.writeString(dir.resolve("shards/shard-2/jmh-c2.json"), rows(0));
        assertNotEquals(0, bash(dir.resolve("shards"), dir.resolve("other")), "a row in two shards");
        assertFalse(Files.exists(dir.resolve("other")));
    }

    /** The recorded c2 run's row {@code i} alone, as a shard that ran it writes its results. */
    private static String rows(int i) throws Exception {
        return "[" + new ObjectMapper().readTree(RECORDED_C2.toFile()).get(i) + "]";
    }

    private static int bash(Path shards, Path out) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", "scripts/merge-shards.sh", shards.toString(), out.toString())
                .redirectErrorStream(true);
        b.environment().put("TASKBENCH_CLASSPATH", System.getProperty("java.class.path"));
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = b.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
