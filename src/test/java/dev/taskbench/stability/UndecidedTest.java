package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Direction;
import dev.taskbench.compare.Interval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndecidedTest {
    static Interval interval(double estimate, double low, double high) {
        return new Interval(estimate, low, high, 0.95);
    }

    static Undecided.RowForks row(String label, int disturbed, boolean modes, double... levels) {
        return new Undecided.RowForks(label, "ns", levels, disturbed,
                modes ? Optional.of(ForkModes.of(levels, 0.02, Direction.LOWER_IS_BETTER)) : Optional.empty());
    }

    /** The headline: 0.714x [0.392x, 6.08x] on a busy machine. */
    @Test
    void anIntervalHoldingOneAndSpanningFifteenIsUndecidedWithTheForksThatDisagree() {
        Undecided.Decision d = Undecided.judge(interval(0.714, 0.392, 6.08), List.of(
                row("taskbench decoder", 3, false, 150, 1278, 1593, 189, 2332),
                row("tomcatParameters", 0, false, 590, 592, 588, 596, 591)));
        assertTrue(d.undecided());
        assertEquals("interval [0.392x, 6.08x] holds 1 and spans 15.5x; taskbench decoder forks disagree: 150 to 2,332 ns;"
                + " 3 of 5 disturbed", d.reason());
    }

    @Test
    void anIntervalWiderThanAFactorOfTwoIsUndecidedEvenAwayFromOne() {
        Undecided.Decision d = Undecided.judge(interval(3.96, 2.96, 7.51), List.of(
                row("taskbench decoder", 0, true, 150, 151, 149, 152, 150),
                row("Tomcat", 0, true, 590, 588, 595, 1005, 1133)));
        assertTrue(d.undecided());
        assertEquals("interval [2.96x, 7.51x] spans 2.5x; Tomcat forks disagree: 588 to 1,133 ns, 2 modes: 3 forks near"
                + " 590 ns, 2 near 1,069 ns", d.reason());
    }

    @Test
    void aNarrowIntervalAwayFromOneIsAnAnswer() {
        assertFalse(Undecided.judge(interval(2.1, 1.5, 2.9), List.of()).undecided());
        assertEquals("", Undecided.judge(interval(0.5, 0.45, 0.55), List.of()).reason());
    }

    @Test
    void anIntervalHoldingOneWithAgreeingForksSaysSo() {
        Undecided.Decision d = Undecided.judge(interval(1.0, 0.97, 1.04), List.of(row("a", 0, true, 150, 151, 149)));
        assertEquals("interval [0.970x, 1.04x] holds 1; the forks agree: the rows may not differ", d.reason());
    }

    /** Re-runs off, or still disturbed at the cap: a narrow interval on disturbed forks is no answer either. */
    @Test
    void aNarrowIntervalOnDisturbedForksIsUndecided() {
        Undecided.Decision d = Undecided.judge(interval(0.25, 0.24, 0.26), List.of(
                row("taskbench decoder", 2, false, 150, 152, 151, 149, 150)));
        assertTrue(d.undecided());
        assertEquals("interval [0.240x, 0.260x] rests on forks the machine disturbed; taskbench decoder forks disagree:"
                + " 149 to 152 ns; 2 of 5 disturbed", d.reason());
        assertFalse(Undecided.judge(interval(0.25, 0.24, 0.26), List.of(
                row("taskbench decoder", 0, false, 150, 152, 151, 149, 150))).undecided());
    }
}
