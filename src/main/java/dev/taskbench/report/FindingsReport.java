package dev.taskbench.report;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The findings section every report leads with: the answers grouped as declared, each a sentence
 * whose figures are a ratio of fork medians with its bootstrap interval; in HTML one chart per
 * group, and for a "fastest of" question one chart of the field per input.
 */
public final class FindingsReport {
    private FindingsReport() {
    }

    static Map<String, List<Answer>> groups(List<Answer> answers) {
        Map<String, List<Answer>> g = new LinkedHashMap<>();
        answers.forEach(a -> g.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a));
        return g;
    }

    /** What a line of the section says: the label (flag set, input) when there is one, then the sentence. */
    static String line(Answer a) {
        String label = a.label().isEmpty() || a.sentence().contains(a.label().replaceFirst("^input=", "") + " ")
                ? "" : "[" + a.label() + "] ";
        String forks = a.ofForks() < 2 || a.toForks() < 2 ? " (one fork on a side: no interval)" : "";
        return label + a.sentence() + forks;
    }

    static String footnote(Criteria o) {
        return String.format(Locale.ROOT, "Each figure: the ratio of the two rows' medians of per-fork scores "
                + "(time per row), with its %s percentile bootstrap interval (%,d resamples) in brackets; "
                + "a share of pgbench: the row's rows/s over the median of the pgbench samples taken around its forks.",
                Fmt.level(o.confidence()), o.resamples());
    }

    /** For the terminal: the findings, grouped. */
    public static String text(List<Answer> answers, Criteria o) {
        StringBuilder sb = new StringBuilder();
        if (answers.isEmpty()) {
            return "Findings: none of the declared questions has its rows in this run.\n";
        }
        sb.append("Findings (").append(Fmt.level(o.confidence())).append(" bootstrap intervals in brackets)\n");
        groups(answers).forEach((group, list) -> {
            sb.append('\n').append(group).append('\n');
            list.forEach(a -> sb.append("  ").append(line(a)).append('\n'));
        });
        return sb.toString();
    }

    static String markdown(List<Answer> answers, Criteria o) {
        StringBuilder sb = new StringBuilder("## Findings\n\n");
        if (answers.isEmpty()) {
            return sb.append("None of the declared questions has its rows in this run.\n\n").toString();
        }
        groups(answers).forEach((group, list) -> {
            sb.append("### ").append(MarkdownReport.esc(group)).append("\n\n");
            list.forEach(a -> sb.append("- ").append(MarkdownReport.esc(line(a))).append('\n'));
            sb.append('\n');
        });
        sb.append('_').append(MarkdownReport.esc(footnote(o))).append("_\n\n");
        return sb.toString();
    }

    static String html(List<Answer> answers, RunResults run, Criteria o) {
        StringBuilder b = new StringBuilder("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (answers.isEmpty()) {
            return b.append("<p>None of the declared questions has its rows in this run.</p>\n</section>\n").toString();
        }
        b.append("<nav class=\"toc\">");
        int n = 0;
        for (String group : groups(answers).keySet()) {
            b.append(n++ == 0 ? "" : " \u00b7 ").append("<a href=\"#findings-").append(n).append("\">")
                    .append(HtmlReport.esc(group)).append("</a>");
        }
        b.append("</nav>\n");
        n = 0;
        for (Map.Entry<String, List<Answer>> g : groups(answers).entrySet()) {
            n++;
            b.append("<h3 id=\"findings-").append(n).append("\">").append(HtmlReport.esc(g.getKey())).append("</h3>\n<ul>\n");
            for (Answer a : g.getValue()) {
                b.append("<li>").append(HtmlReport.esc(line(a))).append("</li>\n");
            }
            b.append("</ul>\n<figure><figcaption>").append(HtmlReport.esc(caption(g.getValue())))
                    .append("</figcaption>").append(Charts.findings(g.getValue(), "f" + n)).append("</figure>\n");
            int i = 0;
            for (Answer a : g.getValue()) {
                if (!a.field().isEmpty()) {
                    b.append(field(a, g.getValue(), run, o, "f" + n + "x" + (++i)));
                }
            }
        }
        b.append("<p><small>").append(HtmlReport.esc(footnote(o))).append("</small></p>\n</section>\n");
        return b.toString();
    }

    /** A comparison's findings for the terminal: the candidate's sentence, then the base's figure. */
    public static String text(List<Findings.Pair> pairs) {
        if (pairs.isEmpty()) {
            return "Findings: none of the declared questions has its rows in the candidate.\n";
        }
        StringBuilder sb = new StringBuilder("Findings, candidate (base's figure after it)\n");
        groupsOf(pairs).forEach((group, list) -> {
            sb.append('\n').append(group).append('\n');
            list.forEach(p -> sb.append("  ").append(line(p.candidate())).append(baseFigure(p)).append('\n'));
        });
        return sb.toString();
    }

    static String markdown(List<Findings.Pair> pairs) {
        StringBuilder sb = new StringBuilder("## Findings: candidate, with the base's figure\n\n");
        groupsOf(pairs).forEach((group, list) -> {
            sb.append("### ").append(MarkdownReport.esc(group)).append("\n\n");
            list.forEach(p -> sb.append("- ").append(MarkdownReport.esc(line(p.candidate()) + baseFigure(p)))
                    .append('\n'));
            sb.append('\n');
        });
        return pairs.isEmpty() ? "" : sb.toString();
    }

    static String html(List<Findings.Pair> pairs) {
        if (pairs.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section id=\"findings\">\n<h2>Findings: candidate, with the base's "
                + "figure</h2>\n");
        groupsOf(pairs).forEach((group, list) -> {
            b.append("<h3>").append(HtmlReport.esc(group)).append("</h3>\n<ul>\n");
            list.forEach(p -> b.append("<li>").append(HtmlReport.esc(line(p.candidate()) + baseFigure(p)))
                    .append("</li>\n"));
            b.append("</ul>\n");
        });
        return b.append("</section>\n").toString();
    }

    private static Map<String, List<Findings.Pair>> groupsOf(List<Findings.Pair> pairs) {
        Map<String, List<Findings.Pair>> g = new LinkedHashMap<>();
        pairs.forEach(p -> g.computeIfAbsent(p.candidate().group(), k -> new ArrayList<>()).add(p));
        return g;
    }

    private static String baseFigure(Findings.Pair p) {
        return p.base().map(b -> "  (base: " + (b.kind() == Answer.Kind.CEILING ? Fmt.percentOf(b.ratio())
                : Fmt.interval(b.ratio()) + "\u00d7") + ")").orElse("  (base: not measured)");
    }

    /** What the chart shows, and only the colours it uses. */
    private static String caption(List<Answer> answers) {
        String reference = "a distance to a reference or a share of a whole, neither good nor bad news";
        if (answers.stream().allMatch(a -> a.kind() == Answer.Kind.CEILING)) {
            return "Each single-row write's rows/s as a share of pgbench's, the line at 100%; dot: estimate, box: 95% interval. "
                    + "Blue: a share of the ceiling, neither good nor bad news.";
        }
        String lines = "Each line: the first row's time per row over the second's (left of the 1\u00d7 line: the first is "
                + "faster); dot: estimate, box: 95% interval. ";
        if (answers.stream().allMatch(Answer::reference)) {
            return lines + "Blue: " + reference + ".";
        }
        return lines + "Green: good news beyond doubt, red: bad news, grey: the interval holds 1"
                + (answers.stream().anyMatch(Answer::reference) ? "; blue: " + reference + "." : ".");
    }

    /** The field a "fastest of" answer was chosen from, on its input, with the floor if the group names one. */
    private static String field(Answer a, List<Answer> group, RunResults run, Criteria o, String id) {
        String param = a.field().get(0).key().params().keySet().stream()
                .filter(p -> a.field().stream().map(r -> r.key().params().get(p)).distinct().count() > 1)
                .findFirst().orElse("");
        List<RunSummary.Entry> entries = RunSummary.of(new RunResults(run.source(), run.runId(), Map.of(),
                a.field()), o);
        Optional<RunSummary.Entry> floor = group.stream()
                .filter(x -> x.of().equals(a.of()) && x.field().isEmpty() && x.to().isPresent()
                        && !a.field().contains(x.to().get()))
                .map(x -> x.to().get()).findFirst()
                .map(r -> RunSummary.of(new RunResults(run.source(), run.runId(), Map.of(), List.of(r)), o).get(0));
        java.util.Map<String, String> on = new java.util.TreeMap<>(a.of().key().params());
        on.remove(param);
        String title = (on.isEmpty() ? "" : on.toString().replaceAll("[{}]", "") + ": ") + "every " + param
                + ", fastest first";
        return "<figure><figcaption>" + HtmlReport.esc(title + "; highlighted: " + a.of().key().params().get(param)
                + floor.map(f -> "; dashed line: the floor, " + f.result().key().params().get(param)).orElse(""))
                + "</figcaption>" + Charts.field(entries, a.of(), param, floor, id) + "</figure>\n";
    }
}
