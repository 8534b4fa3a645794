package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.ShardMerge;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end: real JMH runs, a real database, a real results folder. */
class SuiteRunnerTest {
    /** A method's undecided rows run as one JMH invocation: the product must hold each, and no more values. */
    @Test
    void undecidedRowsOfOneMethodShareTheSmallestParamProduct() {
        String m = "dev.taskbench.form.FormParsingBenchmark.decode";
        List<dev.taskbench.results.BenchmarkKey> rows = List.of(
                dev.taskbench.results.BenchmarkKey.of(m, java.util.Map.of("contender", "taskbench", "input", "seed"),
                        "avgt", 1),
                dev.taskbench.results.BenchmarkKey.of(m, java.util.Map.of("contender", "taskbench", "input", "ascii"),
                        "avgt", 1),
                dev.taskbench.results.BenchmarkKey.of(m, java.util.Map.of("contender", "tomcatParameters",
                        "input", "seed"), "avgt", 1));
        var product = RowForks.paramProduct(rows);
        assertEquals(List.of("contender", "input"), List.copyOf(product.keySet()));
        assertEquals(List.of("taskbench", "tomcatParameters"), List.copyOf(product.get("contender")));
        assertEquals(List.of("seed", "ascii"), List.copyOf(product.get("input")));
    }

