package dev.taskbench.report;

import dev.taskbench.report.Report.Align;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Chart;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Contents;
import dev.taskbench.report.Report.Folded;
import dev.taskbench.report.Report.Footnote;
import dev.taskbench.report.Report.Headline;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Links;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import java.util.List;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts, no scripts, no external
 * resources, so it opens offline. All text from the results is escaped.
 */
final class HtmlFormat implements ReportFormat {
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
            pre{font-size:12px;background:#f8f8f8;border:1px solid #eee;padding:.5em;overflow-x:auto}
            """;

    @Override
    public String render(Report r) {
        StringBuilder b = head(r.title() == null ? "" : r.title());
        blocks(b, r.blocks());
        return tail(b);
    }

    private static void blocks(StringBuilder b, List<Block> blocks) {
        blocks.forEach(x -> block(b, x));
    }

    private static void block(StringBuilder b, Block x) {
        if (x instanceof Section s) {
            b.append(s.id() == null ? "<section>\n" : "<section id=\"" + esc(s.id()) + "\">\n")
                    .append("<h2>").append(esc(s.title())).append("</h2>\n");
            blocks(b, s.blocks());
            b.append("</section>\n");
        } else if (x instanceof Headline h) {
            b.append("<p class=\"").append(h.tone().css()).append("\">").append(esc(h.lead()))
                    .append(h.detail().isEmpty() ? "" : " (" + esc(h.detail()) + ")").append("</p>\n");
        } else if (x instanceof Paragraph p) {
            b.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (x instanceof Items i) {
            items(b, i);
        } else if (x instanceof Table t) {
            table(b, t);
        } else if (x instanceof Chart c) {
            chart(b, c);
        } else if (x instanceof Folded f) {
            b.append("<details><summary>").append(esc(f.summary())).append("</summary>\n");
            blocks(b, f.blocks());
            b.append("</details>\n");
        } else if (x instanceof Contents c) {
            contents(b, c);
        } else if (x instanceof Links l) {
            links(b, l);
        } else if (x instanceof Footnote f) {
            b.append("<p><small>").append(esc(f.text())).append("</small></p>\n");
        } else if (x instanceof Report.Verbatim v) {
            b.append("<pre>").append(esc(v.text().stripTrailing())).append("</pre>\n");
        } else {
            throw new IllegalArgumentException("no HTML for " + x);
        }
    }

    private static void items(StringBuilder b, Items i) {
        if (i.items().isEmpty() || i.offPage()) {
            return;
        }
        if (i.title() != null) {
            b.append(i.id() == null ? "<h3>" : "<h3 id=\"" + esc(i.id()) + "\">").append(esc(i.title()))
                    .append("</h3>\n");
        }
        b.append("<ul>\n");
        i.items().forEach(t -> b.append("<li>").append(esc(t.plainText())).append("</li>\n"));
        b.append("</ul>\n");
    }

    /** Every column; numbers right-aligned, a tagged cell classed by its tag. */
    private static void table(StringBuilder b, Table t) {
        b.append("<table>\n<tr>");
        t.columns().forEach(c -> b.append("<th>").append(esc(c.header())).append("</th>"));
        b.append("</tr>\n");
        for (List<Cell> row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                Column col = t.columns().get(i);
                b.append(c.tag() != null ? "<td class=\"" + esc(c.tag()) + "\">"
                        : col.align() == Align.RIGHT ? "<td class=\"n\">" : "<td>").append(esc(c.text())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        if (t.caption() != null) {
            b.append("<p><small>").append(esc(t.caption())).append("</small></p>\n");
        }
    }

    private static void chart(StringBuilder b, Chart c) {
        if (c.title() != null) {
            b.append("<h3>").append(esc(c.title())).append("</h3>\n");
        }
        String caption = "<figcaption>" + esc(c.caption()) + "</figcaption>";
        String svg = c.svg().get();
        b.append("<figure>").append(c.captionAbove() ? caption + svg : svg + caption).append("</figure>\n");
    }

    private static void contents(StringBuilder b, Contents c) {
        b.append("<nav class=\"toc\">");
        for (int n = 0; n < c.to().size(); n++) {
            Items i = c.to().get(n);
            b.append(n == 0 ? "" : " \u00b7 ").append("<a href=\"#").append(esc(i.id())).append("\">")
                    .append(esc(i.title())).append("</a>");
        }
        b.append("</nav>\n");
    }

    private static void links(StringBuilder b, Links l) {
        b.append("<h2 id=\"").append(esc(l.id())).append("\">").append(esc(l.title())).append("</h2>\n<p>")
                .append(esc(l.intro())).append("</p>\n<ul>\n");
        for (Links.Line line : l.lines()) {
            b.append("<li>").append(esc(line.name())).append(":");
            line.links().forEach(k -> b.append(" <a href=\"").append(esc(k.href())).append("\">").append(esc(k.text()))
                    .append("</a>"));
            b.append("</li>\n");
        }
        b.append("</ul>\n");
    }

    /** The page up to its first heading; {@link #tail} closes it. Other pages (history, flame graphs) share it. */
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
}
