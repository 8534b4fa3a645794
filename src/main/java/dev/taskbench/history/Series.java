package dev.taskbench.history;

import dev.taskbench.results.RowKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One row's figures over runs on one testbed, in time order (then by run id). Runs on other
 * testbeds are other series: figures from different hardware are not one history. The testbed is
 * the one the row depends on, so a CPU-only row's series does not split on PostgreSQL's settings.
 */
public record Series(RowKey row, String testbed, List<Point> points) {

    /** One run's point for one row, before grouping. */
    public record Observation(RowKey row, Point point) {
        public Observation {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(point, "point");
        }
    }

    static final Comparator<Point> TIME_ORDER = Comparator.comparing(Point::timestamp).thenComparing(Point::runId);

    public Series {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(testbed, "testbed");
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(TIME_ORDER);
        Set<String> runs = new HashSet<>();
        for (Point p : sorted) {
            if (!p.testbed().equals(testbed)) {
                throw new IllegalArgumentException("run " + p.runId() + " ran on testbed " + p.testbed() + ", not "
                        + testbed + " (" + row.label() + ")");
            }
            if (!runs.add(p.runId())) {
                throw new IllegalArgumentException("run " + p.runId() + " appears twice in " + row.label());
            }
        }
        points = List.copyOf(sorted);
    }

    /** The medians in time order, for {@link ChangePoints#detect}. */
    public double[] medians() {
        return points.stream().mapToDouble(Point::median).toArray();
    }

    /** Change points of the medians. */
    public List<ChangePoint> changePoints(ChangePoints.Params p) {
        return ChangePoints.detect(medians(), p);
    }

    /**
     * Observations grouped by testbed, then by row: testbeds in the order of their first run,
     * rows in key order within each.
     */
    public static Map<String, List<Series>> group(List<Observation> observations) {
        Map<String, Point> firstByTestbed = new TreeMap<>();
        Map<String, Map<RowKey, List<Point>>> byTestbed = new TreeMap<>();
        for (Observation o : observations) {
            String testbed = o.point().testbed();
            firstByTestbed.merge(testbed, o.point(), (a, b) -> TIME_ORDER.compare(a, b) <= 0 ? a : b);
            byTestbed.computeIfAbsent(testbed, t -> new TreeMap<>()).computeIfAbsent(o.row(), r -> new ArrayList<>())
                    .add(o.point());
        }
        Map<String, List<Series>> out = new LinkedHashMap<>();
        firstByTestbed.entrySet().stream().sorted(Map.Entry.comparingByValue(TIME_ORDER)).forEach(e -> out.put(
                e.getKey(), byTestbed.get(e.getKey()).entrySet().stream()
                        .map(r -> new Series(r.getKey(), e.getKey(), r.getValue())).toList()));
        return out;
    }
}
