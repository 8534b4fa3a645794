package dev.taskbench.report;

import dev.taskbench.Spans;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Chart;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Folded;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.FailedRows;
import dev.taskbench.results.MergedShard;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.StopLog;
import dev.taskbench.stability.DetectableChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a run says: its flag sets, the findings first (and the rows that failed), then every row (per benchmark method a
 * chart, folded away, then the table, with why each row stopped at its forks when the run says),
 * the rows whose forks land in more than one mode, the forks re-run, how many forks the rows got, what
 * each row was planned and why, and a steady run's steady state per fork before them, then links to its
 * flame graphs when it was profiled.
 */
public final class RunReport {
    /** The metadata key of the adaptive cap ({@code taskbench.adaptive.maxForks}) a run was given. */
    public static final String ADAPTIVE_CAP = "adaptiveMaxForks";
    /** A row that cannot see a change this large is listed as such, not left to read as UNKNOWN. */
    static final double MUST_SEE = 0.10;

    private RunReport() {
    }

    /** {@code criteria} gives the bootstrap intervals, as for a comparison. */
    public static Report of(RunResults run, Criteria criteria) {
        return of(run, Findings.of(run, criteria), criteria);
    }

    /** The same with the run's findings already answered, for a caller that also prints them. */
    public static Report of(RunResults run, List<Answer> answers, Criteria criteria) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Flag sets: " + String.join(", ", run.flagSets())));
        shards(run).ifPresent(blocks::add);
        blocks.add(FindingsReport.of(answers, criteria));
        failed(run).ifPresent(blocks::add);
        ModesReport.of(run).ifPresent(blocks::add);
        ForksReport.of(run).ifPresent(blocks::add);
        StopsReport.of(run).ifPresent(blocks::add);
        PlanReport.of(run).ifPresent(blocks::add);
        SteadyReport.of(run).ifPresent(blocks::add);
        blocks.add(rows(RunSummary.of(run, criteria), criteria, cap(run), StopLog.of(run.metadata())));
        ProfileLinks.of(run.source()).ifPresent(blocks::add);
        return new Report("Run " + run.runId(), null, blocks);
    }

    /**
     * A merged sharded run's shards, each with its rows and its planned against its real time, so the reader sees the
     * run was split and whether the split was even; empty for a whole run.
     */
    static Optional<Paragraph> shards(RunResults run) {
        List<MergedShard> shards = MergedShard.of(run.metadata());
        if (shards.isEmpty()) {
            return Optional.empty();
        }
        List<String> each = shards.stream().map(s -> s.runId() + clock(s.clock())).toList();
        return Optional.of(new Paragraph("Merged from " + shards.size() + (shards.size() == 1 ? " shard: " : " shards: ")
                + String.join(", ", each) + "."));
    }

    /** " (7 rows, planned 20 s, took 8 s)", what of it the shard recorded; empty without its rows. */
    private static String clock(MergedShard.Clock c) {
        if (c == null || c.rows() == null) {
            return "";
        }
        boolean timed = c.plannedSeconds() != null && c.actualSeconds() != null;
        return " (" + c.rows() + " rows" + (timed ? ", planned " + Spans.about(c.plannedSeconds()) + ", took "
                + Spans.span(c.actualSeconds()) : "") + ")";
    }

    /** The rows whose fork failed, each with why: they are absent from everything below. */
    static Optional<Items> failed(RunResults run) {
        return FailedRows.of(run.metadata()).map(f -> new Items("failed", f.rows().size()
                + " row(s) failed and are missing from the findings and the tables below",
                f.lines(run.flagSets().size() > 1).stream().map(Text::of).toList()));
    }

    /** The adaptive cap the run was given (fork pairs a side), if it recorded one above 0. */
    static OptionalInt cap(RunResults run) {
        return run.metadata().get(ADAPTIVE_CAP) instanceof Number n && n.intValue() > 0 ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
    }

    private static Section rows(List<RunSummary.Entry> all, Criteria o, OptionalInt cap, Optional<StopLog> stops) {
        boolean reasons = StopsReport.hasReasons(stops);
        String level = Fmt.level(o.confidence());
        List<Block> charts = new ArrayList<>();
        for (Map.Entry<String, List<RunSummary.Entry>> m : byMethod(all).entrySet()) {
            String id = "g" + (charts.size() + 1);
            List<RunSummary.Entry> entries = m.getValue();
            charts.add(new Chart(m.getKey(), () -> Charts.scores(entries.get(0).result().unit(), entries, id),
                    "Median of the per-fork scores; box: " + level + " bootstrap interval of the median; whiskers: "
                            + "the fastest and the slowest fork.", false));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (RunSummary.Entry e : all) {
            BenchmarkResult r = e.result();
            Optional<DetectableChange> d = detectable(r, o, all.size());
            List<Cell> row = new ArrayList<>(cells(r.key().label(), r.flagSet(), r.unit(),
                    String.valueOf(r.forkScores().size()), d.map(x -> canSee(x, r.forkScores().size(), cap)).orElse("-"),
                    Fmt.num(e.median().estimate()), Fmt.range(e.median()), Fmt.num(e.min()), Fmt.num(e.max()),
                    Fmt.num(e.alloc())));
            if (reasons) {
                row.add(Cell.of(StopsReport.reason(stops, r.row()).orElse("-")));
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(Column.left("benchmark"), Column.left("flag set"),
                Column.left("unit"), Column.right("forks"), Column.right("can see"), Column.right("median"),
                Column.right(level + " CI"), Column.right("min fork"), Column.right("max fork"), Column.right("B/op")));
        if (reasons) {
            columns.add(Column.left("stopped"));
        }
        Table table = new Table(columns, rows,
                "Median of per-fork scores (mean of a fork's iterations), " + level + " percentile bootstrap interval; "
                        + "can see: the smallest change a comparison at these forks finds 4 times in 5 among "
                        + all.size() + " rows, from the spread of its forks"
                        + (cap.isPresent() ? ", then at the adaptive cap, " + cap.getAsInt() + " forks a side."
                                : "."));
        List<Block> blocks = new ArrayList<>(List.of(
                new Folded("One chart per benchmark method (" + charts.size() + ")", charts), table));
        blind(all, o, cap).ifPresent(blocks::add);
        return new Section("rows", "All rows", null, false, blocks);
    }

    /** How much a row's forks can see among {@code rows} compared rows; empty below two forks or without a direction. */
    static Optional<DetectableChange> detectable(BenchmarkResult r, Criteria o, int rows) {
        Optional<Direction> d = Direction.ofUnit(r.unit());
        double[] forks = r.forks();
        boolean positive = java.util.Arrays.stream(forks).allMatch(v -> v > 0 && Double.isFinite(v));
        return d.isEmpty() || forks.length < 2 || !positive ? Optional.empty()
                : Optional.of(DetectableChange.of(forks, d.get(), o, rows));
    }

    /** "±4.0%", or "nothing" when no change can be seen at these forks. */
    static String canSee(DetectableChange d, int forks) {
        OptionalDouble at = d.at(forks);
        return at.isPresent() ? "\u00b1" + Fmt.percent(at.getAsDouble()).substring(1) : "nothing";
    }

    /**
     * The same, with the adaptive cap's figure beside it where the cap adds forks: the "can see" cell of a
     * run's rows table and of a comparison's ({@link ComparedDetection}). "nothing, ±6.1% at 12" for a quiet
     * row the stop rule ended at 3 forks, with which no rank test can reach its level.
     */
    static String canSee(DetectableChange d, int forks, OptionalInt cap) {
        return cap.isEmpty() || cap.getAsInt() <= forks ? canSee(d, forks)
                : canSee(d, forks) + ", " + canSee(d, cap.getAsInt()) + " at " + cap.getAsInt();
    }

    /** The rows that cannot see {@value #MUST_SEE} at the adaptive cap (or, without one, at their own forks). */
    private static Optional<Items> blind(List<RunSummary.Entry> all, Criteria o, OptionalInt cap) {
        List<Text> lines = new ArrayList<>();
        Map<Integer, String> noneCan = new java.util.TreeMap<>();
        Map<Integer, Integer> noneCanRows = new java.util.TreeMap<>();
        for (RunSummary.Entry e : all) {
            BenchmarkResult r = e.result();
            int forks = cap.orElse(r.forkScores().size());
            Optional<DetectableChange> d = detectable(r, o, all.size()).filter(x -> !x.sees(MUST_SEE, forks));
            if (d.isPresent() && d.get().at(forks).isEmpty()) { // the fork count, not the row: one line for all
                noneCan.put(forks, d.get().describe(forks));
                noneCanRows.merge(forks, 1, Integer::sum);
            } else {
                d.ifPresent(x -> lines.add(Text.of(r.key().label() + ": " + x.describe(forks))));
            }
        }
        noneCan.forEach((forks, why) -> lines.add(0, Text.of(noneCanRows.get(forks) + " rows: " + why)));
        String at = cap.isPresent() ? "at the adaptive cap, " + cap.getAsInt() + " forks a side" : "at their forks";
        return lines.isEmpty() ? Optional.empty()
                : Optional.of(new Items("blind", "Rows that cannot see a " + Fmt.percent(MUST_SEE).substring(1)
                        + " change " + at, lines));
    }

    /** One group per benchmark method, mode, threads and unit: its parameters and flag sets share a chart. */
    private static Map<String, List<RunSummary.Entry>> byMethod(List<RunSummary.Entry> all) {
        Map<String, List<RunSummary.Entry>> groups = new LinkedHashMap<>();
        for (RunSummary.Entry e : all) {
            BenchmarkResult r = e.result();
            String group = r.key().shortName() + " " + r.key().mode() + " t" + r.key().threads() + " (" + r.unit() + ")";
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    static List<Cell> cells(String... texts) {
        return java.util.Arrays.stream(texts).map(Cell::of).toList();
    }
}
