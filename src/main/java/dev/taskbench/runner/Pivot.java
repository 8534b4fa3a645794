package dev.taskbench.runner;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Stats;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.HasReference;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark rows x flag-set columns: each cell the median fork score, and against the first
 * column the ratio of medians with its bootstrap interval and the verdict after the
 * Benjamini-Hochberg correction over the column's rows (the statistics of {@code jmh:compare},
 * never JMH's pooled error); reference runtimes (CPython, PyPy, Node) as extra columns on the
 * rows they correspond to; and, for single-shot benchmarks, the warmup curve in short.
 */
public final class Pivot {
    /** A row: benchmark, mode, threads and parameters. */
    record RowKey(String benchmark, String mode, int threads, Map<String, String> params) {
        static RowKey of(BenchmarkKey k) {
            return new RowKey(k.benchmark(), k.mode(), k.threads(), k.params());
        }

        /** Class.method, the parameters in {@code shown}, threads and mode when not the usual. */
        String label(java.util.Set<String> shown) {
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            StringBuilder b = new StringBuilder(shortName);
            Map<String, String> visible = new TreeMap<>(params);
            visible.keySet().retainAll(shown);
            if (!visible.isEmpty()) {
                b.append(visible.toString().replace('{', '(').replace('}', ')').replace(", ", " "));
            }
            if (threads > 1) {
                b.append(" t=").append(threads);
            }
            if (!"avgt".equals(mode)) {
                b.append(" [").append(mode).append(']');
            }
            return b.toString();
        }
    }

    /** One flag set's figure for one row: the median of its fork scores. */
    record Cell(double score, String unit, List<List<Double>> forks) {
    }

    private final List<String> columns;
    private final Map<RowKey, Map<String, Cell>> cells;
    private final List<ReferenceResult> references;
    /** Per column after the first: its rows against the first column. */
    private final Map<String, Map<RowKey, Row>> against;

    private Pivot(List<String> columns, Map<RowKey, Map<String, Cell>> cells, List<ReferenceResult> references,
            Map<String, Map<RowKey, Row>> against) {
        this.columns = columns;
        this.cells = cells;
        this.references = references;
        this.against = against;
    }

    /** Reads one JMH JSON result per flag set, in column order, with the default criteria. */
    public static Pivot read(Map<String, Path> resultByFlagSet, List<ReferenceResult> references) {
        return read(resultByFlagSet, references, Criteria.defaults());
    }

    /** Reads one JMH JSON result per flag set, in column order; compares each column with the first. */
    public static Pivot read(Map<String, Path> resultByFlagSet, List<ReferenceResult> references, Criteria criteria) {
        Map<RowKey, Map<String, Cell>> cells = new LinkedHashMap<>();
        List<BenchmarkResult> all = new ArrayList<>();
        for (Map.Entry<String, Path> e : resultByFlagSet.entrySet()) {
            for (BenchmarkResult r : JmhJsonReader.read(e.getValue(), e.getKey())) {
                all.add(r);
                cells.computeIfAbsent(RowKey.of(r.key()), k -> new LinkedHashMap<>()).put(e.getKey(),
                        new Cell(Stats.median(r.forks()), r.unit(), r.iterations()));
            }
        }
        List<String> columns = List.copyOf(resultByFlagSet.keySet());
        RunResults run = new RunResults(Path.of("pivot"), "pivot", Map.of(), all);
        Map<String, Map<RowKey, Row>> against = new LinkedHashMap<>();
        for (String col : columns.subList(Math.min(1, columns.size()), columns.size())) {
            Map<RowKey, Row> rows = new LinkedHashMap<>();
            Comparison.compareFlagSets(run, columns.get(0), col, criteria).rows()
                    .forEach(r -> rows.put(RowKey.of(r.key()), r));
            against.put(col, rows);
        }
        return new Pivot(columns, cells, List.copyOf(references), against);
    }

    /** The reference script (seed code in other runtimes) a JMH benchmark declares, if any ({@link HasReference}). */
    static String referenceFor(String benchmark) {
        return Declarations.of(benchmark, HasReference.class).map(h -> h.value().id()).orElse(null);
    }

    /** The same for one row: only rows with the seed's own parameters, as the benchmark declares them. */
    static String referenceFor(RowKey row) {
        HasReference h = Declarations.of(row.benchmark(), HasReference.class).orElse(null);
        if (h == null) {
            return null;
        }
        for (String pair : h.seedParams()) {
            int eq = pair.indexOf('=');
            String have = row.params().get(pair.substring(0, eq));
            if (have != null && !have.equals(pair.substring(eq + 1))) {
                return null;
            }
        }
        return h.value().id();
    }

