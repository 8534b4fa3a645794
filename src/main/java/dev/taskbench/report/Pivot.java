package dev.taskbench.report;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Stats;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.HasReference;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Table;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.ReferenceResult;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pivot of a matrix run: benchmark rows x flag-set columns, each cell the median fork
 * score, and against the first column the ratio of medians with its bootstrap interval and the
 * verdict after the Benjamini-Hochberg correction over the column's rows (the statistics of
 * {@code jmh:compare}, never JMH's pooled error); reference runtimes (CPython, PyPy, Node) as
 * extra columns on the rows they correspond to; then, for rows run at two sizes, the time ratio,
 * and for single-shot rows, the warmup curve in short.
 */
public final class Pivot {
    /** One flag set's figure for one row: the median of its fork scores. */
    record Cell(double score, String unit, List<List<Double>> forks) {
    }

    private final List<String> columns;
    /** The benchmark keys, in the order the results list them. */
    private final Set<BenchmarkKey> rows;
    private final Map<RowKey, Cell> cells;
    private final List<ReferenceResult> references;
    /** Each column after the first against the first: the compared row, by the column's flag set and key. */
    private final Map<RowKey, Row> against;

    private Pivot(List<String> columns, Set<BenchmarkKey> rows, Map<RowKey, Cell> cells,
            List<ReferenceResult> references, Map<RowKey, Row> against) {
        this.columns = columns;
        this.rows = rows;
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
        Set<BenchmarkKey> rows = new LinkedHashSet<>();
        Map<RowKey, Cell> cells = new LinkedHashMap<>();
        List<BenchmarkResult> all = new ArrayList<>();
        for (Map.Entry<String, Path> e : resultByFlagSet.entrySet()) {
            for (BenchmarkResult r : JmhJsonReader.read(e.getValue(), e.getKey())) {
                all.add(r);
                rows.add(r.key());
                cells.put(r.row(), new Cell(Stats.median(r.forks()), r.unit(), r.iterations()));
            }
        }
        List<String> columns = List.copyOf(resultByFlagSet.keySet());
        RunResults run = new RunResults(Path.of("pivot"), "pivot", Map.of(), all);
        Map<RowKey, Row> against = new LinkedHashMap<>();
        for (String col : columns.subList(Math.min(1, columns.size()), columns.size())) {
            Comparison.compareFlagSets(run, columns.get(0), col, criteria).rows()
                    .forEach(r -> against.put(new RowKey(col, r.key()), r));
        }
        return new Pivot(columns, rows, cells, List.copyOf(references), against);
    }

    /** The reference script (seed code in other runtimes) a JMH benchmark declares, if any ({@link HasReference}). */
    public static String referenceFor(String benchmark) {
        return Declarations.of(benchmark, HasReference.class).map(h -> h.value().id()).orElse(null);
    }

    /** The same for one row: only rows with the seed's own parameters, as the benchmark declares them. */
    static String referenceFor(BenchmarkKey row) {
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

    /** The pivot as text, as a matrix run prints it and keeps it in {@code pivot.txt}. */
    public String render() {
        return ReportFormat.TEXT.render(report());
    }

    /** The pivot, its proof of work and its warmup curves, each table with what its cells are. */
    public Report report() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(cells());
        scaling().ifPresent(blocks::add);
        warmupCurves().ifPresent(blocks::add);
        return new Report(null, null, blocks);
    }

    private Table cells() {
        List<String> refColumns = new ArrayList<>();
        for (ReferenceResult r : references) {
            boolean used = rows.stream().anyMatch(k -> r.benchmark().equals(referenceFor(k)));
            if (used && !refColumns.contains(r.runtime())) {
                refColumns.add(r.runtime());
            }
        }
        List<String> header = new ArrayList<>();
        header.add("benchmark");
        header.addAll(columns);
        header.addAll(refColumns);
        List<List<String>> lines = new ArrayList<>();
        for (BenchmarkKey row : rows) {
            List<String> line = new ArrayList<>();
            line.add(label(row, varyingParams(row.benchmark())));
            columns.forEach(col -> line.add(cell(row, col)));
            Cell first = cells.get(new RowKey(columns.get(0), row));
            String unit = columns.stream().map(c -> cells.get(new RowKey(c, row))).filter(c -> c != null).findFirst()
                    .orElseThrow().unit();
            String ref = referenceFor(row);
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
            lines.add(line);
        }
        return table(header, lines, "Cells: median fork score; against the first column (" + columns.get(0)
                + ") the ratio of medians, its bootstrap interval and the verdict after correction"
                + (refColumns.isEmpty() ? "" : "; reference runtimes: best in-process call of the seed's own code") + ".");
    }

