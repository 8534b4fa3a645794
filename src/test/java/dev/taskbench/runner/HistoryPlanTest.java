package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.compare.Interval;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.history.RowHistory;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.PlanLog;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.StopLog;
import dev.taskbench.results.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Each row's plan from synthetic histories in a real results folder: where the variance lies sets
 * its iterations and forks, a steady run its warm-up, and another testbed's runs count for nothing.
 */
class HistoryPlanTest {
    private static final String OPAQUE = "CounterLoopBenchmark.opaque$";
    private static final String DECODE = "FormParsingBenchmark.decode$";
    private static final Map<String, String> MACHINE = Map.of("cpu.model", "cpu A", "cpu.cores", "2", "jdk", "17");
    private static final Map<String, String> OTHER = Map.of("cpu.model", "cpu B", "cpu.cores", "2", "jdk", "17");
    private static final StopRule RULE = new StopRule(0.10, 3, 8, 5);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEADY_ITERATIONS = 40;
    /** Where a fork still falls in its last quarter: never warm within the run. */
    private static final int STILL_FALLING = 35;

    @TempDir
    Path results;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Map<String, Object> testbed(Map<String, String> facts) {
        Map<String, Object> t = new LinkedHashMap<>(new Testbed(new TreeMap<>(facts)).toMetadata());
        t.put(RowTestbeds.DATABASE_BENCHMARKS, List.of());
        return t;
    }

