package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.Spans;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.StopLog;
import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.junit.jupiter.api.io.TempDir;

/** The whole run's estimate, with known answers: from the profile's model, from earlier runs' fork times, and mixed. */
class RunClockTest {
    private static final String DECODE = "x.FormParsingBenchmark.decode";
    private static final String LOOP = "x.CounterLoopBenchmark.loop";
    private static final Map<String, Object> TESTBED = new LinkedHashMap<>(
            new Testbed(new TreeMap<>(Map.of("cpu.model", "cpu A", "cpu.cores", "2"))).toMetadata());
    private static final String KEY = RowTestbeds.of(Map.of(Testbed.METADATA_KEY, withDrivers())).key(DECODE);

    @TempDir
    Path results;

    private static Map<String, Object> withDrivers() {
        Map<String, Object> t = new LinkedHashMap<>(TESTBED);
        t.put(RowTestbeds.DATABASE_BENCHMARKS, List.of());
        return t;
    }

    /** 3 rows x 5 forks, each 1 + 2 iterations of 0.5 s. */
    private static RunClock.Rows decode() {
        return new RunClock.Rows("default", DECODE, KEY, 3, 5, 3, 1.5);
    }

    private static RunClock.Rows loop() {
        return new RunClock.Rows("default", LOOP, KEY, 2, 5, 3, 1.5);
    }

    @Test
    void withoutHistoryAForkIsAJvmStartThePreTouchItsIterationsAndALittleEach() {
        assertEquals(1.0 + 1.5 + 3 * 0.05 + 1.5, decode().modelForkSeconds(), 1e-9);
        RunClock.Estimate e = RunClock.estimate(List.of(decode(), loop()), 1, 1, ForkTimes.NONE);
        assertEquals(25 * 4.15, e.seconds(), 1e-9);
        assertEquals(5, e.rows());
        assertEquals(25, e.forks());
        assertEquals("taskbench: about 2 min: 5 rows x 5 forks on 1 flag set (from the profile: no earlier run of this"
                + " testbed)", e.line(""));
    }

    @Test
    void aBaselineJarDoublesTheForksAndWhatComesOnTopIsSaid() {
        RunClock.Estimate e = RunClock.estimate(List.of(decode()), 2, 1, ForkTimes.NONE);
        assertEquals(30, e.forks());
        assertEquals(30 * 4.15, e.seconds(), 1e-9);
        assertEquals("taskbench: about 2 min: 3 rows x 5 forks on 1 flag set, each fork beside the baseline jar's (from"
                + " the profile: no earlier run of this testbed); re-runs of suspect forks come on top",
                e.line("re-runs of suspect forks"));
    }

    @Test
    void earlierRunsOfThisTestbedGiveTheirMedianForkCostAndUnseenRowsFallBackToTheModel() throws IOException {
        run("r1", List.of(8.0, 9.0));
        run("r2", List.of(7.0));
        RunClock.Estimate e = RunClock.estimate(List.of(decode(), loop()), 1, 1, ForkTimes.read(results));
        double decodeFork = 5.0 + 1.5;
        assertEquals(decodeFork, e.planned().get(0).forkSeconds(), 1e-9, "median 5 s beyond its 3 s iterations there");
        assertEquals(15 * decodeFork + 10 * 4.15, e.seconds(), 1e-9);
        assertEquals(2, e.earlierRuns());
        assertEquals("taskbench: about 2 min: 5 rows x 5 forks on 1 flag set (3 rows planned from 2 earlier runs of"
                + " this testbed, 2 from the profile)", e.line(""));
        RunClock.Estimate all = RunClock.estimate(List.of(decode()), 1, 1, ForkTimes.read(results));
        assertEquals("taskbench: about 2 min: 3 rows x 5 forks on 1 flag set (planned from 2 earlier runs of this"
                + " testbed)", all.line(""));
        RunClock.Estimate elsewhere = RunClock.estimate(List.of(new RunClock.Rows("default", DECODE, "another", 3, 5,
                3, 1.5)), 1, 1, ForkTimes.read(results));
        assertEquals(15 * 4.15, elsewhere.seconds(), 1e-9, "another testbed's runs say nothing");
    }

    @Test
    void rowsOfSeveralForkCountsAreCountedInForks() {
        RunClock.Estimate e = RunClock.estimate(List.of(decode(), new RunClock.Rows("c2", LOOP, KEY, 2, 8, 3, 1.5)), 1,
                2, ForkTimes.NONE);
        assertEquals("taskbench: about 2 min: 5 rows, 31 forks on 2 flag sets (from the profile: no earlier run of this"
                + " testbed)", e.line(""));
    }