    /** One flag set's cell: the median, and against the first column the ratio, its interval and the verdict. */
    private String cell(BenchmarkKey row, String col) {
        Cell c = cells.get(new RowKey(col, row));
        Row vs = against.get(new RowKey(col, row));
        if (c == null) {
            return "-";
        }
        if (vs == null) {
            return number(c.score()) + " " + c.unit();
        }
        Interval i = vs.ratio();
        return number(c.score()) + " " + c.unit() + " ×" + number(i.estimate()) + " [" + number(i.low()) + ", "
                + number(i.high()) + "] " + vs.verdict();
    }

    /**
     * Proof of work for benchmarks run at two sizes, one double the other (a trip count): the
     * time ratio per flag set. About 2 means the work is done; about 1 means the JIT removed it.
     */
    Optional<Table> scaling() {
        List<List<String>> lines = new ArrayList<>();
        for (BenchmarkKey small : rows) {
            for (String param : varyingParams(small.benchmark())) {
                BenchmarkKey big = doubled(small, param);
                if (big == null) {
                    continue;
                }
                List<String> line = new ArrayList<>();
                line.add(label(small, Set.of()) + " " + param + " " + small.params().get(param) + " → "
                        + big.params().get(param));
                for (String col : columns) {
                    Cell a = cells.get(new RowKey(col, small));
                    Cell b = cells.get(new RowKey(col, big));
                    line.add(a == null || b == null || a.score() == 0 ? "-" : "×" + number(b.score() / a.score()));
                }
                lines.add(line);
            }
        }
        List<String> header = new ArrayList<>(List.of("size doubled"));
        header.addAll(columns);
        return lines.isEmpty() ? Optional.empty() : Optional.of(table(header, lines,
                "Time ratio when one parameter doubles: about ×2 means the work is done, about ×1 that it was removed."));
    }

    private BenchmarkKey doubled(BenchmarkKey small, String param) {
        long v;
        try {
            v = Long.parseLong(small.params().get(param));
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, String> want = new TreeMap<>(small.params());
        want.put(param, String.valueOf(2 * v));
        BenchmarkKey big = BenchmarkKey.of(small.benchmark(), want, small.mode(), small.threads());
        return rows.contains(big) ? big : null;
    }

    /** Parameters of a benchmark that take more than one value in this table; the others are noise in a label. */
    Set<String> varyingParams(String benchmark) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (BenchmarkKey k : rows) {
            if (k.benchmark().equals(benchmark)) {
                k.params().forEach((n, v) -> values.computeIfAbsent(n, x -> new HashSet<>()).add(v));
            }
        }
        values.values().removeIf(v -> v.size() < 2);
        return values.keySet();
    }

    /** First call, steady state and calls to reach it, for single-shot rows. */
    Optional<Table> warmupCurves() {
        List<List<String>> lines = new ArrayList<>();
        for (BenchmarkKey row : rows) {
            if (!"ss".equals(row.mode())) {
                continue;
            }
            for (String col : columns) {
                Cell c = cells.get(new RowKey(col, row));
                WarmupCurve w = c == null ? null : WarmupCurve.of(c.forks());
                if (w == null) {
                    continue;
                }
                String unit = " " + c.unit().replace("/op", "");
                lines.add(List.of(label(row, varyingParams(row.benchmark())), col, number(w.first()) + unit,
                        number(w.steady()) + unit, String.valueOf(w.callsToSteady()),
                        number(w.first() / w.steady()) + "x"));
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(table(List.of("warmup curve",
                "flag set", "first call", "steady state", "calls to steady", "first/steady"), lines,
                "Steady state: median of the last quarter of calls; calls to steady: first call within 1.5x of it "
                        + "(median over forks)."));
    }

    /** Class.method, the parameters in {@code shown}, threads and mode when not the usual. */
    static String label(BenchmarkKey k, Set<String> shown) {
        StringBuilder b = new StringBuilder(k.shortName());
        Map<String, String> visible = new TreeMap<>(k.params());
        visible.keySet().retainAll(shown);
        if (!visible.isEmpty()) {
            b.append(visible.toString().replace('{', '(').replace('}', ')').replace(", ", " "));
        }
        if (k.threads() > 1) {
            b.append(" t=").append(k.threads());
        }
        if (!"avgt".equals(k.mode())) {
            b.append(" [").append(k.mode()).append(']');
        }
        return b.toString();
    }

    /** Every column left-aligned: a cell is a phrase (a figure, its unit, a ratio, a verdict). */
    private static Table table(List<String> header, List<List<String>> lines, String caption) {
        return new Table(header.stream().map(Column::left).toList(),
                lines.stream().map(l -> l.stream().map(Report.Cell::of).toList()).toList(), caption);
    }

    static boolean isTimePerOp(String unit) {
        return unit.endsWith("/op") && !unit.startsWith("ops") && !unit.startsWith("B");
    }

    static String ratio(double v, double base) {
        return base == 0 ? "" : "×" + number(v / base);
    }

    /** About three significant figures: a cell carries several numbers. */
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
}