    private static RunPlan plan(String include, CommandLineOptions user) {
        RowPlan rows = Planner.rows(Profile.STANDARD, user, include, false);
        return new RunPlan(rows, List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17)), Map.of(), 1, null,
                List.of(), false, false, RULE, null);
    }

    private static List<BenchmarkKey> keys(RunPlan plan, CommandLineOptions user) {
        List<BenchmarkKey> out = new ArrayList<>();
        plan.passes().passes().forEach((it, names) -> plan.selected().stream()
                .filter(e -> names.contains(e.getUsername()))
                .forEach(e -> out.addAll(HistoryPlan.keys(e, it.params(), user))));
        return out;
    }

    /** A run folder of {@code profile} on {@code facts}, each row's forks as {@code forks} gives them. */
    private Path run(String id, int hour, String profile, Map<String, String> facts, List<BenchmarkKey> rows,
            Function<BenchmarkKey, List<List<Double>>> forks) throws IOException {
        Path folder = Files.createDirectories(results.resolve(id));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BenchmarkKey k : rows) {
            List<List<Double>> raw = forks.apply(k);
            entries.add(Map.of("benchmark", k.benchmark(), "mode", k.mode(), "threads", k.threads(), "forks",
                    raw.size(), "params", k.params(), "primaryMetric", Map.of("score", 1, "scoreError", 0,
                            "scoreUnit", "ns/op", "rawData", raw)));
        }
        JSON.writeValue(folder.resolve("jmh-default.json").toFile(), entries);
        JSON.writeValue(folder.resolve("metadata.json").toFile(), Map.of("runId", id, "profile", profile,
                "startedAt", T0.plusSeconds(3600L * hour).toString(), Testbed.METADATA_KEY, testbed(facts)));
        return folder;
    }

    /** Three standard runs of these rows on {@code facts}. */
    private void threeRuns(Map<String, String> facts, List<BenchmarkKey> rows,
            Function<BenchmarkKey, List<List<Double>>> forks) throws IOException {
        for (int i = 1; i <= 3; i++) {
            run("2026120" + i + "-100000-standard", i, "standard", facts, rows, forks);
        }
    }

    /** Three standard runs whose rows' five forks spread by 7.9% between them, none within: 16 forks for 10%. */
    private void spreadRuns(List<BenchmarkKey> rows) throws IOException {
        threeRuns(MACHINE, rows, k -> List.of(List.of(100.0, 100.0), List.of(110.0, 110.0), List.of(90.0, 90.0),
                List.of(105.0, 105.0), List.of(95.0, 95.0)));
    }

    /** A steady run of these rows, each fork's iterations (0.1 s each, from the first) as {@code forks} gives them. */
    private void steadyRun(String id, int hour, List<BenchmarkKey> rows,
            Function<BenchmarkKey, List<List<Double>>> forks) throws IOException {
        run(id, hour, "steady", MACHINE, rows, forks);
    }

    /** 40 iterations about 45 ns with 1% noise, {@code slower} times as slow in [from, to). */
    private static List<Double> fork(long seed, double slower, int from, int to) {
        Random noise = new Random(seed);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < STEADY_ITERATIONS; i++) {
            out.add(45 * (i >= from && i < to ? slower : 1) * Math.exp(0.01 * noise.nextGaussian()));
        }
        return out;
    }

    /** Forks three times as slow for their first {@code iterations}, then flat; as many as {@code warm} gives. */
    private static List<List<Double>> warmingUp(List<Integer> warm) {
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < warm.size(); i++) {
            out.add(fork(i, 3, 0, warm.get(i)));
        }
        return out;
    }

    private HistoryPlan plan(RunPlan plan, CommandLineOptions user, Map<String, String> facts) {
        RowHistory history = RowHistory.read(results, new PrintStream(err, true, StandardCharsets.UTF_8));
        return HistoryPlan.plan(plan, user, RowTestbeds.of(Map.of(Testbed.METADATA_KEY, testbed(facts))), history,
                ForkTimes.read(results), ForkStops.read(results), null);
    }

    /** Adds to run {@code id}'s metadata the stop rule's log: each row ended at {@code forks} by its width. */
    @SuppressWarnings("unchecked")
    private void stopped(String id, List<BenchmarkKey> rows, int forks) throws IOException {
        Path metadata = results.resolve(id).resolve("metadata.json");
        Map<String, Object> m = new java.util.LinkedHashMap<>(JSON.readValue(metadata.toFile(), Map.class));
        m.put(StopLog.METADATA_KEY, JSON.convertValue(new StopLog(RULE.describe(), 3, 8, rows.stream().map(k ->
                new StopLog.Stop("default", k, forks, StopLog.Kind.WIDTH, "width 9% <= 10% after " + forks + " forks"))
                .toList()), Map.class));
        JSON.writeValue(metadata.toFile(), m);
    }

    private static HistoryPlan.Row only(HistoryPlan plan, BenchmarkKey key) {
        return plan.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void varianceAllBetweenForksGivesOneIterationAndMoreForks() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        assertEquals(2, rows.size(), "outer=10000 and 20000");
        spreadRuns(rows);
        HistoryPlan planned = plan(plan, user, MACHINE);
        HistoryPlan.Row row = only(planned, rows.get(0));
        assertEquals(1, row.runsWith().measurementIterations(), row.why());
        assertEquals(5, row.forks(), "a spread of 7.9% needs 16 forks for 10%, more than the cap: it starts where"
                + " the rule gives such a row up; " + row.why());
        assertTrue(row.why().startsWith("CounterLoopBenchmark.opaque [increment=500, inner=1000, outer=10000] avgt t1:"
                + " 5 forks x 1 iteration, warm-up 1 x 500 ms (variance 100% between forks, from 3 earlier runs"),
                row.why());
        assertEquals(3, planned.runs().size());
        RunPlan applied = planned.apply(plan);
        assertEquals(1, applied.passes().passes().keySet().iterator().next().measurementIterations(),
                "the method's pass runs the plan");
    }

    @Test
    void varianceAllWithinForksGivesMoreIterationsAndTheMinimumForks() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        threeRuns(MACHINE, rows, k -> List.of(List.of(99.0, 101.0), List.of(101.0, 99.0), List.of(99.0, 101.0)));
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(1));
        assertEquals(HistoryPlan.MAX_ITERATIONS, row.runsWith().measurementIterations(), row.why());
        assertEquals(3, row.forks(), row.why());
        assertTrue(row.why().contains("variance 0% between forks"), row.why());
    }

    @Test
    void theOptimumIsRoundedUpWithinOneAndTheCap() throws Exception {
        assertEquals(3, HistoryPlan.iterations(Math.sqrt(6)), "the worked example of VarianceSplitTest");
        assertEquals(2, HistoryPlan.iterations(2.0));
        assertEquals(1, HistoryPlan.iterations(0));
        assertEquals(HistoryPlan.MAX_ITERATIONS, HistoryPlan.iterations(Double.POSITIVE_INFINITY));
    }

    private static CommandLineOptions decode(String contender) throws Exception {
        return new CommandLineOptions("-p", "input=seed", "-p", "contender=" + contender);
    }

    /**
     * Nine of ten forks are warm from 0.3 s, one still falls at its end: the 75th percentile is 0.3 s, one
     * steady iteration (0.1 s) on top, 0.4 s, 1 of the class's 500 ms warm-up iterations, fewer than its declared
     * 2, which it keeps. The older steady run, warm at 3.0 s, is not read (it would lengthen it).
     */
    @Test
    void aSteadyHistoryNeverShortensTheDeclaredWarmup() throws Exception {
        CommandLineOptions user = decode("taskbench");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        assertEquals(1, rows.size());
        List<Integer> warm = new ArrayList<>(Collections.nCopies(9, 3));
        warm.add(STILL_FALLING);
        steadyRun("20261203-090000-steady", 1, rows, k -> warmingUp(warm));
        steadyRun("20261201-090000-steady", 0, rows, k -> warmingUp(Collections.nCopies(10, 30)));
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(2, row.runsWith().warmupIterations(), row.why());
        assertTrue(row.why().contains("warm-up 2 x 500 ms (warm after 0.3 s in 9 of 10 forks, run "
                + "20261203-090000-steady; the declared 2 x 500 ms kept: a steady run lengthens a warm-up, never"
                + " shortens it"), row.why());
        assertTrue(row.why().contains("forks and iterations from the profile"), row.why());
    }

    /** Forks three times as slow for 1.2 s, then flat: warm at 1.2 s, 1.3 s with the iteration, 3 x 500 ms. */
    @Test
    void aWarmUpThenFlatGivesTheWarmUpsEnd() throws Exception {
        CommandLineOptions user = decode("taskbench");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        steadyRun("20261203-090000-steady", 1, rows, k -> warmingUp(Collections.nCopies(10, 12)));
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(3, row.runsWith().warmupIterations(), row.why());
        assertTrue(row.why().contains("warm-up 3 x 500 ms (warm after 1.2 s in 10 of 10 forks"), row.why());
    }

    /**
     * Flat forks with the host's 1 s level shift, 1.5x, in their middle (half of them) or their last quarter
     * (the others, which PELT calls never steady): warm from the first iteration, so the declared warm-up.
     */
    @Test
    void aPassingLevelShiftDoesNotLengthenTheWarmup() throws Exception {
        CommandLineOptions user = decode("taskbench");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        List<List<Double>> forks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            forks.add(i % 2 == 0 ? fork(i, 1.5, 15, 25) : fork(i, 1.5, 28, 38));
        }
        steadyRun("20261203-090000-steady", 1, rows, k -> forks);
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(2, row.runsWith().warmupIterations(), row.why());
        assertTrue(row.why().contains("warm-up 2 x 500 ms (warm after 0.0 s in 10 of 10 forks"), row.why());
    }

    /**
     * One contender's forks warm at 2.3 s, the others' at 0.3 s: it runs 5 x 500 ms in an invocation of its
     * own, the others their declared 2 x 500 ms in theirs, and each row's line says what it runs.
     */
    @Test
    void oneSlowRowDoesNotLengthenTheOthersWarmup() throws Exception {
        CommandLineOptions user = new CommandLineOptions("-p", "input=seed");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        assertTrue(rows.size() > 2, rows.toString());
        BenchmarkKey slow = rows.get(0);
        steadyRun("20261203-090000-steady", 1, rows, k -> warmingUp(Collections.nCopies(10, k.equals(slow) ? 23 : 3)));
        HistoryPlan planned = plan(plan, user, MACHINE);
        for (BenchmarkKey k : rows) {
            HistoryPlan.Row row = only(planned, k);
            int warmup = k.equals(slow) ? 5 : 2;
            assertEquals(warmup, row.runsWith().warmupIterations(), row.why());
            assertTrue(row.why().contains(": 3 forks x 2 iterations, warm-up " + warmup + " x 500 ms (warm after"),
                    row.why());
        }
        PassPlan passes = planned.apply(plan).passes();
        assertEquals(2, passes.passes().size(), passes.toString());
        for (BenchmarkKey k : rows) {
            PassPlan.Iterations it = passes.of(k.benchmark(), k.params()).orElseThrow();
            assertEquals(k.equals(slow) ? 5 : 2, it.warmupIterations(), k + " in " + it);
            assertTrue(passes.excludesFor(it).stream().noneMatch(x -> x.contains("decode")), passes.toString());
        }
        assertEquals(List.of(List.of(slow.params().get("contender"))), passes.passes().keySet().stream()
                .filter(it -> it.warmupIterations() == 5).map(it -> it.params().get("contender")).toList());
        RowTestbeds testbeds = RowTestbeds.of(Map.of(Testbed.METADATA_KEY, testbed(MACHINE)));
        List<RunClock.Rows> clock = RunClock.planned(RunClock.rows(planned.apply(plan), user, testbeds), planned);
        assertEquals(rows.size(), clock.stream().mapToInt(RunClock.Rows::rows).sum(), "each row counted once");
    }

    /** Rows that are no parameter product run as few products as hold exactly them. */
    @Test
    void rowsOfOnePlanRunAsParameterProducts() {
        List<Map<String, String>> rows = List.of(Map.of("c", "a", "i", "x"), Map.of("c", "a", "i", "y"),
                Map.of("c", "b", "i", "x"), Map.of("c", "d", "i", "x"));
        assertEquals(List.of(Map.of("c", List.of("a"), "i", List.of("x", "y")), Map.of("c", List.of("b", "d"), "i",
                List.of("x"))), PassProducts.products(rows));
        assertEquals(List.of(Map.of("c", List.of("a", "b"), "i", List.of("x"))),
                PassProducts.products(List.of(rows.get(0), rows.get(2))));
    }

    @Test
    void aHistoryOfMostlyNeverWarmForksKeepsTheWarmup() throws Exception {
        CommandLineOptions user = decode("taskbench");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        List<Integer> warm = new ArrayList<>(Collections.nCopies(3, 6));
        warm.addAll(Collections.nCopies(7, STILL_FALLING));
        steadyRun("20261203-090000-steady", 1, rows, k -> warmingUp(warm));
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(2, row.runsWith().warmupIterations(), row.why());
        assertTrue(row.why().contains("the declared warm-up kept: warm in only 3 of 10 forks"), row.why());
    }

    @Test
    void theUsersWarmupWins() throws Exception {
        CommandLineOptions user = new CommandLineOptions("-wi", "6", "-p", "input=seed", "-p", "contender=taskbench");
        RunPlan plan = plan(DECODE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        steadyRun("20261203-090000-steady", 1, rows, k -> warmingUp(Collections.nCopies(10, 6)));
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(6, row.runsWith().warmupIterations(), row.why());
        assertTrue(row.why().contains("your -wi/-w"), row.why());
    }

    @Test
    void anotherTestbedsRunsAreNotUsed() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        threeRuns(OTHER, rows, k -> List.of(List.of(100.0, 100.0), List.of(110.0, 110.0), List.of(90.0, 90.0)));
        HistoryPlan planned = plan(plan, user, MACHINE);
        HistoryPlan.Row row = only(planned, rows.get(0));
        assertEquals(List.of(3, 2), List.of(row.forks(), row.runsWith().measurementIterations()), row.why());
        assertTrue(row.why().endsWith("(from the profile: no earlier run of this testbed)"), row.why());
        assertTrue(planned.runs().isEmpty());
        PlanLog log = planned.log();
        assertFalse(log.rows().get(0).fromHistory());
    }

    /** Something done to a results folder. */
    private interface FolderChange {
        void apply() throws IOException;
    }

    /**
     * Three standard runs of a row, then {@code change} to the folder: the row is planned from those three
     * alone, and the one line said of what was skipped is answered.
     */
    private String besideThreeRuns(FolderChange change) throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        threeRuns(MACHINE, rows, k -> List.of(List.of(99.0, 101.0), List.of(101.0, 99.0), List.of(99.0, 101.0)));
        change.apply();
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertTrue(row.why().contains("from 3 earlier runs"), row.why());
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), said);
        return said;
    }

    @Test
    void aCorruptResultsFileIsSkippedWithOneLine() throws Exception {
        String said = besideThreeRuns(() -> Files.writeString(Files.createDirectories(results.resolve(
                "20261204-100000-standard")).resolve("jmh-default.json"), "{ not json"));
        assertTrue(said.startsWith("taskbench: plan: skipping 20261204-100000-standard: "), said);
    }

    @Test
    void aCopiedRunFolderCountsOnceAndIsSaidInOneLine() throws Exception {
        String said = besideThreeRuns(() -> {
            Path copy = Files.createDirectories(results.resolve("copies").resolve("20261201-100000-standard"));
            for (String f : List.of("jmh-default.json", "metadata.json")) {
                Files.copy(results.resolve("20261201-100000-standard").resolve(f), copy.resolve(f));
            }
        });
        assertTrue(said.contains("holds run 20261201-100000-standard again; skipping it"), said);
    }

    /**
     * A spread whose variance split asks 16 forks (5, where the rule gives such a row up), in runs whose stop
     * rule ended the rows at 4: the rule is the judge of where a row ends, so it starts there; once one of
     * them stopped it at 3, at the minimum with the profile's iterations.
     */
    @Test
    void noRowStartsBeyondTheFewestForksTheRuleEndedItAtInItsNewestRuns() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        spreadRuns(rows);
        for (int i = 1; i <= 3; i++) {
            stopped("2026120" + i + "-100000-standard", rows, i == 1 ? 6 : 4);
        }
        HistoryPlan.Row row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(4, row.forks(), "the variance split's 5, no more than the fewest the rule ended it at: "
                + row.why());
        assertEquals(1, row.runsWith().measurementIterations(), "the variance split's iterations: " + row.why());
        assertTrue(row.why().contains("no more forks than the fewest the rule ended it at in its newest runs"),
                row.why());
        stopped("20261201-100000-standard", rows, 3);
        row = only(plan(plan, user, MACHINE), rows.get(0));
        assertEquals(3, row.forks(), row.why());
        assertEquals(2, row.runsWith().measurementIterations(), "the profile's: " + row.why());
        assertTrue(row.why().contains("stopped at 3 forks in one of its 3 newest runs: the profile's iterations"),
                row.why());
    }

    @Test
    void theEstimateIsPlannedFromTheRunsAndStartsEachRowAtItsForks() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        List<BenchmarkKey> rows = keys(plan, user);
        spreadRuns(rows);
        HistoryPlan planned = plan(plan, user, MACHINE);
        RowTestbeds testbeds = RowTestbeds.of(Map.of(Testbed.METADATA_KEY, testbed(MACHINE)));
        List<RunClock.Rows> clock = RunClock.planned(RunClock.rows(planned.apply(plan), user, testbeds), planned);
        assertEquals(List.of(5), clock.stream().map(RunClock.Rows::forks).distinct().toList());
        assertEquals(2, clock.stream().mapToInt(RunClock.Rows::rows).sum());
        RunClock.Estimate e = RunClock.estimate(clock, 1, 1, ForkTimes.read(results), planned.runs());
        assertTrue(e.line("").contains("2 rows x 5 forks on 1 flag set (rows planned from 3 earlier runs of this"
                + " testbed"), e.line(""));
    }

    @Test
    void aRowIsNotJudgedBeforeTheForksItsHistoryStartsItAt() throws Exception {
        Interval narrow = new Interval(100, 99.9, 100.1, 0.95);
        assertFalse(RULE.judge(narrow, 3, 5).stop());
        assertTrue(RULE.judge(narrow, 5, 5).stop());
        assertTrue(RULE.judge(narrow, 3).stop(), "without history, the minimum");
    }

    @Test
    void withoutHistoryEveryRowSaysSo() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RunPlan plan = plan(OPAQUE, user);
        HistoryPlan planned = HistoryPlan.plan(plan, user, RowTestbeds.of(Map.of()), RowHistory.NONE,
                ForkTimes.NONE, "from the profile: -Dtaskbench.plan.history=false");
        assertTrue(planned.rows().stream().allMatch(r -> r.why().endsWith("x 2 iterations, warm-up 1 x 500 ms (from the"
                + " profile: -Dtaskbench.plan.history=false)")), planned.rows().toString());
        assertEquals(plan.passes(), planned.apply(plan).passes(), "nothing moves");
        assertTrue(planned.log().rows().isEmpty(), "the reports say nothing of a plan the run did not make");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        planned.say(new PrintStream(said, true, StandardCharsets.UTF_8));
        assertEquals("taskbench: every row planned from the profile: -Dtaskbench.plan.history=false",
                said.toString(StandardCharsets.UTF_8).strip());
        BenchmarkListEntry any = plan.selected().get(0);
        assertEquals(3, planned.startForks("default", HistoryPlan.keys(any, Map.of(), user).get(0), 3));
    }
}
