package dev.taskbench.report;

import dev.taskbench.findings.Standing;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Links;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.Figures;
import dev.taskbench.stability.ForkModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a run whose fork scores land in more than one mode ({@link ForkModes}), each with its
 * modes' locations and counts: such a row's median and interval describe a mixture, not one level.
 * Where the run profiled a fork of each mode ({@link ModeExplanations}), the row is followed by
 * what the JIT did differently in the two forks and links to the fast-against-slow flame graph.
 */
public final class ModesReport {
    static final String TITLE = "Rows in more than one mode";
    static final String LEGEND = "forks grouped by Engelman and Hartigan's test for clusters on the fork scores";
    /** JIT differences the terminal prints per row; the pages print what the metadata kept. */
    static final int CONSOLE_DIFFERENCES = 3;

    private ModesReport() {
    }

    /** For the terminal: the bimodal rows, or nothing when every row is in one mode. */
    public static String text(RunResults run) {
        return of(run, CONSOLE_DIFFERENCES).map(s -> ReportFormat.TEXT.render(new Report(s.title(), s.legend(),
                s.blocks()))).orElse("");
    }

    /** The section, present only when some row lands in more than one mode. */
    static Optional<Section> of(RunResults run) {
        return of(run, Integer.MAX_VALUE);
    }

    private static Optional<Section> of(RunResults run, int differences) {
        List<Text> lines = new ArrayList<>();
        List<Block> explained = new ArrayList<>();
        Optional<ModeExplanations> why = ModeExplanations.of(run.metadata());
        for (BenchmarkResult r : run.results()) {
            Optional<ForkModes> m = Standing.modes(r).filter(ForkModes::multimodal);
            if (m.isPresent()) {
                lines.add(Text.of(line(r, m.get(), run)));
                why.flatMap(w -> w.find(r.row())).ifPresent(e -> explained.addAll(explanation(r, e, run, differences,
                        explained.size())));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>(List.of(new Items(null, null, lines)));
        blocks.addAll(explained);
        return Optional.of(new Section("modes", TITLE, LEGEND, false, blocks));
    }

    /** "FormParsingBenchmark.decode [input=seed] avgt t1: 2 modes: 3 forks near 150 ns, 2 near 200 ns". */
    static String line(BenchmarkResult r, ForkModes m, RunResults run) {
        String flagSet = run.flagSets().size() > 1 ? " (" + r.flagSet() + ")" : "";
        return r.key().label() + flagSet + ": " + m.describe(r.unit());
    }

    /** A row's profiled forks, what went missing, its files, its JIT differences and, on a page, its links. */
    static List<Block> explanation(BenchmarkResult r, ModeExplanations.Row e, RunResults run, int differences,
            int n) {
        List<Text> items = new ArrayList<>();
        items.add(Text.of(forks(e)));
        e.notes().forEach(x -> items.add(Text.of(x)));
        if (e.flameGraph() != null) {
            items.add(Text.of("fast against slow flame graph: ").code(e.flameGraph()));
        }
        if (e.jitTable() != null) {
            items.add(Text.of("what the JIT did differently: ").code(e.jitTable())
                    .plain(e.jit().isEmpty() ? " (nothing, in the methods the samples saw)" : ""));
        }
        String flagSet = run.flagSets().size() > 1 ? " (" + r.flagSet() + ")" : "";
        String id = "modes-why-" + (n + 1);
        List<Block> out = new ArrayList<>(List.of(new Items(id, "Why " + r.key().label() + flagSet + " is in "
                + e.modes().size() + " modes", items)));
        if (!e.jit().isEmpty() && e.fast().isPresent() && e.slow().isPresent()) {
            out.add(table(e, differences));
        }
        List<Links.Link> links = new ArrayList<>();
        if (e.flameGraph() != null) {
            links.add(new Links.Link(e.flameGraph(), "fast against slow flame graph"));
        }
        if (e.jitTable() != null) {
            links.add(new Links.Link(e.jitTable(), "JIT differences"));
        }
        if (!links.isEmpty()) {
            out.add(new Links(id + "-files", "Fast against slow: " + r.key().label() + flagSet, "One unmeasured fork"
                    + " of each mode, profiled; their scores are in no table.", List.of(new Links.Line(
                            r.key().label(), links))));
        }
        return out;
    }

    /** "6 profiled forks: 151, 149 ns/op (mode 1 of 2), 203 ns/op (mode 2); compared 151 against 203 ns/op". */
    static String forks(ModeExplanations.Row e) {
        if (e.forks().isEmpty()) {
            return "no profiled fork ran";
        }
        List<String> byMode = new ArrayList<>();
        for (int m = 0; m < e.modes().size(); m++) {
            int mode = m;
            List<String> scores = e.forks().stream().filter(f -> f.mode() == mode)
                    .map(f -> value(f.score(), e.unit())).toList();
            if (!scores.isEmpty()) {
                byMode.add(String.join(", ", scores) + " near " + value(e.modes().get(m), e.unit()));
            }
        }
        String compared = e.fast().isPresent() && e.slow().isPresent()
                ? "; compared " + value(e.fast().get().score(), e.unit()) + " against "
                        + value(e.slow().get().score(), e.unit()) : "";
        return e.forks().size() + " profiled fork(s): " + String.join("; ", byMode) + compared;
    }

    private static Table table(ModeExplanations.Row e, int differences) {
        List<List<Cell>> rows = e.jit().stream().limit(differences)
                .map(d -> List.of(Cell.of(d.method()), Cell.of(d.fast()), Cell.of(d.slow()))).toList();
        int more = e.moreJit() + e.jit().size() - rows.size();
        String caption = "What the JIT did differently in the two forks (JFR's compiler events), the methods their"
                + " samples spend most in first" + (more > 0 ? "; " + more + " more in " + e.jitTable() : "") + ".";
        return new Table(List.of(Column.left("method"),
                Column.left("fast fork (" + value(e.fast().orElseThrow().score(), e.unit()) + ")"),
                Column.left("slow fork (" + value(e.slow().orElseThrow().score(), e.unit()) + ")")), rows,
                caption);
    }

    /** The same differences as a Markdown page of their own: {@code jit.md} beside the flame graph. */
    public static String jitPage(String row, ModeExplanations.Row e, List<ModeExplanations.Difference> all) {
        String title = "# What the JIT did differently: " + row + "\n\n";
        String scores = e.fast().isPresent() && e.slow().isPresent() ? "Fast fork "
                + value(e.fast().get().score(), e.unit()) + ", slow fork "
                + value(e.slow().get().score(), e.unit()) + ". " : "";
        if (all.isEmpty()) {
            return title + scores + "No difference in the methods the samples saw or the benchmark's package.\n";
        }
        Table t = new Table(List.of(Column.left("method"), Column.left("fast fork"), Column.left("slow fork")),
                all.stream().map(d -> List.of(Cell.of(d.method()), Cell.of(d.fast()), Cell.of(d.slow()))).toList(),
                null);
        return title + scores + "JFR's compiler events; the methods the two forks' CPU samples spend most in first.\n\n"
                + ReportFormat.MARKDOWN.render(new Report(null, null, List.of(t)));
    }

    /** {@code 151 ns/op}. */
    private static String value(double v, String unit) {
        return Figures.value(v, unit);
    }
}
