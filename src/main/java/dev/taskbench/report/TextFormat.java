package dev.taskbench.report;

import dev.taskbench.report.Report.Align;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Folded;
import dev.taskbench.report.Report.Headline;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A report on a terminal: titles with their legend, tables drawn with {@code |}, a blank line
 * between blocks, and the lead (the findings) last, where the screen ends. No charts, links
 * or footnotes.
 */
final class TextFormat implements ReportFormat {
    @Override
    public String render(Report r) {
        return titled(r.title(), r.legend(), r.blocks());
    }

    private String titled(String title, String legend, List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        if (title != null) {
            parts.add(title + (legend == null ? "" : " (" + legend + ")") + "\n");
        }
        List<Block> leadLast = new ArrayList<>(blocks.stream().filter(b -> !lead(b)).toList());
        leadLast.addAll(blocks.stream().filter(TextFormat::lead).toList());
        parts.add(blocks(leadLast));
        return String.join("\n", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    private static boolean lead(Block b) {
        return b instanceof Section s && s.lead();
    }

    private String blocks(List<Block> blocks) {
        return String.join("\n", blocks.stream().map(this::block).filter(s -> !s.isEmpty()).toList());
    }

    private String block(Block b) {
        if (b instanceof Section s) {
            return titled(s.title(), s.legend(), s.blocks());
        } else if (b instanceof Headline h) {
            return h.lead() + (h.detail().isEmpty() ? "" : " (" + h.detail() + ")") + "\n";
        } else if (b instanceof Paragraph p) {
            return p.text() + "\n";
        } else if (b instanceof Items i) {
            return items(i);
        } else if (b instanceof Table t) {
            return table(t) + (t.caption() == null ? "" : t.caption() + "\n");
        } else if (b instanceof Folded f) {
            return blocks(f.blocks());
        } else if (b instanceof Report.Verbatim v) {
            return v.text().endsWith("\n") ? v.text() : v.text() + "\n";
        }
        return ""; // charts, contents, links and footnotes are for pages
    }

    /** A titled list indents its items under the title; an untitled one is a line per item. */
    private static String items(Items i) {
        StringBuilder b = new StringBuilder();
        if (i.title() != null && !i.items().isEmpty()) {
            b.append(i.title()).append('\n');
        }
        for (Text t : i.items()) {
            b.append(i.title() == null ? "" : "  ").append(t.plainText()).append('\n');
        }
        return b.toString();
    }

    /** Columns padded to their widest cell, numbers to the right, a rule under the header. */
    static String table(Table t) {
        List<Column> columns = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            if (!t.columns().get(i).pageOnly()) {
                columns.add(t.columns().get(i));
                shown.add(i);
            }
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).toList());
        for (List<Cell> row : t.rows()) {
            lines.add(shown.stream().map(i -> row.get(i).text()).toList());
        }
        int[] width = new int[columns.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String s = lines.get(n).get(i);
                String pad = " ".repeat(width[i] - s.length());
                boolean right = n > 0 && columns.get(i).align() == Align.RIGHT;
                line.append(i == 0 ? "" : " | ").append(right ? pad + s : s + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    b.append(i == 0 ? "" : "-|-").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
