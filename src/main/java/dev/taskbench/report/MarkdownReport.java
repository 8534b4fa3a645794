package dev.taskbench.report;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.compare.Verdict;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.util.List;
import java.util.Locale;

/** GitHub-flavoured Markdown summaries; every text from the results is escaped. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static void write(Comparison c, Appendable out) {
        TextReport.append(out, render(c));
    }

    public static void write(RunResults run, Criteria o, Appendable out) {
        TextReport.append(out, render(run, o));
    }

    public static void write(Comparison c, java.nio.file.Path file) {
        HtmlReport.save(file, render(c));
    }

    public static void write(RunResults run, Criteria o, java.nio.file.Path file) {
        HtmlReport.save(file, render(run, o));
    }

    public static String render(Comparison c) {
        Criteria o = c.options();
        StringBuilder sb = new StringBuilder();
        sb.append("## Comparison: ").append(esc(c.baseName())).append(" \u2192 ").append(esc(c.candidateName()))
                .append("\n\n");
        sb.append(TextReport.apart(c) ? "**Gate: not judged** (base and candidate ran on different testbeds; on the rows"
                + " alone it would " + (c.passesGate() ? "pass" : "fail, " + c.gateFailures().size() + " row(s)") + ")\n\n"
                : c.passesGate() ? "**Gate: pass** (no significant regression)\n\n"
                : "**Gate: FAIL** (" + c.gateFailures().size() + " row(s))\n\n");
        sb.append(String.format(Locale.ROOT, "%d rows: %d faster, %d slower, %d same, %d unknown.", c.rows().size(),
                c.count(Verdict.FASTER), c.count(Verdict.SLOWER), c.count(Verdict.SAME), c.count(Verdict.UNKNOWN)));
        c.geometricMean().ifPresent(g -> sb.append(" Geometric mean of time ratios (candidate/base, < 1 = faster): ")
                .append(esc(Fmt.interval(g))).append('.'));
        sb.append("\n\n");
        if (!c.passesGate()) {
            sb.append("### Rows that fail the gate\n\n");
            for (Row r : c.gateFailures()) {
                sb.append("- ").append(esc(r.flagSet())).append(" `").append(code(r.key().label())).append("`: ")
                        .append(esc(r.gateFailure().orElseThrow())).append('\n');
            }
            sb.append('\n');
        }
        sb.append("| flag set | benchmark | unit | forks | base | candidate | ratio [").append(Fmt.level(o.confidence()))
                .append(" CI] | change | q | verdict | B/op | alloc |\n");
        sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|---|--:|---|\n");
        for (Row r : c.rows()) {
            String verdict = r.verdict() == Verdict.SLOWER || r.verdict() == Verdict.FASTER
                    ? "**" + r.verdict() + "**" : r.verdict().name();
            cells(sb, esc(r.flagSet()), esc(r.key().label()), esc(r.unit()), Fmt.forks(r), Fmt.num(r.baseMedian()),
                    Fmt.num(r.candidateMedian()), esc(Fmt.interval(r.ratio())), Fmt.percent(r.change()), Fmt.p(r.q()),
                    verdict, esc(Fmt.alloc(r.allocation())), r.allocation().verdict().name());
        }
        sb.append('\n');
        List<String> notes = new java.util.ArrayList<>();
        for (BenchmarkResult r : c.onlyInBase()) {
            notes.add("only in base: " + esc(r.flagSet()) + " `" + code(r.key().label()) + "`");
        }
        for (BenchmarkResult r : c.onlyInCandidate()) {
            notes.add("only in candidate: " + esc(r.flagSet()) + " `" + code(r.key().label()) + "`");
        }
        for (Row r : c.rows()) {
            if (r.verdict() == Verdict.UNKNOWN) {
                notes.add("unknown: " + esc(r.flagSet()) + " `" + code(r.key().label()) + "`: " + esc(r.reason()));
            }
        }
        notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        if (!notes.isEmpty()) {
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "_Per-fork scores (mean of a fork's iterations); medians; two-sided "
                + "Mann-Whitney U, Benjamini-Hochberg q \u2264 %s; %s percentile bootstrap (%,d resamples) of "
                + "median(candidate)/median(base); minimum effect %s; allocation tolerance %s + %s B/op._%n",
                o.alpha(), Fmt.level(o.confidence()), o.resamples(), Fmt.percent(o.minEffect()).substring(1),
                Fmt.percent(o.allocRelative()).substring(1), Fmt.num(o.allocAbsolute())));
        return sb.toString();
    }

    public static String render(RunResults run, Criteria o) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Run ").append(esc(run.runId())).append("\n\n");
        sb.append("Flag sets: ").append(esc(String.join(", ", run.flagSets()))).append("\n\n");
        sb.append(FindingsReport.markdown(Findings.of(run, o), o));
        sb.append("## All rows\n\n");
        sb.append("| benchmark | flag set | unit | forks | median | ").append(Fmt.level(o.confidence()))
                .append(" CI | min fork | max fork | B/op |\n");
        sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
        for (RunSummary.Entry e : RunSummary.of(run, o)) {
            BenchmarkResult r = e.result();
            cells(sb, esc(r.key().label()), esc(r.flagSet()), esc(r.unit()), String.valueOf(r.forkScores().size()),
                    Fmt.num(e.median().estimate()), esc(Fmt.range(e.median())), Fmt.num(e.min()), Fmt.num(e.max()),
                    Fmt.num(e.alloc()));
        }
        sb.append(String.format(Locale.ROOT, "%n_Median of per-fork scores (mean of a fork's iterations), %s "
                + "percentile bootstrap interval._%n", Fmt.level(o.confidence())));
        return sb.toString();
    }

    private static void cells(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append('\n');
    }

    /** Escapes text for a Markdown table cell: HTML-significant characters, Markdown syntax, pipes, line breaks. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\n', '\r' -> b.append(' ');
                case '\\', '|', '*', '_', '`', '[', ']', '#', '~', '!' -> b.append('\\').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** Text inside a code span: no backticks (they would end it), no line breaks, no pipes (they split cells). */
    static String code(String s) {
        return s.replace('`', '\'').replace('\n', ' ').replace('\r', ' ').replace("|", "\u2223");
    }
}
