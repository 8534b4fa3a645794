package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.compare.PairDrift;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A finding's run-to-run spread is that of its two rows' ratio over the runs that hold both. */
class RatioDriftTest {
    static BenchmarkResult row(String method, String unit) {
        return new BenchmarkResult(BenchmarkKey.of("x.B." + method, Map.of(), "avgt", 1), "default", unit,
                List.of(1.0, 1.0), Optional.empty(), 1.0);
    }

    /** A series of medians, run i of it {@code run<i>}; NaN leaves that run out of the row. */
    static Series series(BenchmarkResult r, double... medians) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            if (!Double.isNaN(medians[i])) {
                points.add(new Point("run" + i, Instant.ofEpochSecond(i), "", "tb", medians[i],
                        new Interval(medians[i], medians[i], medians[i], 0.95)));
            }
        }
        return new Series(r.row(), "tb", points);
    }

    /**
     * Both rows 10% slower in run1 and 5% faster in run3 (a slower or faster night): the ratio does not move
     * there. Its log ratios are 0, 0, ln 1.04, 0, ln 0.9 about ln 2: their MAD is 0; run5 (compared) is left out.
     */
    @Test
    void aDriftBothRowsShareCancelsInTheirRatio() {
        BenchmarkResult a = row("a", "ns/op");
        BenchmarkResult b = row("b", "ns/op");
        RatioDrift d = RatioDrift.of(List.of(series(a, 200, 220, 208, 190, 180, 999),
                series(b, 100, 110, 100, 95, 100, 1)), Set.of("run5"));
        assertEquals(0, d.of(a, b).orElseThrow().log(), 1e-12);
        assertEquals(5, d.of(a, b).orElseThrow().runs());
    }

    /** log ratios ln 2 + {0, ln 1.04, ln 0.96, ln 1.1, 0}: the MAD is ln 1.04, the same either way round. */
    @Test
    void theSpreadIsTheScaledMadOfTheLogRatios() {
        BenchmarkResult a = row("a", "ns/op");
        BenchmarkResult b = row("b", "ns/op");
        RatioDrift d = RatioDrift.of(List.of(series(a, 200, 208, 192, 220, 200),
                series(b, 100, 100, 100, 100, 100)), Set.of());
        assertEquals(1.4826 * Math.log(1.04), d.of(a, b).orElseThrow().log(), 1e-12);
        assertEquals(1.4826 * Math.log(1.04), d.of(b, a).orElseThrow().log(), 1e-12);
    }

    /** A throughput's time is its inverse: both rows 10% slower in a run is a fall in ops/s and a rise in ns/op. */
    @Test
    void aThroughputRowIsTurnedIntoTimeFirst() {
        BenchmarkResult time = row("a", "us/op");
        BenchmarkResult rate = row("b", "ops/ms");
        RatioDrift d = RatioDrift.of(List.of(series(time, 100, 110, 90, 100),
                series(rate, 10, 10 / 1.1, 10 / 0.9, 10)), Set.of());
        assertEquals(0, d.of(time, rate).orElseThrow().log(), 1e-12);
    }

    @Test
    void fewerThanThreeRunsHoldingBothRowsGiveNoSpread() {
        BenchmarkResult a = row("a", "ns/op");
        BenchmarkResult b = row("b", "ns/op");
        RatioDrift d = RatioDrift.of(List.of(series(a, 200, 210, Double.NaN, 190, 205),
                series(b, 100, Double.NaN, 100, 100, 100)), Set.of("run4"));
        assertTrue(d.of(a, b).isEmpty(), "runs 0 and 3 hold both rows; run 4 is left out");
        assertTrue(d.of(a, row("c", "ns/op")).isEmpty(), "a row without history");
    }

    @Test
    void noResultsFolderIsNoDrift() {
        RunResults run = new RunResults(Path.of(""), "r", Map.of(), List.of());
        assertEquals(PairDrift.NONE, RatioDrift.under(Path.of("target", "no-such-results"), run, Criteria.defaults(),
                Set.of("r"), System.err));
    }
}
