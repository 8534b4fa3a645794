package dev.taskbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Interval;
import dev.taskbench.declare.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which side of 1 is news: a reference distance (the floor, a share) is news on neither. */
class AnswerTest {
    private static Answer answer(Finding.Better better, double low, double high) {
        return new Answer("g", "", "s", "", new Interval((low + high) / 2, low, high, 0.95), better,
                Answer.Kind.TIME_RATIO, null, Optional.empty(), 5, 5, List.of());
    }

    @Test
    void goodAndBadNewsNeedTheWholeIntervalOnOneSide() {
        assertEquals(Optional.of(true), answer(Finding.Better.LOWER, 0.5, 0.9).good());
        assertEquals(Optional.of(false), answer(Finding.Better.LOWER, 1.5, 1.9).good());
        assertEquals(Optional.of(true), answer(Finding.Better.HIGHER, 1.5, 1.9).good());
        assertEquals(Optional.empty(), answer(Finding.Better.LOWER, 0.9, 1.1).good());
        assertFalse(answer(Finding.Better.LOWER, 1.5, 1.9).reference());
    }

    @Test
    void aDistanceToAReferenceIsNeitherGoodNorBad() {
        Answer floor = answer(Finding.Better.NEITHER, 1.9, 2.8);
        assertEquals(Optional.empty(), floor.good(), "twice the floor is not bad news");
        assertTrue(floor.reference());
    }
}
