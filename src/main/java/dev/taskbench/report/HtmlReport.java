package dev.taskbench.report;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.compare.Verdict;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file per run or comparison: inline CSS, inline SVG charts, no scripts,
 * no external resources, so it opens offline. All text from the results is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#222;max-width:1200px}
            table{border-collapse:collapse;font-size:13px;margin:1em 0}
            th,td{border:1px solid #ddd;padding:3px 6px;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            th{background:#f4f4f4}
            .FASTER{color:#2e7d32;font-weight:bold}.SLOWER{color:#c62828;font-weight:bold}
            .GREW{color:#c62828;font-weight:bold}.UNKNOWN{color:#888}
            .pass{color:#2e7d32}.fail{color:#c62828}.unjudged{color:#8d6e00}
            figure{margin:1em 0}figcaption{font-size:12px;color:#555}
            #findings li{margin:.2em 0}#findings figcaption{font-size:13px;color:#333;margin-bottom:.3em}
            nav.toc{font-size:13px;margin:.5em 0 1em}summary{cursor:pointer;margin:1em 0}
            """;

    private HtmlReport() {
    }

    public static void write(Comparison c, Path file) {
        save(file, render(c));
    }

    public static void write(RunResults run, Criteria o, Path file) {
        save(file, render(run, o));
    }

    public static String render(Comparison c) {
        return render(c, "");
    }

    /** A comparison, after a first section ({@code findings}, HTML) when there is one. */
    static String render(Comparison c, String findings) {
        Criteria o = c.options();
        StringBuilder b = head("Comparison " + c.baseName() + " \u2192 " + c.candidateName());
        b.append(findings);
        b.append("<p class=\"").append(TextReport.apart(c) ? "unjudged\">Gate: not judged (base and candidate ran on"
                + " different testbeds; on the rows alone it would " + (c.passesGate() ? "pass" : "fail, "
                + c.gateFailures().size() + " row(s)") + ")"
                : c.passesGate() ? "pass\">Gate: pass (no significant regression)"
                : "fail\">Gate: FAIL (" + c.gateFailures().size() + " row(s))").append("</p>\n");
        b.append(esc(String.format(Locale.ROOT, "%d rows: %d faster, %d slower, %d same, %d unknown.", c.rows().size(),
                c.count(Verdict.FASTER), c.count(Verdict.SLOWER), c.count(Verdict.SAME), c.count(Verdict.UNKNOWN))));
        c.geometricMean().ifPresent(g -> b.append(" Geometric mean of time ratios (candidate/base, &lt; 1 = faster): ")
                .append(esc(Fmt.interval(g))).append('.'));
        if (!c.passesGate()) {
            b.append("<ul>\n");
            for (Row r : c.gateFailures()) {
                b.append("<li>").append(esc(r.flagSet() + " " + r.key().label() + ": " + r.gateFailure().orElseThrow()))
                        .append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (!c.rows().isEmpty()) {
            b.append("<figure>").append(Charts.ratios(c.rows(), o.minEffect(), "ratios")).append("<figcaption>")
                    .append(esc(String.format(Locale.ROOT, "Box: %s bootstrap interval of the time ratio "
                            + "(median candidate / median base of the per-fork scores, inverted for throughput); line: "
                            + "estimate; shaded band: the %s minimum effect. Colour: green faster, red slower, "
                            + "grey same, light grey unknown.", Fmt.level(o.confidence()),
                            Fmt.percent(o.minEffect()).substring(1))))
                    .append("</figcaption></figure>\n");
        }
        b.append("<table>\n<tr>");
        for (String h : List.of("flag set", "benchmark", "unit", "forks", "base", "candidate",
                "ratio [" + Fmt.level(o.confidence()) + " CI]", "change", "p", "q", "verdict", "reason", "B/op",
                "alloc")) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (Row r : c.rows()) {
            b.append("<tr>");
            td(b, r.flagSet(), false);
            td(b, r.key().label(), false);
            td(b, r.unit(), false);
            td(b, Fmt.forks(r), true);
            td(b, Fmt.num(r.baseMedian()), true);
            td(b, Fmt.num(r.candidateMedian()), true);
            td(b, Fmt.interval(r.ratio()), true);
            td(b, Fmt.percent(r.change()), true);
            td(b, Fmt.p(r.p()), true);
            td(b, Fmt.p(r.q()), true);
            b.append("<td class=\"").append(r.verdict()).append("\">").append(r.verdict()).append("</td>");
            td(b, r.reason(), false);
            td(b, Fmt.alloc(r.allocation()), true);
            b.append("<td class=\"").append(r.allocation().verdict()).append("\">").append(r.allocation().verdict())
                    .append("</td>");
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        List<String> notes = new ArrayList<>();
        c.onlyInBase().forEach(r -> notes.add("only in base: " + r.flagSet() + " " + r.key().label()));
        c.onlyInCandidate().forEach(r -> notes.add("only in candidate: " + r.flagSet() + " " + r.key().label()));
        if (!notes.isEmpty()) {
            b.append("<ul>\n");
            notes.forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("<p><small>").append(esc(String.format(Locale.ROOT, "Per-fork scores (mean of a fork's iterations); "
                + "two-sided Mann-Whitney U (exact up to 50 forks), Benjamini-Hochberg q \u2264 %s; %,d bootstrap "
                + "resamples, seed %d; allocation tolerance %s + %s B/op.", o.alpha(), o.resamples(), o.seed(),
                Fmt.percent(o.allocRelative()).substring(1), Fmt.num(o.allocAbsolute())))).append("</small></p>\n");
        return tail(b);
    }

    /**
     * A run: the findings first, then every row. The page is a list of sections, so another
     * section (profiles, say) goes in between without touching these.
     */
    public static String render(RunResults run, Criteria o) {
        StringBuilder b = head("Run " + run.runId());
        b.append("<p>Flag sets: ").append(esc(String.join(", ", run.flagSets()))).append("</p>\n");
        for (String section : List.of(FindingsReport.html(Findings.of(run, o), run, o), allRows(run, o))) {
            b.append(section);
        }
        return tail(b);
    }

    /** Every row: per benchmark method a chart (folded away), then the table. */
    static String allRows(RunResults run, Criteria o) {
        StringBuilder b = new StringBuilder("<section id=\"rows\">\n<h2>All rows</h2>\n");
        Map<String, List<RunSummary.Entry>> groups = new LinkedHashMap<>();
        List<RunSummary.Entry> all = RunSummary.of(run, o);
        for (RunSummary.Entry e : all) {
            BenchmarkResult r = e.result();
            String group = r.key().shortName() + " " + r.key().mode() + " t" + r.key().threads() + " (" + r.unit() + ")";
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(e);
        }
        b.append("<details><summary>One chart per benchmark method (").append(groups.size())
                .append(")</summary>\n");
        int n = 0;
        for (Map.Entry<String, List<RunSummary.Entry>> g : groups.entrySet()) {
            n++;
            b.append("<h3>").append(esc(g.getKey())).append("</h3>\n<figure>")
                    .append(Charts.scores(g.getValue().get(0).result().unit(), g.getValue(), "g" + n))
                    .append("<figcaption>").append(esc("Median of the per-fork scores; box: " + Fmt.level(o.confidence())
                            + " bootstrap interval of the median; whiskers: the fastest and the slowest fork."))
                    .append("</figcaption></figure>\n");
        }
        b.append("</details>\n<table>\n<tr>");
        for (String h : List.of("benchmark", "flag set", "unit", "forks", "median", Fmt.level(o.confidence()) + " CI",
                "min fork", "max fork", "B/op")) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (RunSummary.Entry e : all) {
            BenchmarkResult r = e.result();
            b.append("<tr>");
            td(b, r.key().label(), false);
            td(b, r.flagSet(), false);
            td(b, r.unit(), false);
            td(b, String.valueOf(r.forkScores().size()), true);
            td(b, Fmt.num(e.median().estimate()), true);
            td(b, Fmt.range(e.median()), true);
            td(b, Fmt.num(e.min()), true);
            td(b, Fmt.num(e.max()), true);
            td(b, Fmt.num(e.alloc()), true);
            b.append("</tr>\n");
        }
        b.append("</table>\n</section>\n");
        ProfileLinks.section(run.source(), b);
        return b.toString();
    }

    static StringBuilder head(String title) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc("taskbench: " + title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        return b;
    }

    static String tail(StringBuilder b) {
        return b.append("</body>\n</html>\n").toString();
    }

    private static void td(StringBuilder b, String text, boolean numeric) {
        b.append(numeric ? "<td class=\"n\">" : "<td>").append(esc(text)).append("</td>");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** Writes through a temporary sibling and a rename, so a reader never sees half a report. */
    static void save(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
