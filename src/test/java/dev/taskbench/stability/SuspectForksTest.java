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

    /** Jetty's spread forks on a quiet-looking machine: only the row's history shows which are off. */
    @Test
    void aRowsHistoryNamesForksTheRowItselfCannot() {
        List<SuspectForks.Fork> forks = plain(4958, 2483, 1459, 3504, 1237);
        assertEquals(List.of(), find(forks));
        List<SuspectForks.Suspect> s = SuspectForks.find(forks, NOISE, Direction.LOWER_IS_BETTER, "ns",
                Optional.of(new SuspectForks.History(1300, 0.05)));
        assertEquals(List.of(0, 1, 3), s.stream().map(SuspectForks.Suspect::fork).toList());
        assertEquals("fork 1: 4,958 ns vs 1,300 ns in this row's history", s.get(0).describe());
    }
}