    public String render() {
        List<String> refColumns = new ArrayList<>();
        for (ReferenceResult r : references) {
            boolean used = cells.keySet().stream().anyMatch(k -> r.benchmark().equals(referenceFor(k)));
            if (used && !refColumns.contains(r.runtime())) {
                refColumns.add(r.runtime());
            }
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("benchmark");
        header.addAll(columns);
        header.addAll(refColumns);
        table.add(header);
        for (Map.Entry<RowKey, Map<String, Cell>> row : cells.entrySet()) {
            List<String> line = new ArrayList<>();
            line.add(row.getKey().label(varyingParams(row.getKey().benchmark())));
            Cell first = row.getValue().get(columns.get(0));
            String unit = row.getValue().values().iterator().next().unit();
            for (String col : columns) {
                Cell c = row.getValue().get(col);
                Row vs = col.equals(columns.get(0)) ? null : against.get(col).get(row.getKey());
                if (c == null) {
                    line.add("-");
                } else if (vs == null) {
                    line.add(number(c.score()) + " " + c.unit());
                } else {
                    Interval i = vs.ratio();
                    line.add(number(c.score()) + " " + c.unit() + " ×" + number(i.estimate()) + " [" + number(i.low())
                            + ", " + number(i.high()) + "] " + vs.verdict());
                }
            }
            String ref = referenceFor(row.getKey());
            for (String rc : refColumns) {
                ReferenceResult r = references.stream()
                        .filter(x -> x.runtime().equals(rc) && x.benchmark().equals(ref)).findFirst().orElse(null);
                if (r == null || !isTimePerOp(unit)) {
                    line.add("");
                } else {
                    double v = r.bestIn(unit);
                    line.add(number(v) + " " + unit + (first == null ? "" : " " + ratio(v, first.score())));
                }
            }
            table.add(line);
        }
        StringBuilder out = new StringBuilder(format(table));
        out.append("Cells: median fork score; against the first column (").append(columns.get(0))
                .append(") the ratio of medians, its bootstrap interval and the verdict after correction");
        if (!refColumns.isEmpty()) {
            out.append("; reference runtimes: best in-process call of the seed's own code");
        }
        out.append(".\n");
        String scaling = scaling();
        if (!scaling.isEmpty()) {
            out.append('\n').append(scaling);
        }
        String curves = warmupCurves();
        if (!curves.isEmpty()) {
            out.append('\n').append(curves);
        }
        return out.toString();
    }

    /**
     * Proof of work for benchmarks run at two sizes, one double the other (a trip count): the
     * time ratio per flag set. About 2 means the work is done; about 1 means the JIT removed it.
     */
    String scaling() {
        List<List<String>> table = new ArrayList<>();
        for (RowKey small : cells.keySet()) {
            for (String param : varyingParams(small.benchmark())) {
                RowKey big = doubled(small, param);
                if (big == null) {
                    continue;
                }
                if (table.isEmpty()) {
                    List<String> h = new ArrayList<>(List.of("size doubled"));
                    h.addAll(columns);
                    table.add(h);
                }
                List<String> line = new ArrayList<>();
                line.add(small.label(java.util.Set.of()) + " " + param + " " + small.params().get(param) + " → "
                        + big.params().get(param));
                for (String col : columns) {
                    Cell a = cells.get(small).get(col);
                    Cell b = cells.get(big).get(col);
                    line.add(a == null || b == null || a.score() == 0 ? "-" : "×" + number(b.score() / a.score()));
                }
                table.add(line);
            }
        }
        return table.isEmpty() ? "" : format(table)
                + "Time ratio when one parameter doubles: about ×2 means the work is done, about ×1 that it was removed.\n";
    }

    private RowKey doubled(RowKey small, String param) {
        long v;
        try {
            v = Long.parseLong(small.params().get(param));
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, String> want = new TreeMap<>(small.params());
        want.put(param, String.valueOf(2 * v));
        RowKey big = new RowKey(small.benchmark(), small.mode(), small.threads(), want);
        return cells.containsKey(big) ? big : null;
    }

    /** Parameters of a benchmark that take more than one value in this table; the others are noise in a label. */
    java.util.Set<String> varyingParams(String benchmark) {
        Map<String, java.util.Set<String>> values = new TreeMap<>();
        for (RowKey k : cells.keySet()) {
            if (k.benchmark().equals(benchmark)) {
                k.params().forEach((n, v) -> values.computeIfAbsent(n, x -> new java.util.HashSet<>()).add(v));
            }
        }
        values.values().removeIf(v -> v.size() < 2);
        return values.keySet();
    }

    /** First call, steady state and calls to reach it, for single-shot rows. */
    String warmupCurves() {
        List<List<String>> table = new ArrayList<>();
        for (Map.Entry<RowKey, Map<String, Cell>> row : cells.entrySet()) {
            if (!"ss".equals(row.getKey().mode())) {
                continue;
            }
            for (Map.Entry<String, Cell> c : row.getValue().entrySet()) {
                WarmupCurve w = WarmupCurve.of(c.getValue().forks());
                if (w == null) {
                    continue;
                }
                if (table.isEmpty()) {
                    table.add(List.of("warmup curve", "flag set", "first call", "steady state", "calls to steady",
                            "first/steady"));
                }
                String unit = " " + c.getValue().unit().replace("/op", "");
                table.add(List.of(row.getKey().label(varyingParams(row.getKey().benchmark())), c.getKey(), number(w.first()) + unit,
                        number(w.steady()) + unit, String.valueOf(w.callsToSteady()),
                        number(w.first() / w.steady()) + "x"));
            }
        }
        return table.isEmpty() ? "" : format(table)
                + "Steady state: median of the last quarter of calls; calls to steady: first call within 1.5x of it "
                + "(median over forks).\n";
    }

    static boolean isTimePerOp(String unit) {
        return unit.endsWith("/op") && !unit.startsWith("ops") && !unit.startsWith("B");
    }

    static String ratio(double v, double base) {
        return base == 0 ? "" : "×" + number(v / base);
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String format(List<List<String>> table) {
        int cols = table.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : table) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            for (int i = 0; i < cols; i++) {
                String s = table.get(r).get(i);
                b.append(i == 0 ? "" : " | ").append(s).append(" ".repeat(width[i] - s.length()));
            }
            b.setLength(b.length() - trailing(b));
            b.append('\n');
            if (r == 0) {
                for (int i = 0; i < cols; i++) {
                    b.append(i == 0 ? "" : "-|-").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static int trailing(StringBuilder b) {
        int n = 0;
        while (n < b.length() && b.charAt(b.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }
}
