package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.declare.Finding;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.RunResults;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Red and green say good or bad news for the code under test; a finding held against a
 * reference (a floor, a pool borrow, pgbench) or a share of a whole is neither, whatever side of
 * 1 it lies on, and is drawn in the neutral reference colour.
 */
class FindingsColoursTest {
    private static Answer answer(Finding.Better better, double low, double high) {
        return new Answer("g", "", "s", "", new Interval((low + high) / 2, low, high, 0.95), better,
                Answer.Kind.TIME_RATIO, null, Optional.empty(), 5, 5, List.of());
    }

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    @Test
    void aReferenceIsNeutralOnEitherSideOfOne() {
        for (double[] interval : new double[][] {{0.3, 0.5}, {0.9, 1.1}, {300, 340}}) {
            assertEquals(Charts.REFERENCE, Charts.colour(answer(Finding.Better.NEITHER, interval[0], interval[1])));
        }
    }

    @Test
    void anIntervalWiderThanTwofoldIsUndecidedEvenForAReference() {
        assertEquals(Charts.UNDECIDED, Charts.colour(answer(Finding.Better.NEITHER, 0.2, 0.5)));
        assertEquals(Charts.UNDECIDED, Charts.colour(answer(Finding.Better.LOWER, 0.2, 0.5)));
    }

    @Test
    void newsKeepsGreenAndRedAndAnIntervalHoldingOneIsGrey() {
        assertEquals(Charts.GOOD, Charts.colour(answer(Finding.Better.LOWER, 0.5, 0.9)));
        assertEquals(Charts.BAD, Charts.colour(answer(Finding.Better.LOWER, 1.5, 1.9)));
        assertEquals(Charts.GOOD, Charts.colour(answer(Finding.Better.HIGHER, 1.5, 1.9)));
        assertEquals(Charts.UNDECIDED, Charts.colour(answer(Finding.Better.LOWER, 0.9, 1.1)));
    }

    /** The report that drew "a new connection takes hundreds of times a pool borrow" red: its chart has no red now. */
    @Test
    void aFreshConnectionAgainstAPoolAndAShareOfPgbenchAreDrawnNeutral() {
        RunResults baseline = RunResults.read(Path.of("results", "baseline"));
        List<Answer> answers = Findings.of(baseline, Criteria.defaults());
        for (String group : List.of("Fresh connection vs pool", Findings.CEILING_GROUP)) {
            List<Answer> in = answers.stream().filter(a -> a.group().equals(group)).toList();
            assertFalse(in.isEmpty(), group + " is answered by the standard run");
            String svg = Charts.findings(in, "t");
            assertTrue(svg.contains(rgb(Charts.REFERENCE)), group);
            assertFalse(svg.contains(rgb(Charts.BAD)) || svg.contains(rgb(Charts.GOOD)), group + " drawn as news");
        }
    }
}