    @RegisterExtension
    final BehaviourRunProperties properties = new BehaviourRunProperties();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path results, String... settings) {
        String[] args = Stream.concat(Stream.of("-Dtaskbench.results=" + results), Stream.of(settings))
                .toArray(String[]::new);
        return SuiteRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path onlyRun(Path results) throws Exception {
        try (Stream<Path> s = Files.list(results)) {
            List<Path> runs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().startsWith("compare-")).toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    @Test
    void aDatabaseBenchmarkRunsInAForkAndLeavesJsonAndMetadata(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Djmh.include=ConnectionBenchmark.oneUser",
                "-Djmh.args=-f 1 -wi 0 -i 1 -r 200ms -p source=hikari");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path run = onlyRun(results);
        JsonNode jmh = new ObjectMapper().readTree(run.resolve(ResultsStore.DEFAULT_RESULT_FILE).toFile());
        assertEquals(1, jmh.size());
        assertEquals("dev.taskbench.pool.ConnectionBenchmark.oneUser", jmh.get(0).get("benchmark").asText());
        assertTrue(jmh.get(0).get("primaryMetric").get("score").asDouble() > 0);
        assertFalse(jmh.toString().contains("taskbench.db.handoff=") && jmh.toString().contains("password"));
        JsonNode meta = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile());
        assertEquals("smoke", meta.get("profile").asText());
        assertTrue(meta.get("database").get("synchronous_commit").isTextual(), meta.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("results written to " + run));
    }

    @Test
    void aBenchmarkWithoutDatabaseNeedsNone(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.db.url=jdbc:postgresql://127.0.0.1:1/nope",
                "-Djmh.include=ConnectionPoolOverheadBenchmark.oneUser",
                "-Djmh.args=-f 0 -wi 0 -i 1 -r 100ms -p source=hikari");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no database needed"));
        assertEquals("none", new ObjectMapper().readTree(onlyRun(results).resolve(ResultsStore.METADATA_FILE)
                .toFile()).get("database").get("source").asText());
    }

    @Test
    void aSteadyRunWritesEachForksClassAndEachRowsSteadyStateBesideItsDeclaredWarmup(@TempDir Path results)
            throws Exception {
        int code = run(results, "-Dtaskbench.profile=steady", "-Dtaskbench.db.url=jdbc:postgresql://127.0.0.1:1/nope",
                "-Djmh.include=ConnectionPoolOverheadBenchmark.oneUser", "-Djmh.args=-f 0 -i 8 -r 20ms -p source=hikari");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("steady: measures from the first iteration, skipping the declared 4 x 500 ms warmup"
                + " of 1 class (ConnectionPoolOverheadBenchmark)"), text);
        Path run = onlyRun(results);
        ObjectMapper json = new ObjectMapper();
        JsonNode metadata = json.readTree(run.resolve(ResultsStore.METADATA_FILE).toFile());
        assertEquals("steady", metadata.get("profile").asText());
        JsonNode plan = metadata.get("warmups").get("dev.taskbench.pool.ConnectionPoolOverheadBenchmark.oneUser");
        assertEquals("4 x 500 ms", plan.get("declared").asText());
        assertEquals(0.02, plan.get("iterationSeconds").asDouble(), 1e-9);
        JsonNode forks = json.readTree(run.resolve(dev.taskbench.report.SteadyStateFile.NAME).toFile()).get("forks");
        assertEquals(1, forks.size(), "-f 0: one in-process fork");
        assertTrue(List.of("flat", "warm-up", "slowdown", "no steady state").contains(forks.get(0).get("class").asText()),
                forks.toString());
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("## Steady state per fork") && md.contains("| 4 x 500 ms (2.0 s) | 2.0 s |"), md);
        assertTrue(text.contains("Steady state per fork ("), "the screen shows the section too");
    }

    @Test
    void theLastScreenIsTheFindingsThenWhereTheReportsAre(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.db.url=jdbc:postgresql://127.0.0.1:1/nope",
                "-Djmh.include=ConnectionPoolOverheadBenchmark.oneUser",
                "-Djmh.args=-f 0 -wi 0 -i 2 -r 100ms -p source=hikari,dbcp2");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        Path run = onlyRun(results);
        int jmhTable = text.lastIndexOf("taskbench: flag set default on"); // JMH's own tables go to System.out
        int findings = text.lastIndexOf("Findings (");
        int reports = text.lastIndexOf("taskbench: reports: " + run.resolve("report.html"));
        assertTrue(jmhTable >= 0 && findings > jmhTable && reports > findings, text);
        assertTrue(text.substring(findings, reports).contains("DBCP2's borrow and return take "), text);
        assertTrue(text.substring(reports).strip().lines().count() <= 2, "nothing after the reports but the folder");
        assertTrue(Files.readString(run.resolve("report.md")).contains("DBCP2's borrow and return take "));
        assertTrue(text.substring(0, jmhTable).contains(" rows x 1 fork on 1 flag set (from the profile: no earlier"
                + " run of this testbed)"), "the estimate, before the first pass: " + text);
        assertTrue(text.substring(jmhTable, findings).contains("taskbench: planned about "), text);
        JsonNode clock = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile())
                .get(RunProgress.METADATA_KEY);
        assertTrue(clock.get("plannedSeconds").asLong() > 0 && clock.has("actualSeconds"), clock.toString());
    }

    @Test
    void anUnreachableDatabaseFailsFastWithOneReadableMessage(@TempDir Path results) throws Exception {
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(results,
                "-Dtaskbench.db.url=jdbc:postgresql://127.0.0.1:1/nope", "-Djmh.include=ConnectionBenchmark"));
        assertEquals(1, code);
        String e = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(e.startsWith("taskbench: cannot use the database"), e);
        assertFalse(e.contains("\tat "), e);
        try (Stream<Path> s = Files.list(results)) {
            assertEquals(0, s.count(), "nothing left in results/");
        }
    }

    @Test
    void unknownBenchmarkProfileAndArgumentsAreReadableErrors(@TempDir Path results) {
        assertEquals(1, run(results, "-Djmh.include=NoSuchBenchmark"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no benchmark matches [NoSuchBenchmark]"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ConnectionBenchmark"));
        err.reset();
        assertEquals(1, run(results, "-Dtaskbench.profile=fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown profile 'fast'"));
        err.reset();
        assertEquals(1, SuiteRunner.run(new String[] {"Connection"}, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unexpected argument 'Connection'"));
    }

    @Test
    void badCeilingSettingsAreReadableErrors(@TempDir Path results) {
        assertEquals(1, run(results, "-Dtaskbench.ceiling=sometimes", "-Djmh.include=InsertBenchmark"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not one of bracket, after, off"), err.toString());
        err.reset();
        properties.restore();
        assertEquals(1, run(results, "-Dtaskbench.ceiling.seconds=5s", "-Djmh.include=InsertBenchmark"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a whole number of seconds"), err.toString());
    }

    /** Slow on purpose: the write benchmark's declared 5 x 1 s warmup runs, since that is what it checks. */
    @Test
    void writeBenchmarksGetTheWarmupTheirJitNeedsInAMeasuringProfile(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=standard", "-Dtaskbench.ceiling=off",
                "-Djmh.include=InsertBenchmark.requestOneUser|ConnectionBenchmark.oneUser",
                "-Djmh.args=-f 1 -i 1 -r 100ms -p path=jdbcPrepared -p source=hikari");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode jmh = new ObjectMapper().readTree(onlyRun(results).resolve(ResultsStore.DEFAULT_RESULT_FILE).toFile());
        assertEquals(2, jmh.size(), jmh.toString());
        for (JsonNode b : jmh) {
            boolean write = b.get("benchmark").asText().contains("InsertBenchmark");
            assertEquals(write ? 5 : Profile.STANDARD.warmupIterations(), b.get("warmupIterations").asInt(), b.toString());
            assertEquals(write ? "1000 ms" : "500 ms", b.get("warmupTime").asText(), b.toString());
        }
    }

    /** Four pgbench samples of 1 s, pgbench's least: one before and one after each of the two benchmarks. */
    @Test
    void theCeilingIsSampledRightBeforeAndAfterEachSingleRowBenchmark(@TempDir Path results) throws Exception {
        assumeTrue(dev.taskbench.ceiling.PgbenchCeiling.find().isPresent(), "pgbench is not on the PATH");
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.ceiling=bracket",
                "-Dtaskbench.ceiling.seconds=1", "-Djmh.include=InsertBenchmark.request",
                "-Djmh.args=-f 1 -wi 0 -i 1 -r 100ms -p path=jdbcPrepared");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String ceiling = Files.readString(onlyRun(results).resolve(Publishing.CEILING_FILE));
        assertTrue(ceiling.startsWith("ceiling: pgbench -M prepared, the same INSERT, table and clients, 1 s right"),
                ceiling);
        for (String method : List.of("requestOneUser ", "requestTenUsers ")) {
            String line = ceiling.lines().filter(l -> l.startsWith("InsertBenchmark." + method)).findFirst()
                    .orElseThrow(() -> new AssertionError(ceiling));
            assertTrue(line.matches(".*\\(\\d+ \\d+\\) +!?\\d+%"), "a sample before and one after: " + line);
        }
        JsonNode jmh = new ObjectMapper().readTree(onlyRun(results).resolve(ResultsStore.DEFAULT_RESULT_FILE).toFile());
        for (JsonNode b : jmh) {
            JsonNode secondary = b.get("secondaryMetrics");
            assertTrue(secondary.has("pgbench.rows/s") && secondary.has("pgbench.sample.1")
                    && secondary.has("pgbench.sample.2"), "the samples are secondary metrics: " + secondary);
        }
    }

    @Test
    void aMatrixRunsEachFlagSetSkipsTheUnsupportedAndPrintsThePivot(@TempDir Path results) throws Exception {
        Path sets = results.resolveSibling(results.getFileName() + "-flagsets.conf");
        Files.writeString(sets, "int = -Xint\ntiered =\nbogus = -XX:+NoSuchTaskbenchFlag\n");
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.flagsets=int,bogus,tiered",
                "-Dtaskbench.flagsets.file=" + sets, "-Dtaskbench.reference=off",
                "-Djmh.include=CounterLoopBenchmark.faithful", "-Djmh.args=-f 1 -wi 0 -i 1 -r 100ms");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("flag set 'bogus' is unsupported") && o.contains("NoSuchTaskbenchFlag"), o);
        Path run = onlyRun(results);
        assertTrue(Files.isRegularFile(run.resolve("jmh-int.json")));
        assertTrue(Files.isRegularFile(run.resolve("jmh-tiered.json")));
        assertFalse(Files.exists(run.resolve("jmh-bogus.json")));
        JsonNode forkArgs = new ObjectMapper().readTree(run.resolve("jmh-int.json").toFile()).get(0).get("jvmArgs");
        assertTrue(forkArgs.toString().contains("-Xint"), forkArgs.toString());
        String pivot = Files.readString(run.resolve(Publishing.PIVOT_FILE));
        assertTrue(pivot.lines().findFirst().orElseThrow().matches("benchmark +\\| int +\\| tiered"), pivot);
        assertTrue(o.contains(pivot.lines().findFirst().orElseThrow()), "pivot printed");
        JsonNode meta = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile());
        assertTrue(meta.get("flagSets").get("bogus").get("status").asText().startsWith("unsupported"));
        assertEquals("ran", meta.get("flagSets").get("int").get("status").asText());
        Files.delete(sets);
    }

    @Test
    void interleavedRoundsJoinTheirForksPerFlagSet(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.flagsets=c1,c2", "-Dtaskbench.interleave=true",
                "-Dtaskbench.reference=off", "-Djmh.include=CounterLoopBenchmark.faithful",
                "-Djmh.args=-f 2 -wi 0 -i 1 -r 100ms");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.indexOf("flag set c1 on") < o.indexOf("flag set c2 on")
                && o.indexOf("flag set c2 on") < o.lastIndexOf("flag set c1 on"), "A B A B order:\n" + o);
        for (String set : List.of("c1", "c2")) {
            JsonNode raw = new ObjectMapper().readTree(onlyRun(results).resolve("jmh-" + set + ".json").toFile())
                    .get(0).get("primaryMetric").get("rawData");
            assertEquals(2, raw.size(), set + " should have one fork per round: " + raw);
        }
        JsonNode stops = new ObjectMapper().readTree(onlyRun(results).resolve(ResultsStore.METADATA_FILE).toFile())
                .get("stops");
        assertEquals("fixed: -f 2", stops.get("rule").asText(), "-f fixes the forks: " + stops);
        assertEquals(List.of("c1", "c2"), List.of(stops.get("rows").get(0).get("flagSet").asText(),
                stops.get("rows").get(1).get("flagSet").asText()), "each flag set's rows keep their reasons");
    }

    /**
     * Two shards of a two-flag-set run, each on a runner of its own (a results folder each): each runs one flag
     * set, says so, keeps its shard in the metadata, and the merge joins them into one run with both rows' stops.
     */
    @Test
    void theShardsOfARunEachRunTheirUnitsAndMergeIntoOneRun(@TempDir Path results) throws Exception {
        List<String> flagSets = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            Path runner = results.resolve("runner-" + k);
            int code = run(runner, "-Dtaskbench.profile=smoke", "-Dtaskbench.flagsets=c1,c2",
                    "-Dtaskbench.reference=off", "-Djmh.include=CounterLoopBenchmark.faithful",
                    "-Djmh.args=-f 1 -wi 0 -i 1 -r 50ms", "-Dtaskbench.shard=" + k + "/2",
                    "-Dtaskbench.run.id=shard-" + k);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("taskbench: shard " + k + " of 2: 1 unit, about "),
                    out.toString(StandardCharsets.UTF_8));
            Path run = runner.resolve("shard-" + k);
            try (Stream<Path> s = Files.list(run)) {
                List<String> jsons = s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("jmh-")).toList();
                assertEquals(1, jsons.size(), "one flag set a shard: " + jsons);
                flagSets.add(jsons.get(0));
            }
            JsonNode shard = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile()).get("shard");
            assertEquals(List.of(k, 2), List.of(shard.get("index").asInt(), shard.get("of").asInt()), shard.toString());
            Files.move(run, Files.createDirectories(results.resolve("shards")).resolve("shard-" + k));
            out.reset();
        }
        assertEquals(Set.of("jmh-c1.json", "jmh-c2.json"), Set.copyOf(flagSets));
        ShardMerge.merge(results.resolve("shards"), results.resolve("nightly"));
        JsonNode merged = new ObjectMapper().readTree(results.resolve("nightly/metadata.json").toFile());
        assertEquals(2, merged.get("stops").get("rows").size(), merged.get("stops").toString());
        assertEquals(Set.of("c1", "c2"), Set.of(merged.get("stops").get("rows").get(0).get("flagSet").asText(),
                merged.get("stops").get("rows").get(1).get("flagSet").asText()));
        assertEquals(2, RunResults.read(results.resolve("nightly")).results().size());
    }

    /**
     * The stop rule end to end, on a method of two rows sharing each extra fork: with a width no
     * two real forks meet and no stop for rows out of reach, both rows get forks up to the cap, one JMH
     * invocation a round; the
     * reasons land in the metadata, and the report says how many forks the rows got and why.
     */
    @Test
    void rowsGetForksUntilTheirIntervalIsNarrowOrTheCap(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.stop.minForks=2",
                "-Dtaskbench.stop.maxForks=3", "-Dtaskbench.stop.width=0.001", "-Dtaskbench.stop.reachAt=0",
                "-Dtaskbench.reference=off",
                "-Djmh.include=CounterLoopBenchmark.opaque", "-Djmh.args=-wi 0 -i 1 -r 50ms");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        Path run = onlyRun(results);
        JsonNode jmh = new ObjectMapper().readTree(run.resolve("jmh-default.json").toFile());
        JsonNode stops = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile()).get("stops");
        assertEquals("width <= 0.1% of the median, 2 to 3 forks", stops.get("rule").asText(), stops.toString());
        assertEquals(2, stops.get("rows").size(), stops.toString());
        for (int i = 0; i < 2; i++) {
            int forks = jmh.get(i).get("primaryMetric").get("rawData").size();
            JsonNode stop = stops.get("rows").get(i);
            assertEquals(forks, stop.get("forks").asInt(), "the log counts the forks the results hold: " + stops);
            String reason = stop.get("reason").asText();
            assertTrue(forks == 3 ? reason.startsWith("cap 3 forks reached, width ")
                    : reason.matches("width .* <= 0\\.1% after 2 forks"), forks + " forks, " + reason);
        }
        if (said.contains("2 row(s) not yet within 0.1% of their median")) {
            assertTrue(said.contains("fork 3, flag set default: CounterLoopBenchmark.opaque (2 rows)"), said);
        }
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("## Forks per row") && md.contains("0.1% of the median, 2 to 3 forks."), md);
        assertTrue(md.contains("| stopped |"), "the rows table says why each row stopped: " + md);
    }

    /** A width every interval meets: each row stops at the rule's minimum, and says so. */
    @Test
    void quietRowsStopAtTheMinimum(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.stop.minForks=2",
                "-Dtaskbench.stop.maxForks=4", "-Dtaskbench.stop.width=10", "-Dtaskbench.reference=off",
                "-Djmh.include=CounterLoopBenchmark.opaque", "-Djmh.args=-wi 0 -i 1 -r 50ms -p outer=10000");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path run = onlyRun(results);
        assertEquals(2, forks(run.resolve("jmh-default.json")));
        JsonNode stop = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile()).get("stops")
                .get("rows").get(0);
        assertEquals("WIDTH", stop.get("kind").asText());
        assertTrue(stop.get("reason").asText().matches("width .*% <= 1000% after 2 forks"), stop.toString());
        assertTrue(Files.readString(run.resolve("report.md")).contains("1 row(s) stopped at 2 forks."));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("in 2 rounds of one fork a row") && said.contains(", round 1 of 2")
                && said.contains(", round 2 of 2"), "the minimum runs a fork of every row before any row's second: "
                + said);
    }

    /**
     * A row whose fork throws (here a parameter its int field cannot take) ends there: the other row
     * gets its forks and is published, the run says which row failed and why, and exits 1.
     */
    @Test
    void aFailingRowEndsItselfNotTheRun(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.stop.minForks=2",
                "-Dtaskbench.stop.maxForks=2", "-Dtaskbench.reference=off", "-Djmh.include=CounterLoopBenchmark.opaque",
                "-Djmh.args=-wi 0 -i 1 -r 50ms -p outer=10000,oops");
        String said = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, e);
        Path run = onlyRun(results);
        JsonNode jmh = new ObjectMapper().readTree(run.resolve("jmh-default.json").toFile());
        assertEquals(1, jmh.size(), jmh.toString());
        assertEquals("10000", jmh.get(0).get("params").get("outer").asText());
        assertEquals(2, jmh.get(0).get("primaryMetric").get("rawData").size(), "the other row got its forks");
        JsonNode failed = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile())
                .get("failedRows").get("rows");
        assertEquals(1, failed.size(), failed.toString());
        assertEquals("oops", failed.get(0).get("key").get("params").get("outer").asText());
        assertTrue(failed.get(0).get("reason").asText().contains("NumberFormatException"), failed.toString());
        assertEquals(1, said.split("outer=oops\\] avgt t1 failed: ", -1).length - 1,
                "said once, though the row ran in both rounds: " + said);
        assertTrue(e.contains("1 row(s) failed and are missing from the results: CounterLoopBenchmark.opaque"), e);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("1 row(s) failed and are missing from the findings"), md);
    }

    /** Every row failing (a fork JVM that cannot start) is a one-line error that names why, not a stack trace. */
    @Test
    void everyRowFailingIsAReadableError(@TempDir Path results) throws Exception {
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.reference=off",
                "-Djmh.include=CounterLoopBenchmark.opaque", "-Djmh.args=-wi 0 -i 1 -r 50ms -p outer=10000 "
                        + "-jvmArgsAppend -XX:+NoSuchTaskbenchFlag");
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, e);
        assertTrue(e.contains("every row failed, the first CounterLoopBenchmark.opaque [") && e.contains(
                "outer=10000] avgt t1: its fork ended without a result"), e);
        assertFalse(e.contains("\tat "), "one line, no stack trace: " + e);
    }

    @Test
    void aMatrixNoSetCanRunIsAReadableError(@TempDir Path results) throws Exception {
        Path sets = results.resolve("sets.conf");
        Files.writeString(sets, "bogus = -XX:+NoSuchTaskbenchFlag\nfuture = @jdk:99\n");
        assertEquals(1, run(results, "-Dtaskbench.flagsets=bogus,future", "-Dtaskbench.flagsets.file=" + sets,
                "-Djmh.include=CounterLoopBenchmark.faithful"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("none of the flag sets bogus,future can run here"), e);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("JDK 99 is not installed"));
    }

    @Test
    void theGateFailsARunThatIsSignificantlySlowerThanItsBaseline(@TempDir Path results) throws Exception {
        // a recorded JMH JSON from another machine: no testbed, so the gate must be told it may judge across
        Path baseline = Path.of("src/test/resources/jmh/pool-aa1.json").toAbsolutePath();
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.gate=true", "-Dbase=" + baseline,
                "-Dtaskbench.gate.acrossTestbeds=true",
                "-Djmh.include=ConnectionPoolOverheadBenchmark.oneUser",
                "-Djmh.args=-f 4 -wi 1 -w 100ms -i 1 -r 100ms -p source=hikari -jvmArgsAppend -Xint");
        assertEquals(dev.taskbench.ExitCodes.REGRESSION, code, err.toString(StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("gate failed") && e.contains("source=hikari"), e);
        Path run = onlyRun(results);
        assertTrue(Files.isRegularFile(run.resolve("report.md")) && Files.isRegularFile(run.resolve("report.html")));
        assertTrue(Files.isRegularFile(results.resolve("compare-pool-aa1-vs-" + run.getFileName()).resolve("report.html")));
    }

    @Test
    void aRunNameAsTheGateIsAOneLineErrorThatSaysWhereItNowGoes(@TempDir Path results) {
        assertEquals(1, run(results, "-Dtaskbench.gate=nightly-1", "-Djmh.include=CounterLoopBenchmark.faithful"));
        String e = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(e.startsWith("taskbench: ") && !e.contains("\n"), e);
        assertTrue(e.contains("use -Dtaskbench.gate=true -Dbase=nightly-1"), e);
    }

    @Test
    void aFlagSetThatFailsIsDroppedAndTheOthersArePublished(@TempDir Path results) throws Exception {
        Path sets = results.resolveSibling(results.getFileName() + "-starved.conf");
        Files.writeString(sets, "ok =\nstarved = -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xms64m -Xmx64m\n");
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.flagsets=ok,starved",
                "-Dtaskbench.flagsets.file=" + sets, "-Djmh.include=FormParsingBenchmark",
                "-Djmh.args=-f 1 -wi 1 -w 1s -i 1 -r 200ms -p input=description64k -p contender=jdkURLDecoder");
        Files.delete(sets);
        assertEquals(1, code, "a failed set makes the run fail, after publishing the rest");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("starved"), err.toString(StandardCharsets.UTF_8));
        Path run = onlyRun(results);
        assertTrue(Files.isRegularFile(run.resolve("jmh-ok.json")));
        assertFalse(Files.exists(run.resolve("jmh-starved.json")));
        JsonNode meta = new ObjectMapper().readTree(run.resolve(ResultsStore.METADATA_FILE).toFile());
        assertTrue(meta.get("flagSets").get("starved").get("status").asText().startsWith("failed"), meta.toString());
    }

    /** A jar whose manifest names this test JVM's class path and the JMH main the shaded jar has. */
    static Path manifestJar(Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JmhMain.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("baseline.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar;
    }

    /**
     * Candidate and baseline interleaved, a row that starts undecided: it gets fork pairs until
     * decided or the cap. The "baseline build" is these very classes behind a manifest-only jar.
     */
    @Test
    void undecidedRowsGetForkPairsUpToTheCap(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        // the candidate alone runs interpreted: a slowdown planted on one side only
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.baseline.jar=" + manifestJar(dir),
                "-Dtaskbench.adaptive.maxForks=4", "-Djmh.include=ConnectionPoolOverheadBenchmark.baseline",
                "-Djmh.args=-f 3 -wi 1 -w 100ms -i 1 -r 100ms", "-Dtaskbench.candidate.jvmArgs=-Xint");
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        // three forks a side can never be significant (best p 0.1): the row is undecided, one more pair
        assertTrue(said.contains("1 row(s) undecided after 3 fork pair(s)"), said);
        assertTrue(said.contains("fork pair 4, flag set default: ConnectionPoolOverheadBenchmark.baseline"), said);
        Path run = onlyRun(results);
        assertEquals(4, forks(run.resolve("jmh-default.json")), "the candidate's forks, capped");
        assertEquals(4, forks(run.resolve("baseline").resolve("jmh-default.json")), "as many baseline forks");
        double planted = score(run.resolve("jmh-default.json"));
        double untouched = score(run.resolve("baseline").resolve("jmh-default.json"));
        assertTrue(planted > 3 * untouched, "only the candidate ran -Xint: " + planted + " vs " + untouched);
        assertTrue(Files.readString(run.resolve("metadata.json")).contains("\"-Xint\""), "the metadata says so");
        try (Stream<Path> s = Files.list(run.resolve("baseline"))) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertTrue(left.isEmpty(), "round files are merged and removed: " + left);
        }
    }

    /**
     * {@code -Dtaskbench.profile.regressions=true} on an interleaved run: the SLOWER row is profiled
     * on both sides (the candidate with its own fork options), and diffed beside the comparison.
     * Four forks a side are the fewest that can be significant (best p about 0.03).
     */
    @Test
    void slowerRowsOfAnInterleavedRunAreProfiledOnBothSides(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        int code = run(results, "-Dtaskbench.profile=smoke", "-Dtaskbench.baseline.jar=" + manifestJar(dir),
                "-Dtaskbench.adaptive.maxForks=4", "-Djmh.include=ConnectionPoolOverheadBenchmark.baseline",
                "-Djmh.args=-f 4 -wi 1 -w 100ms -i 1 -r 100ms", "-Dtaskbench.candidate.jvmArgs=-Xint",
                "-Dtaskbench.profile.regressions=true", "-Dtaskbench.profilers.cache=" + dir.resolve("lib"));
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(said.contains("profiling both sides of 1 SLOWER row(s)"), said);
        Path run = onlyRun(results);
        String row;
        try (Stream<Path> s = Files.list(run.resolve("profiles"))) {
            row = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        assertTrue(Files.size(run.resolve("profiles").resolve(row).resolve("cpu.collapsed")) > 0, "the candidate's");
        assertTrue(Files.size(run.resolve("baseline").resolve("profiles").resolve(row).resolve("cpu.collapsed")) > 0,
                "the baseline jar's, from its child runner");
        Path diff;
        try (Stream<Path> s = Files.walk(results)) {
            diff = s.filter(p -> p.endsWith(Path.of("diff", row, "cpu.html"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no differential flame graph: " + said));
        }
        String html = Files.readString(diff);
        assertTrue(html.contains("Differential cpu flame graph"), html.substring(0, Math.min(300, html.length())));
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "the page loads nothing from outside");
        assertTrue(said.contains("SLOWER, differential flame graph in " + diff), said);
    }

    private static double score(Path jmhJson) throws Exception {
        return new ObjectMapper().readTree(jmhJson.toFile()).get(0).get("primaryMetric").get("score").asDouble();
    }

    private static int forks(Path jmhJson) throws Exception {
        JsonNode row = new ObjectMapper().readTree(jmhJson.toFile()).get(0);
        return row.get("primaryMetric").get("rawData").size();
    }
}
