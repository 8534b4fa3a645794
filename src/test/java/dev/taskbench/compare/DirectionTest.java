package dev.taskbench.compare;

import static dev.taskbench.compare.Direction.HIGHER_IS_BETTER;
import static dev.taskbench.compare.Direction.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectionTest {

    @ParameterizedTest
    @CsvSource({
        // throughput mode
        "ops/s, HIGHER_IS_BETTER", "ops/ms, HIGHER_IS_BETTER", "ops/us, HIGHER_IS_BETTER",
        "ops/ns, HIGHER_IS_BETTER", "ops/min, HIGHER_IS_BETTER",
        // average time, sample time and single shot all report time per operation
        "s/op, LOWER_IS_BETTER", "ms/op, LOWER_IS_BETTER", "us/op, LOWER_IS_BETTER", "ns/op, LOWER_IS_BETTER",
        "min/op, LOWER_IS_BETTER",
        // gc.alloc.rate.norm
        "B/op, LOWER_IS_BETTER"})
    void fromUnit(String unit, Direction expected) {
        assertEquals(Optional.of(expected), Direction.ofUnit(unit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "counts", "MB/sec", "ops", "op/s/x", "#/op", "ms"})
    void unknownUnits(String unit) {
        assertTrue(Direction.ofUnit(unit).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void timeRatio() {
        assertEquals(1.25, LOWER_IS_BETTER.timeRatio(1.25), 1e-12);
        assertEquals(0.8, HIGHER_IS_BETTER.timeRatio(1.25), 1e-12); // 25% more ops/s = 20% less time
        assertTrue(Direction.ofUnit(null).isEmpty());
    }
}
