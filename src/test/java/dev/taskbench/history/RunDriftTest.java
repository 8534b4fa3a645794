package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Interval;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.RowKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunDriftTest {
    static final RowKey ROW = new RowKey("default", BenchmarkKey.of("x.B.m", Map.of(), "avgt", 1));

    static Series series(double... medians) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            points.add(new Point("run" + i, Instant.ofEpochSecond(i), "", "tb", medians[i],
                    new Interval(medians[i], medians[i], medians[i], 0.95)));
        }
        return new Series(ROW, "tb", points);
    }

    /** log medians 0, +ln 1.04, ln 0.96, ln 1.1, 0 about ln 100: their MAD is ln 1.04; the compared run's 200 is left out. */
    @Test
    void theSpreadIsTheScaledMadOfTheEarlierRunsLogMedians() {
        RunDrift d = RunDrift.of(List.of(series(100, 104, 96, 110, 100, 200)), Set.of("run5", "elsewhere"));
        assertEquals(1.4826 * Math.log(1.04), d.of(ROW).orElseThrow().log(), 1e-12);
        assertEquals(5, d.of(ROW).orElseThrow().runs());
    }

    @Test
    void fewerThanThreeEarlierRunsGiveNoSpread() {
        RunDrift d = RunDrift.of(List.of(series(100, 104, 96)), Set.of("run2"));
        assertTrue(d.of(ROW).isEmpty());
        assertEquals(0, d.rows());
    }
}
