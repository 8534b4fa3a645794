package dev.taskbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CounterLoopTest {

    @Test
    void faithfulComputesTheSeedsResult() {
        assertEquals(5_000_000_000L, CounterLoop.faithful());
        assertEquals(CounterLoop.EXPECTED, CounterLoop.faithful());
    }

    @ParameterizedTest
    @CsvSource({"10000, 1000, 500", "20000, 1000, 500", "3, 7, -2", "0, 1000, 500", "5, 0, 500"})
    void opaqueDoesEveryAddition(int outer, int inner, long increment) {
        assertEquals((long) outer * inner * increment, CounterLoop.opaque(outer, CounterLoop.increments(inner, increment)));
    }
}
