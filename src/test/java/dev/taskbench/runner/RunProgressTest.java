package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.results.RunResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run's progress line as forks end: rows and forks done, the time left scaled by how
 * the forks so far kept to the plan, how often it is said, and the planned against the real time.
 */
class RunProgressTest {
    private static final String A = "x.A.a";
    private static final String B = "x.B.b";

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** A: 2 rows x 2 forks of 10 s; B: 1 row x 2 forks of 20 s; 80 s in all. */
    private RunProgress progress(int sides, Optional<Duration> every) {
        double model = new RunClock.Rows("default", A, "t", 1, 1, 0, 0).modelForkSeconds();
        RunClock.Estimate plan = RunClock.estimate(List.of(new RunClock.Rows("default", A, "t", 2, 2, 0, 10 - model),
                new RunClock.Rows("default", B, "t", 1, 2, 0, 20 - model)), sides, 1, ForkTimes.NONE);
        return new RunProgress(plan, every, out, now::get);
    }

    private void at(double seconds) {
        now.set((long) (seconds * 1e9));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTimeLeftIsThePlansScaledByHowTheForksSoFarKeptToIt() {
        RunProgress p = progress(1, Optional.of(Duration.ZERO));
        assertEquals("taskbench: 0 of 3 rows, 0 of 6 forks, 0:00 elapsed, about 1 min left", p.line(0));
        p.forkEnded(A);
        p.forkEnded(A);
        assertEquals(60 * (24.0 + 120) / (20 + 120), p.left(24), 1e-9,
                "20 s of plan took 24, with the plan weighing in as 120 s that kept to it");
        assertEquals("taskbench: 1 of 3 rows, 2 of 6 forks, 0:24 elapsed, about 1 min left", p.line(24));
        p.forkEnded(A);
        p.forkEnded(A);
        p.forkEnded(B);
        assertEquals("taskbench: 2 of 3 rows, 5 of 6 forks, 1:00 elapsed, about 20 s left", p.line(60));
    }

    /** In rounds of one fork a row, a row is done when its last fork is: not when a row's worth of forks ran. */
    @Test
    void inRoundsNoRowIsDoneBeforeItsLastFork() {
        RunProgress p = progress(1, Optional.of(Duration.ZERO));
        p.forkEnded(A, "avgt t1 n=1");
        p.forkEnded(A, "avgt t1 n=2");
        p.forkEnded(B, "avgt t1");
        assertEquals("taskbench: 0 of 3 rows, 3 of 6 forks, 0:40 elapsed, about 40 s left", p.line(40),
                "round 1: one fork of every row");
        p.forkEnded(A, "avgt t1 n=1");
        assertEquals("taskbench: 1 of 3 rows, 4 of 6 forks, 0:50 elapsed, about 30 s left", p.line(50));
    }

    @Test
    void theLineIsSaidAsTheNextForkIsPreparedOnATerminalEachForkElseAtMostEverySoOften() {
        RunProgress p = progress(1, Optional.of(Duration.ofSeconds(60)));
        p.forkStarting();
        at(24);
        p.forkEnded(A);
        p.forkStarting();
        assertEquals("", printed(), "24 s since the start: not yet");
        at(61);
        p.forkStarting();
        assertEquals(System.lineSeparator() + "taskbench: 0 of 3 rows, 1 of 6 forks, 1:01 elapsed, about 2 min left"
                + System.lineSeparator(), printed(),
                "after JMH's 'Preparing profilers: ... ForkLoad', a line of its own whatever JMH prints after it");
        at(200);
        p.forkStarting();
        assertEquals(1, printed().lines().filter(l -> !l.isEmpty()).count(), "no fork ended since");

        RunProgress off = progress(1, Optional.empty());
        off.forkEnded(A);
        off.forkStarting();
        assertEquals(1, printed().lines().filter(l -> !l.isEmpty()).count(), "-Dtaskbench.progress=false");
    }

    @Test
    void aBaselineRoundCountsOneForkOfEachOfItsRowsAndEndsWithALineOfItsOwn() {
        RunProgress p = progress(2, Optional.of(Duration.ZERO));
        p.forkEnded(A);
        p.forkEnded(A);
        at(30);
        p.elsewhere("default", List.of(A));
        assertEquals("taskbench: 1 of 3 rows, 4 of 12 forks, 0:30 elapsed, about 2 min left" + System.lineSeparator(),
                printed(), "40 s of 160 planned took 30 s");
    }

    @Test
    void forksBeyondThePlanAreCountedApartAndTheEndSetsThePlanAgainstTheRealTime() throws Exception {
        RunProgress p = progress(1, Optional.of(Duration.ZERO));
        List.of(A, A, A, A, B, B).forEach(p::forkEnded);
        at(100);
        p.phase("re-runs");
        p.forkEnded(A);
        at(125);
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks and 1 more, 2:05 elapsed, re-runs", p.line());
        p.phase("fork pairs");
        at(130);
        assertEquals("taskbench: planned about 1 min, took 2 min 10 s (re-runs 25 s)", p.end());

        at(190); // the reports and the modes' profiles run after the end
        Map<String, Object> clock = p.metadata();
        assertEquals(80L, clock.get("plannedSeconds"));
        assertEquals(130L, clock.get("actualSeconds"), "what the end said");
        assertEquals(7, clock.get("forks"));
        assertEquals(Map.of("seconds", 25L, "forks", 1), ((Map<?, ?>) clock.get("beyondThePlan")).get("re-runs"));
    }

    @Test
    void theForksPredictedBeyondThePlanAreCountedInTheTimeLeftUntilTheyAreSpent() {
        RunClock.Estimate planned = RunClock.estimate(List.of(new RunClock.Rows("default", A, "t", 2, 2, 0,
                10 - model()), new RunClock.Rows("default", B, "t", 1, 2, 0, 20 - model())), 1, 1, ForkTimes.NONE);
        RunProgress p = new RunProgress(planned.adding(new ExtraForks(ForkStops.Rule.PAIRS, "fork pairs for undecided"
                + " rows", 12, 4, 40, Set.of("c1"), 0, true, 160, 0)), Optional.of(Duration.ZERO), out, now::get);
        assertEquals("taskbench: 0 of 3 rows, 0 of 6 forks, 0:00 elapsed, about 2 min left", p.line(0), "80 s + 40 s");
        List.of(A, A, A, A, B, B).forEach(p::forkEnded);
        p.phase("fork pairs");
        assertEquals(40 * (100.0 + 120) / (80 + 120), p.left(100), 1e-9, "80 s of plan took 100: the 40 s predicted take 44");
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks, 1:40 elapsed, fork pairs, about 44 s left", p.line(100));
        p.forkEnded(A);
        p.elsewhere("default", A, 1);
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks and 2 more, 2:05 elapsed, fork pairs, about 22 s left",
                p.line(125), "a pair of 20 s of 40 done, at 125 s for 100 s of plan");
        p.forkEnded(B);
        p.forkEnded(B);
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks and 4 more, 3:00 elapsed, fork pairs", p.line(180),
                "past the prediction: the phase alone");
        at(180);
        assertEquals("taskbench: planned about 2 min, took 3 min (fork pairs 3 min)", p.end());
        assertEquals(120L, p.metadata().get("plannedSeconds"));
        assertEquals(40L, p.metadata().get("predictedBeyondSeconds"));
    }

    @Test
    void pastThePredictionAPhaseThatAddsForksRoundByRoundSaysTheMostItCanStillTake() {
        RunProgress p = progress(1, Optional.of(Duration.ZERO));
        List.of(A, A, A, A, B, B).forEach(p::forkEnded);
        p.phase("more forks", true);
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks, 1:40 elapsed, more forks", p.line(100), "nothing said yet");
        p.atMost(Map.of(A, 3));
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks, 1:40 elapsed, more forks, at most 33 s left", p.line(100),
                "3 forks of 10 s at the run's pace, 80 s of plan in 100");
        p.forkEnded(A);
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks and 1 more, 2:05 elapsed, more forks, at most 23 s left",
                p.line(125), "20 s of the bound left, 90 s of plan in 125");
        p.phase("fork pairs");
        assertEquals("taskbench: 3 of 3 rows, 6 of 6 forks and 1 more, 2:10 elapsed, fork pairs", p.line(130),
                "a new phase says its own bound");
    }

    /**
     * suite-6 (planned from history) said "about 8 s left" for its last 4 minutes: one planned fork never
     * ran and the prediction beyond the plan was spent, so the leftover plan read as the time left.
     */
    @Test
    void pastThePredictionAPlannedForkThatMayNeverRunDoesNotHideTheBound() {
        RunProgress p = progress(1, Optional.of(Duration.ZERO));
        List.of(A, A, A, A, B).forEach(p::forkEnded);
        p.phase("more forks", true);
        p.atMost(Map.of(A, 3));
        assertEquals("taskbench: 2 of 3 rows, 5 of 6 forks, 1:40 elapsed, more forks, at most 37 s left", p.line(100),
                "3 forks of 10 s at 220/180 of plan, not B's 20 s planned fork as 'about 24 s'");
    }

    @Test
    void oncePlannedForksHaveAllRunABenchmarkOfSeveralPlansLeavesNoPlanToGo() {
        // A in two plans, as when rows of one benchmark get different warm-ups: 1 row x 2 forks of 10 s and
        // 3 rows x 2 forks of 20 s; an unweighted mean fork (15 s) left 20 s "to go" after all 8 had run
        double model = model();
        RunClock.Estimate plan = RunClock.estimate(List.of(new RunClock.Rows("default", A, "t", 1, 2, 0, 10 - model,
                Map.of("p", List.of("x"))), new RunClock.Rows("default", A, "t", 3, 2, 0, 20 - model,
                        Map.of("p", List.of("y", "z", "w")))), 1, 1, ForkTimes.NONE);
        RunProgress p = new RunProgress(plan, Optional.of(Duration.ZERO), out, now::get);
        for (int i = 0; i < 8; i++) {
            p.forkEnded(A);
        }
        assertEquals(0, p.left(140), 1e-9, "8 planned forks are the plan's 140 s");
        p.phase("more forks", true);
        p.atMost(Map.of(A, 2));
        assertEquals("taskbench: 4 of 4 rows, 8 of 8 forks, 2:20 elapsed, more forks, at most 35 s left", p.line(140),
                "2 forks of the benchmark's 17.5 s at the planned pace");
    }

    private static double model() {
        return new RunClock.Rows("default", A, "t", 1, 1, 0, 0).modelForkSeconds();
    }

    @Test
    void theMetadataKeepsThePlannedAndTheRealTime(@TempDir Path run) throws Exception {
        RunProgress p = progress(1, Optional.empty());
        at(95);
        p.end();
        ResultsStore.writeJson(run.resolve(RunResults.METADATA_FILE), Map.of(RunProgress.METADATA_KEY, p.metadata()));
        Map<?, ?> read = (Map<?, ?>) RunResults.metadataOf(run).get(RunProgress.METADATA_KEY);
        assertEquals(80, read.get("plannedSeconds"));
        assertEquals(95, read.get("actualSeconds"));
        assertEquals(0, read.get("plannedFromRuns"));
    }
}
