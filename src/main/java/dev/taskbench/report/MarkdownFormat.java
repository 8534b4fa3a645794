package dev.taskbench.report;

import dev.taskbench.report.Report.Align;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Folded;
import dev.taskbench.report.Report.Footnote;
import dev.taskbench.report.Report.Headline;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub-flavoured Markdown (a job summary reads it as it is): a blank line between blocks,
 * every text from the results escaped. No charts or links to files beside it.
 */
final class MarkdownFormat implements ReportFormat {
    @Override
    public String render(Report r) {
        List<String> parts = new ArrayList<>();
        if (r.title() != null) {
            parts.add("## " + esc(r.title()) + "\n");
        }
        parts.add(blocks(r.blocks()));
        return join(parts);
    }

    private String blocks(List<Block> blocks) {
        return join(blocks.stream().map(this::block).toList());
    }

    private static String join(List<String> parts) {
        return String.join("\n", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    private String block(Block b) {
        if (b instanceof Section s) {
            return join(List.of("## " + esc(s.title()) + "\n", blocks(s.blocks())));
        } else if (b instanceof Headline h) {
            return "**" + esc(h.lead()) + "**" + (h.detail().isEmpty() ? "" : " (" + esc(h.detail()) + ")") + "\n";
        } else if (b instanceof Paragraph p) {
            return esc(p.text()) + "\n";
        } else if (b instanceof Items i) {
            return items(i);
        } else if (b instanceof Table t) {
            return table(t) + (t.caption() == null ? "" : "\n_" + esc(t.caption()) + "_\n");
        } else if (b instanceof Folded f) {
            return blocks(f.blocks());
        } else if (b instanceof Footnote f) {
            return "_" + esc(f.text()) + "_\n";
        } else if (b instanceof Report.Verbatim v) {
            // a fence ends at a line of three backticks: none can stand in the text
            return "```text\n" + v.text().replace("```", "'''").stripTrailing() + "\n```\n";
        }
        return ""; // charts, contents and links are for pages
    }

    private static String items(Items i) {
        if (i.items().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (i.title() != null) {
            b.append("### ").append(esc(i.title())).append("\n\n");
        }
        for (Text t : i.items()) {
            b.append("- ");
            t.parts().forEach(p -> b.append(p.code() ? "`" + code(p.text()) + "`" : esc(p.text())));
            b.append('\n');
        }
        return b.toString();
    }

    /** A header row, an alignment row, a row per row; no page-only columns. */
    private static String table(Table t) {
        StringBuilder b = new StringBuilder("|");
        StringBuilder align = new StringBuilder("|");
        for (Report.Column c : t.columns()) {
            if (!c.pageOnly()) {
                b.append(' ').append(esc(c.header())).append(" |");
                align.append(c.align() == Align.RIGHT ? "--:|" : "---|");
            }
        }
        b.append('\n').append(align).append('\n');
        for (List<Cell> row : t.rows()) {
            b.append('|');
            for (int i = 0; i < row.size(); i++) {
                if (!t.columns().get(i).pageOnly()) {
                    Cell c = row.get(i);
                    b.append(' ').append(c.strong() ? "**" + esc(c.text()) + "**" : esc(c.text())).append(" |");
                }
            }
            b.append('\n');
        }
        return b.toString();
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
