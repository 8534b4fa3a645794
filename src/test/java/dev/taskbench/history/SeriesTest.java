package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.taskbench.compare.Interval;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.RowKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {
    static final RowKey A = new RowKey("default", BenchmarkKey.of("p.B.a", Map.of(), "avgt", 1));
    static final RowKey B = new RowKey("default", BenchmarkKey.of("p.B.b", Map.of("n", "1"), "avgt", 1));
    static final RowKey B_C1 = new RowKey("c1", B.key());

    static Point point(String run, int day, String testbed, double median) {
        return new Point(run, Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * day), "c" + run, testbed,
                median, new Interval(median, median * 0.99, median * 1.01, 0.95));
    }

    @Test
    void groupsByTestbedThenRowInTimeOrder() {
        List<Series.Observation> o = new ArrayList<>();
        o.add(new Series.Observation(B, point("r3", 3, "hostX", 12)));
        o.add(new Series.Observation(A, point("r2", 2, "hostY", 5)));
        o.add(new Series.Observation(B, point("r1", 1, "hostX", 10)));
        o.add(new Series.Observation(A, point("r1", 1, "hostX", 1)));
        o.add(new Series.Observation(B_C1, point("r1", 1, "hostX", 20)));
        o.add(new Series.Observation(B, point("r2", 2, "hostX", 11)));
        Map<String, List<Series>> g = Series.group(o);
        assertEquals(List.of("hostX", "hostY"), List.copyOf(g.keySet())); // hostX ran first
        List<Series> x = g.get("hostX");
        assertEquals(List.of(A, B_C1, B), x.stream().map(Series::row).toList()); // key, then flag set
        Series b = x.get(2);
        assertEquals(List.of("r1", "r2", "r3"), b.points().stream().map(Point::runId).toList());
        assertArrayEquals(new double[] {10, 11, 12}, b.medians());
        assertEquals("hostX", b.testbed());
        assertEquals(1, g.get("hostY").size());
        assertEquals(5, g.get("hostY").get(0).points().get(0).median());
    }

    @Test
    void sameTimestampOrdersByRunId() {
        Series s = new Series(A, "h", List.of(point("b", 1, "h", 2), point("a", 1, "h", 1)));
        assertEquals(List.of("a", "b"), s.points().stream().map(Point::runId).toList());
    }

    @Test
    void oneTestbedAndOnePointPerRun() {
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new Series(A, "h", List.of(point("r1", 1, "h", 1), point("r2", 2, "g", 1))));
        assertEquals("run r2 ran on testbed g, not h (" + A.label() + ")", other.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Series(A, "h", List.of(point("r1", 1, "h", 1), point("r1", 2, "h", 1))));
        assertThrows(IllegalArgumentException.class, () -> point("r", 1, "h", Double.NaN));
    }

    @Test
    void changePointsOfTheMedians() {
        List<Point> p = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            p.add(point("r" + (100 + i), i, "h", (i < 12 ? 100 : 110) + ChangePointsTest.WIGGLE[i % 10]));
        }
        List<ChangePoint> c = new Series(A, "h", p).changePoints(ChangePoints.Params.defaults());
        assertEquals(List.of(12), c.stream().map(ChangePoint::index).toList());
    }
}
