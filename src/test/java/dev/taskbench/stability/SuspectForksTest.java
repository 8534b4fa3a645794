package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Direction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuspectForksTest {
    static final double NOISE = 0.02;
    static final int SEEDS = 200;

    static List<SuspectForks.Suspect> find(List<SuspectForks.Fork> forks) {
        return SuspectForks.find(forks, NOISE, Direction.LOWER_IS_BETTER, "ns", Optional.empty());
    }

    static List<SuspectForks.Fork> plain(double... levels) {
        return Arrays.stream(levels).mapToObj(SuspectForks.Fork::of).toList();
    }

    static SuspectForks.Fork busy(double level, double others) {
        return new SuspectForks.Fork(level, Optional.of(new Disturbance(2, others, 0, 0.4, Optional.empty())), Optional.empty());
    }

    @Test
    void aPlantedOutlierIsNamedWithTheRowsMedianAndTheMachinesLoad() {
        List<SuspectForks.Fork> forks = List.of(busy(150, 0.02), busy(152, 0.03), busy(2332, 0.61), busy(148, 0.02),
                busy(150, 0.01));
        List<SuspectForks.Suspect> s = find(forks);
        assertEquals(1, s.size(), s::toString);
        assertEquals("fork 3: 2,332 ns vs row median 150 ns; machine busy 61% beside it", s.get(0).describe());
    }

    @Test
    void aPlantedOutlierIsNamedInEverySeededRowAndNoOtherFork() {
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] levels = new Synthetic(seed).forks(5, 0.03, new double[] {150}, new int[] {5});
            levels[seed % 5] *= 1.5;
            List<SuspectForks.Suspect> s = find(plain(levels));
            assertEquals(List.of(seed % 5), s.stream().map(SuspectForks.Suspect::fork).toList(), "seed " + seed);
        }
    }

    /** The rule's A/A: rows from one level with 5% fork-to-fork spread and a quiet machine. */
    @Test
    void cleanRowsHaveNoSuspects() {
        int suspects = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] levels = new Synthetic(seed).forks(5, 0.05, new double[] {150}, new int[] {5});
            suspects += find(plain(levels)).size();
        }
        assertTrue(suspects <= 1, suspects + " suspect forks in " + SEEDS + " clean rows of 5");
    }

    /** A mode of two is not two outliers: re-running it would not settle it. */
    @Test
    void twoForksAtAnotherLevelAreAModeNotSuspects() {
        assertEquals(List.of(), find(plain(590, 588, 595, 1005, 1133)));
    }

    /** The decoder on a busy machine: three disturbed forks, none alone, each named for its load. */
    @Test
    void disturbedForksAreSuspectWhateverTheirLevel() {
        List<SuspectForks.Fork> forks = List.of(busy(150, 0.02), busy(1278, 0.58), busy(1593, 0.66), busy(189, 0.09),
                busy(2332, 0.61));
        List<SuspectForks.Suspect> s = find(forks);
        assertEquals(List.of(1, 2, 4), s.stream().map(SuspectForks.Suspect::fork).toList());
        assertEquals("fork 2: 1,278 ns; machine busy 58% beside it", s.get(0).describe());
    }

    @Test
    void stealAndAForkThatNeverSettledAreReasonsToo() {
        SuspectForks.Fork stolen = new SuspectForks.Fork(151,
                Optional.of(new Disturbance(2, 0.01, 0.08, 0.5, Optional.empty())), Optional.empty());
        SuspectForks.Fork unsettled = new SuspectForks.Fork(149, Optional.empty(), Optional.of(ForkClass.NO_STEADY_STATE));
        SuspectForks.Fork unmeasured = new SuspectForks.Fork(150, Optional.of(Disturbance.unmeasured("not Linux")),
                Optional.of(ForkClass.WARMUP));
        List<SuspectForks.Suspect> s = find(List.of(stolen, unsettled, unmeasured, SuspectForks.Fork.of(150)));
        assertEquals(List.of("fork 1: 151 ns; machine busy 1% beside it; steal 8%", "fork 2: 149 ns; never reached a steady state"),
                s.stream().map(SuspectForks.Suspect::describe).toList());
    }

    static Optional<SuspectForks.History> history(int runs, double... levels) {
        return Optional.of(new SuspectForks.History(runs, levels));
    }

    static List<SuspectForks.Suspect> find(List<SuspectForks.Fork> forks, Optional<SuspectForks.History> history) {
        return SuspectForks.find(forks, NOISE, Direction.LOWER_IS_BETTER, "ns", history);
    }

    /** Four earlier runs of Jetty's row near 1,300 ns, about 4% apart fork to fork. */
    static final Optional<SuspectForks.History> JETTY = history(4, 1250, 1300, 1350, 1280, 1320, 1310, 1290, 1260,
            1340, 1300);

    /** Jetty's spread forks on a quiet-looking machine: only the row's history shows which are off. */
    @Test
    void aRowsHistoryNamesForksTheRowItselfCannot() {
        List<SuspectForks.Fork> forks = plain(4958, 2483, 1459, 3504, 1237);
        assertEquals(List.of(), find(forks));
        List<SuspectForks.Suspect> s = find(forks, JETTY);
        assertEquals(List.of(0, 1, 3), s.stream().map(SuspectForks.Suspect::fork).toList());
        assertEquals("fork 1: 4,958 ns; far from its history (4 earlier runs: median 1,300 ns)", s.get(0).describe());
    }

    /** Two forks that agree with each other, a mode of the row, are still far from where the row has always been. */
    @Test
    void siblingsThatAgreeAreStillFarFromTheHistory() {
        List<SuspectForks.Fork> forks = plain(1300, 1310, 1290, 2600, 2650);
        assertEquals(List.of(), find(forks), "two modes of the row itself");
        assertEquals(List.of(3, 4), find(forks, JETTY).stream().map(SuspectForks.Suspect::fork).toList());
    }

    /**
     * A row whose history has two modes (Tomcat's 590 and 1,070 ns) holds each fork to the nearest:
     * a fork in either is not suspect, one beyond both is. Pooled into one mode the history's spread
     * would be so wide that nothing is ever far.
     */
    @Test
    void aMultimodalHistoryJudgesAForkAgainstItsNearestMode() {
        Optional<SuspectForks.History> tomcat = history(3, 588, 590, 592, 595, 589, 1005, 1040, 1100, 1133, 1070);
        List<SuspectForks.Suspect> s = find(plain(590, 593, 1010, 1090, 1700), tomcat);
        assertEquals(List.of(4), s.stream().map(SuspectForks.Suspect::fork).toList());
        assertEquals("far from its history (3 earlier runs: 2 modes, nearest 1,070 ns)",
                s.get(0).reasons().get(s.get(0).reasons().size() - 1));
    }

    /** A row whose every fork moved away from its history changed (a commit, a JDK): a re-run cannot undo that. */
    @Test
    void aRowThatMovedAsAWholeIsNotSuspectForItsHistory() {
        assertEquals(List.of(), find(plain(2600, 2650, 2620, 2610, 2630), JETTY));
    }

    /** Tomcat's row at 3195cc7: three fast forks and two slow, both real outcomes of the JIT, none re-run. */
    @Test
    void aForkInEitherModeOfATwoModeRowIsNotSuspect() {
        assertEquals(List.of(), find(plain(2994, 474, 532, 438, 2675)));
        assertEquals(List.of(), find(plain(438, 600, 2700, 2900, 3000)), "a fast mode of two, spread wide");
    }

    /** In a two-mode row a fork outside both modes is suspect when it lies beyond the floor from either, not nearer. */
    @Test
    void aForkOutsideEveryModeIsSuspectOnlyWhenFar() {
        List<SuspectForks.Suspect> far = find(plain(150, 151, 149, 150.5, 200, 201, 199, 200.5, 600));
        assertEquals(List.of(8), far.stream().map(SuspectForks.Suspect::fork).toList());
        assertEquals("fork 9: 600 ns vs row modes near 150 ns, 200 ns", far.get(0).describe());
        assertEquals(List.of(), find(plain(150, 151, 149, 150.5, 200, 201, 199, 200.5, 175)),
                "between the modes, 14% from the nearer");
    }
}