    @Test
    void theRowsAreThePlansWithEachClassesDeclaredIterationsAndTheUsersParameters() throws Exception {
        CommandLineOptions user = new CommandLineOptions("-f", "3", "-p", "path=jooq,jdbcPrepared");
        RowPlan rows = Planner.rows(Profile.STANDARD, user, "InsertBenchmark.requestOneUser$|CounterLoopWarmupBenchmark"
                + ".firstCalls$", false);
        RunPlan plan = new RunPlan(rows, List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17)), Map.of(), 1, null,
                List.of(), false, false, null, null);
        Map<String, RunClock.Rows> byName = new TreeMap<>();
        RunClock.rows(plan, user, RowTestbeds.of(Map.of())).forEach(r -> byName.put(
                r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1), r));
        RunClock.Rows insert = byName.get("InsertBenchmark.requestOneUser");
        assertEquals(List.of(2, 3, 7), List.of(insert.rows(), insert.forks(), insert.iterations()),
                "-p gives 2 paths; the declared 5 warm-up iterations and the profile's 2");
        assertEquals(5 * 1.0 + 2 * 0.5, insert.iterationSeconds(), 1e-9);
        RunClock.Rows firstCalls = byName.get("CounterLoopWarmupBenchmark.firstCalls");
        assertEquals(List.of(1, 3, 50), List.of(firstCalls.rows(), firstCalls.forks(), firstCalls.iterations()));
        assertEquals(0, firstCalls.iterationSeconds(), "single-shot iterations have no set length");
    }

    @Test
    void underTheStopRuleEachRowIsPlannedAtItsMinimumAndTheUsersForksWin() throws Exception {
        CommandLineOptions none = new CommandLineOptions();
        RowPlan rows = Planner.rows(Profile.STANDARD, none, "CounterLoopWarmupBenchmark.firstCalls$", false);
        List<Planned> sets = List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17));
        RunPlan ruled = new RunPlan(rows, sets, Map.of(), 1, null, List.of(), false, false, new StopRule(0.1, 3, 8, 5), null);
        assertEquals(3, RunClock.rows(ruled, none, RowTestbeds.of(Map.of())).get(0).forks(), "the rule's minimum");
        RunPlan fixed = new RunPlan(rows, sets, Map.of(), 1, null, List.of(), false, false, null, null);
        assertEquals(Profile.STANDARD.forks(), RunClock.rows(fixed, none, RowTestbeds.of(Map.of())).get(0).forks(),
                "no rule: the profile's forks");
        CommandLineOptions two = new CommandLineOptions("-f", "2");
        assertEquals(2, RunClock.rows(fixed, two, RowTestbeds.of(Map.of())).get(0).forks(),
                "-f fixes the forks: the plan has no rule then");
    }

    @Test
    void theUsersIterationsAndForksWinOverTheSteadyProfilesAsInTheForks() throws Exception {
        // a fork as the model has it: 1 s start, 1.5 s pre-touch, 0.05 s an iteration, and the iterations' time
        assertEquals(List.of(10, 60, 115.0), steady(), "the profile's 10 forks of 1 + 1.5 + 3 + 60 x 0.1 = 11.5 s");
        assertEquals(List.of(3, 40, 25.5), steady("-f", "3", "-i", "40"), "3 forks of 1 + 1.5 + 2 + 40 x 0.1 = 8.5 s");
        assertEquals(List.of(10, 45, 77.5), steady("-wi", "5", "-w", "200ms", "-i", "40", "-r", "50ms"),
                "10 forks of 1 + 1.5 + 2.25 + 5 x 0.2 + 40 x 0.05 = 7.75 s");
    }

    /** One row of the decoder under the steady profile and these JMH options: its forks, iterations and seconds. */
    private static List<Object> steady(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-p", "input=seed", "-p", "contender=taskbench"));
        CommandLineOptions user = new CommandLineOptions(all.toArray(String[]::new));
        RowPlan rows = Planner.rows(Profile.STEADY, user, "FormParsingBenchmark.decode$", false);
        RunPlan plan = new RunPlan(rows, List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17)), Map.of(), 1, null,
                List.of(), false, false, null, null);
        RunClock.Rows r = RunClock.rows(plan, user, RowTestbeds.of(Map.of())).get(0);
        RunClock.Estimate e = RunClock.estimate(List.of(r), 1, 1, ForkTimes.NONE);
        return List.of(r.forks(), r.iterations(), Math.round(e.seconds() * 1000) / 1000.0);
    }

    @Test
    void besideABaselineJarTheForkPairsForUndecidedRowsArePredictedFromEarlierComparisons() throws Exception {
        comparison("c1", "2026-12-01T10:00:00Z", Map.of("seed", 4, "nonAscii", 10), false);
        comparison("c2", "2026-12-02T10:00:00Z", Map.of("seed", 6, "nonAscii", 12), true);
        RunClock.Estimate e = interleaved(ForkStops.read(results), ForkTimes.read(results));
        // a fork: 28 s beyond its iterations in c2, plus 2 x 500 ms warm-up and 2 x 500 ms measurement
        assertEquals(3 * 4 * 2 * 30.0, e.seconds(), 1e-9, "3 rows x 4 pairs x 2 sides x 30 s: 12 min");
        // seed ends at (4 + 6) / 2 = 5 pairs, 1 more; nonAscii at (10 + 12) / 2 = 11, 7 more; ascii, in no
        // comparison, at c2's share of its 8 pairs beyond the 4: (2/8 + 8/8) / 2 = 0.625, 5 more
        assertEquals(13 * 2, e.beyond().forks(), 1e-9);
        assertEquals(13 * 2 * 30.0, e.beyond().seconds(), 1e-9, "13 pairs: 13 min");
        assertEquals(25 * 60.0, e.total(), 1e-9);
        assertEquals("taskbench: about 25 min: 12 min for 3 rows x 4 forks on 1 flag set, each fork beside the baseline"
                + " jar's (planned from 1 earlier run of this testbed), ~13 min for fork pairs for undecided rows"
                + " (from 2 earlier comparisons of this testbed; 1 row at the newest comparison's share); re-runs"
                + " of suspect forks come on top", e.line("re-runs of suspect forks"));
    }

    @Test
    void withoutAnEarlierComparisonTheLineSaysWhatItLeavesOut() throws Exception {
        RunClock.Estimate e = interleaved(ForkStops.read(results), ForkTimes.read(results));
        assertEquals(e.seconds(), e.total(), 1e-9);
        assertEquals("taskbench: about 2 min: 3 rows x 4 forks on 1 flag set, each fork beside the baseline jar's (from"
                + " the profile: no earlier run of this testbed); fork pairs for undecided rows (no earlier comparison"
                + " to predict them from; at most 12 a row: up to " + Spans.about(2 * e.seconds()) + ") come on top",
                e.line(""), "every row to the cap: 8 pairs beyond the 4 it starts at, twice the start's time");
    }

    @Test
    void aloneTheStopRulesForksBeyondTheMinimumArePredictedFromEarlierRunsStops() throws Exception {
        Path folder = Files.createDirectories(results.resolve("r1"));
        Files.writeString(folder.resolve("jmh-default.json"), "[]");
        StopLog stops = new StopLog("width <= 10% of the median, 3 to 8 forks", 3, 8, List.of(
                stop("seed", 8, StopLog.Kind.CAP), stop("nonAscii", 3, StopLog.Kind.WIDTH)));
        new ObjectMapper().writeValue(folder.resolve("metadata.json").toFile(), Map.of("runId", "r1",
                Testbed.METADATA_KEY, withDrivers(), StopLog.METADATA_KEY, stops));
        RunPlan plan = formPlan(1, null, new StopRule(0.1, 3, 8, 5));
        RunClock.Estimate start = startOf(plan, ForkTimes.NONE);
        RunClock.Estimate e = start.adding(RunClock.beyond(plan, 12, rowsOf(plan), start, ForkStops.read(results)));
        double fork = 1.0 + 1.5 + 4 * 0.05 + 2.0;
        // seed 5 more to its cap, nonAscii none, ascii at r1's share (5/5 + 0/5) / 2 of its 5: 2.5
        assertEquals(7.5 * fork, e.beyond().seconds(), 1e-9);
        assertEquals("taskbench: about 1 min: 42 s for 3 rows x 3 forks on 1 flag set (from the profile: no earlier run"
                + " of this testbed), ~35 s for forks for rows still wide after 3 (from 1 earlier stop-rule run of this"
                + " testbed; 1 row at the newest stop-rule run's share)", e.line(""));
    }

    /**
     * Without an earlier stop-rule run every row is expected at the rule's reach point: the forks the
     * fixed design gives, where the rule first gives up a row the cap cannot decide.
     */
    @Test
    void aloneWithoutAnEarlierStopRuleRunEveryRowIsExpectedAtItsReachPoint() throws Exception {
        RunPlan plan = formPlan(1, null, new StopRule(0.1, 3, 8, 5));
        RunClock.Estimate start = startOf(plan, ForkTimes.NONE);
        RunClock.Estimate e = start.adding(RunClock.beyond(plan, 12, rowsOf(plan), start, ForkStops.read(results)));
        double fork = 1.0 + 1.5 + 4 * 0.05 + 2.0;
        assertEquals(3 * 2, e.beyond().forks(), 1e-9, "3 rows, 2 forks each from 3 to 5");
        assertEquals(3 * 2 * fork, e.beyond().seconds(), 1e-9);
        assertEquals(3 * 5 * fork, e.total(), 1e-9);
        assertEquals("taskbench: about 1 min: 42 s for 3 rows x 3 forks on 1 flag set (from the profile: no earlier run"
                + " of this testbed), ~28 s for forks for rows still wide after 3 (no earlier stop-rule run: every row"
                + " to 5 forks, where the rule first gives up a row the cap cannot decide; at most 8 a row: up to"
                + " 1 min)", e.line(""));
    }

    /** The decoder's seed, ascii and nonAscii rows beside a baseline jar: 4 pairs to start, at most 12. */
    private RunClock.Estimate interleaved(ForkStops stops, ForkTimes times) throws Exception {
        RunPlan plan = formPlan(4, new BaselineJar(Files.writeString(results.resolve("base.jar"), ""),
                java.time.Duration.ZERO), null);
        RunClock.Estimate start = startOf(plan, times);
        return start.adding(RunClock.beyond(plan, 12, rowsOf(plan), start, stops));
    }

    private static final CommandLineOptions FORM = form();

    private static CommandLineOptions form() {
        try {
            return new CommandLineOptions("-p", "input=seed,ascii,nonAscii", "-p", "contender=taskbench");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunPlan formPlan(int rounds, BaselineJar baseline, StopRule rule) {
        RowPlan rows = Planner.rows(Profile.STANDARD, FORM, "FormParsingBenchmark.decode$", false);
        return new RunPlan(rows, List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17)), Map.of(), rounds, baseline,
                List.of(), false, false, rule, null);
    }

    private static RunClock.Estimate startOf(RunPlan plan, ForkTimes times) {
        return RunClock.estimate(RunClock.rows(plan, FORM, testbeds()), plan.baseline() != null ? 2 : 1, 1, times);
    }

    private static List<HistoryPlan.Row> rowsOf(RunPlan plan) {
        return HistoryPlan.plan(plan, FORM, testbeds(), dev.taskbench.history.RowHistory.NONE, ForkTimes.NONE,
                "the profile's").rows();
    }

    private static RowTestbeds testbeds() {
        return RowTestbeds.of(Map.of(Testbed.METADATA_KEY, withDrivers()));
    }

    private static StopLog.Stop stop(String input, int forks, StopLog.Kind kind) {
        return new StopLog.Stop("default", BenchmarkKey.of(FORM_DECODE, Map.of("input", input, "contender",
                "taskbench"), "avgt", 1), forks, kind, "");
    }

    private static final String FORM_DECODE = "dev.taskbench.form.FormParsingBenchmark.decode";

    /** An earlier comparison of the decoder's rows on this testbed: each row's pairs; when timed, forks of 30 s. */
    private void comparison(String id, String started, Map<String, Integer> pairs, boolean timed) throws IOException {
        Path folder = Files.createDirectories(results.resolve(id));
        Files.writeString(folder.resolve("jmh-default.json"), "[]");
        List<StopLog.Stop> rows = pairs.entrySet().stream().map(p -> stop(p.getKey(), p.getValue(),
                p.getValue() < 12 ? StopLog.Kind.DECIDED : StopLog.Kind.UNDECIDED)).toList();
        Map<String, Object> metadata = new LinkedHashMap<>(Map.of("runId", id, "startedAt", started,
                Testbed.METADATA_KEY, withDrivers(), StopLog.METADATA_KEY, new StopLog("beside a baseline jar", 4, 12,
                        rows)));
        if (timed) {
            ForkLog.Fork fork = new ForkLog.Fork(100, 0, 0, false, List.of(), 30.0);
            metadata.put(ForkLog.METADATA_KEY, new ForkLog(2, List.of(new ForkLog.RowLog("default", rows.get(0).key(),
                    "ns/op", List.of(fork), List.of(), 2.0))));
        }
        new ObjectMapper().writeValue(folder.resolve("metadata.json").toFile(), metadata);
    }

    /** A run of the decoder on this testbed whose iterations were planned at 3 s a fork. */
    private void run(String id, List<Double> seconds) throws IOException {
        Path folder = Files.createDirectories(results.resolve(id));
        Files.writeString(folder.resolve("jmh-default.json"), "[]");
        List<ForkLog.Fork> forks = seconds.stream().map(s -> new ForkLog.Fork(100, 0, 0, false, List.of(), s)).toList();
        ForkLog log = new ForkLog(2, List.of(new ForkLog.RowLog("default", BenchmarkKey.of(DECODE, Map.of(), "avgt", 1),
                "ns/op", forks, List.of(), 3.0)));
        new ObjectMapper().writeValue(folder.resolve("metadata.json").toFile(), Map.of("runId", id,
                Testbed.METADATA_KEY, withDrivers(), ForkLog.METADATA_KEY, log));
    }
}
