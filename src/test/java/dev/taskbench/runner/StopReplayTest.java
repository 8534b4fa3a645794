package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RunResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay of the stop rule on a run of 8 forks a row: the opaque loop on JDK 17 (forks within half a percent)
 * and on JDK 25 (forks spread by 40%), the rows of the declared finding "On JDK 25 the opaque CPU round takes
 * {ratio} the time it takes on JDK 17", forks of 2 s and 10 s.
 */
class StopReplayTest {
    private static final String OPAQUE = "dev.taskbench.loop.CounterLoopBenchmark.opaque";
    private static final Map<String, String> PARAMS = Map.of("increment", "500", "inner", "1000", "outer", "10000");
    private static final List<Double> QUIET = List.of(10.0, 10.02, 9.98, 10.04, 9.97, 10.01, 10.03, 9.99);
    private static final List<Double> NOISY = List.of(10.0, 14.0, 7.5, 12.5, 8.0, 13.5, 7.0, 11.0);

    private static BenchmarkResult row(String flagSet, List<Double> forks) {
        return new BenchmarkResult(BenchmarkKey.of(OPAQUE, PARAMS, "avgt", 1), flagSet, "ms/op", forks, Optional.empty(),
                forks.get(0));
    }

    private static ForkLog.RowLog log(BenchmarkResult r, double seconds) {
        List<ForkLog.Fork> forks = r.forkScores().stream().map(s -> new ForkLog.Fork(s, 0, 0, false, List.of(),
                seconds)).toList();
        return new ForkLog.RowLog(r.flagSet(), r.key(), r.unit(), forks, List.of(), 1.0);
    }

    @SuppressWarnings("unchecked")
    private static RunResults run(List<Double> jdk17, List<Double> jdk25) {
        BenchmarkResult a = row("jdk17", jdk17);
        BenchmarkResult b = row("jdk25", jdk25);
        Map<String, Object> metadata = new ObjectMapper().convertValue(Map.of("runId", "f8", ForkLog.METADATA_KEY,
                new ForkLog(2, List.of(log(a, 2.0), log(b, 10.0)))), Map.class);
        return new RunResults(Path.of("f8"), "f8", metadata, List.of(a, b));
    }

    private static StopReplay.Outcome outcome(List<StopReplay.Outcome> all, String prefix) {
        return all.stream().filter(o -> o.design().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aQuietRowStopsAtTheMinimumAndANoisyOneWhereTheRuleGivesItUp() {
        List<StopReplay.Outcome> all = StopReplay.replay(run(QUIET, NOISY), StopReplay.standardDesigns(8), 20,
                Criteria.defaults());
        StopReplay.Outcome fixed = outcome(all, "fixed 5");
        assertEquals(Map.of(5, 40), fixed.forksPerRow());
        assertEquals(5 * 2.0 + 5 * 10.0, fixed.seconds(), 1e-9);
        StopReplay.Outcome rule = outcome(all, "rule, out of reach from 5 (default)");
        assertEquals(Map.of(3, 20, 5, 20), rule.forksPerRow(), rule::toString);
        assertEquals(3 * 2.0 + 5 * 10.0, rule.seconds(), 1e-9);
        StopReplay.Outcome early = outcome(all, "rule, out of reach from 3");
        assertEquals(Map.of(3, 40), early.forksPerRow(), early::toString);
        assertEquals(outcome(all, "fixed 3").seconds(), early.seconds(), 1e-9);
    }

    /** The fixed design against itself is the same answer every time; every design answers the finding each time. */
    @Test
    void everyDesignIsComparedOnTheSameFindingEachOrdering() {
        List<StopReplay.Outcome> all = StopReplay.replay(run(QUIET, NOISY), StopReplay.standardDesigns(8), 20,
                Criteria.defaults());
        all.forEach(o -> assertEquals(20, o.compared(), o::toString));
        StopReplay.Outcome fixed = all.get(0);
        assertEquals(20, fixed.sameWidth());
        assertEquals(1.0, fixed.medianWidthRatio(), 1e-12);
        StopReplay.Outcome rule = outcome(all, "rule, out of reach from 5");
        assertEquals(1.0, rule.medianWidthRatio(), 1e-12, "the noisy row keeps the fixed design's forks; the quiet"
                + " row's three leave the ratio's interval as wide");
    }

    @Test
    void aRowShortOfTheCapIsAOneLineError() {
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> StopReplay.replay(run(QUIET.subList(0, 5), NOISY), 10));
        assertEquals("a replay needs every row at the rule's cap of 8 forks (-f 8); CounterLoopBenchmark.opaque"
                + " [increment=500, inner=1000, outer=10000] avgt t1 has 5", e.getMessage());
    }

    @Test
    void aFolderThatIsNoRunOrABadCountIsOneLine(@TempDir Path dir) {
        for (String[] args : List.of(new String[] {dir.resolve("none").toString()},
                new String[] {dir.toString(), "many"}, new String[0])) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = StopReplay.run(args, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8).strip();
            assertTrue(code != 0, said);
            assertEquals(1, said.lines().count(), said);
        }
    }
}
