package dev.taskbench.report;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.findings.Findings;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Chart;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Footnote;
import dev.taskbench.report.Report.Headline;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import dev.taskbench.report.Report.Tone;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What a comparison says: both sides' findings, the gate's headline, the counts, the rows that
 * fail the gate, a chart of the ratios, every row (with what it can detect), the rows compared mode by
 * mode, the rows that cannot see a 10% change, what is on one side only or unknown, and how the
 * figures were made.
 */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    /** Without findings (a comparison of rows no question is asked of), and no adaptive cap. */
    public static Report of(Comparison c) {
        return new Report(title(c), legend(c.options()), body(c, OptionalInt.empty()));
    }

    /** Led by each side's findings, paired question by question; no adaptive cap. */
    public static Report of(Comparison c, List<Findings.Pair> findings) {
        return of(c, findings, OptionalInt.empty());
    }

    /** The same, with what each row can see at the adaptive cap ({@code cap} forks a side) as well. */
    public static Report of(Comparison c, List<Findings.Pair> findings, OptionalInt cap) {
        List<Block> blocks = new ArrayList<>(List.of(FindingsReport.of(findings)));
        blocks.addAll(body(c, cap));
        return new Report(title(c), legend(c.options()), blocks);
    }

    private static String title(Comparison c) {
        return "Comparison " + c.baseName() + " \u2192 " + c.candidateName();
    }

    /** For a terminal's title line. */
    private static String legend(Criteria o) {
        return "medians of per-fork scores; Mann-Whitney U, Benjamini-Hochberg q <= " + o.alpha() + ", minimum effect "
                + Fmt.percent(o.minEffect()).substring(1);
    }

    private static List<Block> body(Comparison c, OptionalInt cap) {
        Criteria o = c.options();
        ComparedDetection detection = new ComparedDetection(c, cap);
        List<Block> blocks = new ArrayList<>();
        blocks.add(gate(c));
        drift(c).ifPresent(blocks::add);
        blocks.add(new Paragraph(String.format(Locale.ROOT, "%d rows: %d faster, %d slower, %d same, %d unknown.",
                c.rows().size(), c.count(Verdict.FASTER), c.count(Verdict.SLOWER), c.count(Verdict.SAME),
                c.count(Verdict.UNKNOWN)) + c.geometricMean().map(g -> " Geometric mean of time ratios "
                + "(candidate/base, < 1 = faster): " + Fmt.interval(g) + ".").orElse("")));
        if (!c.passesGate()) {
            blocks.add(new Items(null, "Rows that fail the gate", c.gateFailures().stream()
                    .map(r -> row("", r.row()).plain(": " + r.gateFailure().orElseThrow())).toList()));
        }
        if (!c.rows().isEmpty()) {
            blocks.add(new Chart(null, () -> Charts.ratios(c.rows(), o.minEffect(), "ratios"), String.format(Locale.ROOT,
                    "Box: %s bootstrap interval of the time ratio (median candidate / median base of the per-fork "
                            + "scores, inverted for throughput); line: estimate; shaded band: the %s minimum effect. "
                            + "Colour: green faster, red slower, grey same, light grey unknown.",
                    Fmt.level(o.confidence()), Fmt.percent(o.minEffect()).substring(1)), false));
        }
        blocks.add(table(c, detection));
        blocks.add(new Items("by-modes", "Rows compared mode by mode (their forks land in more than one mode on a side)",
                byModes(c)));
        detection.blind(c.rows()).ifPresent(blocks::add);
        blocks.add(new Items(null, null, oneSideOnly(c)));
        blocks.add(new Items(null, null, unknown(c), true));
        blocks.add(new Footnote(footnote(o)));
        return blocks;
    }

    /**
     * For two separate runs, whether drift between them was held against the rows: by how many rows
     * had other runs of this testbed, or not at all, with what cancels it.
     */
    private static java.util.Optional<Block> drift(Comparison c) {
        if (c.testbeds() == null || c.testbeds().interleaved() || c.rows().isEmpty()) {
            return java.util.Optional.empty();
        }
        long held = c.rows().stream().filter(r -> r.drift().isPresent()).count();
        if (held == 0) {
            return java.util.Optional.of(new Paragraph("Separate runs, not interleaved: drift between them is not "
                    + "accounted for (no row has 3 other runs of this testbed in the results folder); a baseline jar run "
                    + "interleaved with the candidate (-Dtaskbench.baseline.jar=...) cancels it."));
        }
        long byModes = c.rows().stream().filter(r -> r.byModes()).count();
        long rest = c.rows().size() - held - byModes;
        return java.util.Optional.of(new Paragraph(String.format(Locale.ROOT, "Separate runs, not interleaved: %d of %d "
                + "rows must also move beyond their run-to-run drift on this testbed (%.2f times its spread over other "
                + "runs, at least the minimum effect)", held, c.rows().size(), dev.taskbench.compare.Drift.factor(c.options()))
                + (byModes > 0 ? "; " + byModes + " compared mode by mode keep that test's verdict, which drift does not enter" : "")
                + (rest > 0 ? "; the rest (" + rest + ") have fewer than 3 other runs" : "") + "."));
    }

    /** The gate's verdict on these rows, or why it does not judge them. */
    private static Headline gate(Comparison c) {
        int failing = c.gateFailures().size();
        if (c.testbeds() != null && !c.testbeds().allowsGate()) {
            return new Headline(Tone.UNJUDGED, "Gate: not judged", "base and candidate ran on different testbeds; on "
                    + "the rows alone it would " + (c.passesGate() ? "pass" : "fail, " + failing + " row(s)"));
        }
        return c.passesGate() ? new Headline(Tone.PASS, "Gate: pass", "no significant regression")
                : new Headline(Tone.FAIL, "Gate: FAIL", failing + " row(s)");
    }

    private static Table table(Comparison c, ComparedDetection detection) {
        List<Column> columns = List.of(Column.left("flag set"), Column.left("benchmark"), Column.left("unit"),
                Column.right("forks"), Column.right("can see"), Column.right("base"), Column.right("candidate"),
                Column.right("ratio [" + Fmt.level(c.options().confidence()) + " CI]"), Column.right("change"),
                Column.right("p").onlyOnAPage(), Column.right("q"), Column.left("verdict"), Column.left("reason").onlyOnAPage(),
                Column.right("B/op"), Column.left("alloc"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Row r : c.rows()) {
            boolean strong = r.verdict() == Verdict.SLOWER || r.verdict() == Verdict.FASTER;
            rows.add(List.of(Cell.of(r.flagSet()), Cell.of(r.key().label()), Cell.of(r.unit()), Cell.of(Fmt.forks(r)),
                    Cell.of(detection.cell(r)), Cell.of(Fmt.num(r.baseMedian())), Cell.of(Fmt.num(r.candidateMedian())),
                    Cell.of(Fmt.interval(r.ratio())), Cell.of(Fmt.percent(r.change())), Cell.of(Fmt.p(r.p())),
                    Cell.of(Fmt.p(r.q())), new Cell(r.verdict().name(), r.verdict().name(), strong), Cell.of(r.reason()),
                    Cell.of(Fmt.alloc(r.allocation())),
                    new Cell(r.allocation().verdict().name(), r.allocation().verdict().name(), false)));
        }
        return new Table(columns, rows, "can see: the smallest change this comparison finds 4 times in 5 among its "
                + "tested rows, from both sides' fork spreads, at the row's forks (and at the adaptive cap).");
    }

    /** Each row tested mode by mode, with its verdict and why: "SLOWER: the fast mode moved +19% (q=0.012)". */
    private static List<Text> byModes(Comparison c) {
        return c.rows().stream().filter(Row::byModes).map(r -> row("", r.row()).plain(": " + r.verdict() + ": "
                + r.reason().substring(Comparison.BY_MODES.length()))).toList();
    }

    /** Rows on one side only. */
    private static List<Text> oneSideOnly(Comparison c) {
        List<Text> notes = new ArrayList<>();
        for (BenchmarkResult r : c.onlyInBase()) {
            notes.add(row("only in base: ", r.row()));
        }
        for (BenchmarkResult r : c.onlyInCandidate()) {
            notes.add(row("only in candidate: ", r.row()));
        }
        return notes;
    }

    /** Rows no verdict could be reached on, and why: what a page's reason column says. */
    private static List<Text> unknown(Comparison c) {
        return c.rows().stream().filter(r -> r.verdict() == Verdict.UNKNOWN)
                .map(r -> row("unknown: ", r.row()).plain(": " + r.reason())).toList();
    }

    /** A row as a note names it, after {@code before}: its flag set, then its label as code. */
    private static Text row(String before, RowKey row) {
        return Text.of(before + row.flagSet() + " ").code(row.key().label());
    }

    private static String footnote(Criteria o) {
        return String.format(Locale.ROOT, "Per-fork scores (mean of a fork's iterations); medians; two-sided "
                + "Mann-Whitney U (exact up to 50 forks), Benjamini-Hochberg q \u2264 %s; %s percentile bootstrap "
                + "(%,d resamples, seed %d) of median(candidate)/median(base); minimum effect %s; allocation tolerance "
                + "%s + %s B/op. A row whose forks land in more than one mode on a side is tested mode by mode "
                + "(van Elteren for a moved mode, Fisher-Freeman-Halton for the forks per mode), its one p in the same "
                + "correction.", o.alpha(), Fmt.level(o.confidence()), o.resamples(), o.seed(),
                Fmt.percent(o.minEffect()).substring(1), Fmt.percent(o.allocRelative()).substring(1),
                Fmt.num(o.allocAbsolute()));
    }
}
