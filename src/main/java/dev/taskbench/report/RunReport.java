package dev.taskbench.report;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.findings.Findings;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Chart;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Folded;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run says: its flag sets, the findings first, then every row (per benchmark method a
 * chart, folded away, then the table), the rows whose forks land in more than one mode before them, then links to its flame graphs when it was profiled.
 */
public final class RunReport {
    private RunReport() {
    }

    /** {@code criteria} gives the bootstrap intervals, as for a comparison. */
    public static Report of(RunResults run, Criteria criteria) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Flag sets: " + String.join(", ", run.flagSets())));
        blocks.add(FindingsReport.of(Findings.of(run, criteria), criteria));
        ModesReport.of(run).ifPresent(blocks::add);
        blocks.add(rows(RunSummary.of(run, criteria), criteria));
        ProfileLinks.of(run.source()).ifPresent(blocks::add);
        return new Report("Run " + run.runId(), null, blocks);
    }

    private static Section rows(List<RunSummary.Entry> all, Criteria o) {
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
            rows.add(cells(r.key().label(), r.flagSet(), r.unit(), String.valueOf(r.forkScores().size()),
                    Fmt.num(e.median().estimate()), Fmt.range(e.median()), Fmt.num(e.min()), Fmt.num(e.max()),
                    Fmt.num(e.alloc())));
        }
        Table table = new Table(List.of(Column.left("benchmark"), Column.left("flag set"), Column.left("unit"),
                Column.right("forks"), Column.right("median"), Column.right(level + " CI"), Column.right("min fork"),
                Column.right("max fork"), Column.right("B/op")), rows,
                "Median of per-fork scores (mean of a fork's iterations), " + level + " percentile bootstrap interval.");
        return new Section("rows", "All rows", null, false,
                List.of(new Folded("One chart per benchmark method (" + charts.size() + ")", charts), table));
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
