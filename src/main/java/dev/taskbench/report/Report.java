package dev.taskbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a report says, whatever the format: a title, a legend, and blocks in reading order.
 * {@link RunReport}, {@link ComparisonReport} and {@link Pivot} build one; a {@link ReportFormat}
 * writes it. Every text here is plain: each format escapes it for its own syntax.
 *
 * @param title the page's title; {@code null} for none (the pivot)
 * @param legend how to read the figures in a few words, for a terminal's title line (the pages
 *               carry the whole method in a footnote instead); {@code null} for none
 */
public record Report(String title, String legend, List<Block> blocks) {
    public Report {
        blocks = List.copyOf(blocks);
    }

    /** One part of a report. */
    public sealed interface Block permits Section, Headline, Paragraph, Items, Table, Chart, Folded, Contents,
            Links, Footnote, Verbatim {
    }

    /**
     * A titled part of the report. The lead (the findings) is what a reader wants first: a page
     * puts it where it stands, a terminal prints it last, where the screen ends.
     */
    public record Section(String id, String title, String legend, boolean lead, List<Block> blocks) implements Block {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** How a headline reads: the gate passed, failed, or could not judge. */
    public enum Tone {
        PASS, FAIL, UNJUDGED;

        /** Its name in lower case: the HTML class. */
        String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The one sentence that leads: {@code lead (detail)}, the lead stressed. */
    public record Headline(Tone tone, String lead, String detail) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /**
     * A list, with a title when it is one of several (a findings group); {@code id} lets a page
     * link to it.
     *
     * @param offPage a list a page leaves out: it repeats what the page's own columns show (the
     *                reason of each UNKNOWN row)
     */
    public record Items(String id, String title, List<Text> items, boolean offPage) implements Block {
        public Items {
            items = List.copyOf(items);
        }

        public Items(String id, String title, List<Text> items) {
            this(id, title, items, false);
        }
    }

    /** Text whose parts are plain or code (a benchmark's label in Markdown). */
    public record Text(List<Part> parts) {
        public record Part(String text, boolean code) {
        }

        public Text {
            parts = List.copyOf(parts);
        }

        public static Text of(String plain) {
            return new Text(List.of(new Part(plain, false)));
        }

        public Text plain(String s) {
            return with(new Part(s, false));
        }

        public Text code(String s) {
            return with(new Part(s, true));
        }

        private Text with(Part p) {
            List<Part> all = new ArrayList<>(parts);
            all.add(p);
            return new Text(all);
        }

        /** Every part as it reads, without markup. */
        public String plainText() {
            StringBuilder b = new StringBuilder();
            parts.forEach(p -> b.append(p.text()));
            return b.toString();
        }
    }

    /** Rows of cells under a header, and what the cells are ({@code caption}, {@code null} for nothing). */
    public record Table(List<Column> columns, List<List<Cell>> rows, String caption) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public enum Align {
        LEFT, RIGHT
    }

    /**
     * @param pageOnly a column only a page, without a line width, shows (the raw p, the reason in
     *                 words); the terminal and Markdown leave it out
     */
    public record Column(String header, Align align, boolean pageOnly) {
        public static Column left(String header) {
            return new Column(header, Align.LEFT, false);
        }

        public static Column right(String header) {
            return new Column(header, Align.RIGHT, false);
        }

        /** The same column, shown only on a page. */
        public Column onlyOnAPage() {
            return new Column(header, align, true);
        }
    }

    /**
     * @param tag what the cell says in one word ({@code SLOWER}, {@code GREW}): a page colours it
     * @param strong stressed, where a format can
     */
    public record Cell(String text, String tag, boolean strong) {
        public static Cell of(String text) {
            return new Cell(text, null, false);
        }
    }

    /**
     * An SVG chart, drawn only by a format that shows pictures, and only then ({@code svg} is
     * called once per rendering); a {@code title} heads it.
     */
    public record Chart(String title, Supplier<String> svg, String caption, boolean captionAbove) implements Block {
    }

    /** Blocks a page folds away behind {@code summary}; elsewhere they stand as they are. */
    public record Folded(String summary, List<Block> blocks) implements Block {
        public Folded {
            blocks = List.copyOf(blocks);
        }
    }

    /** Links to the titled lists of a section, for a page to jump to. */
    public record Contents(List<Items> to) implements Block {
        public Contents {
            to = List.copyOf(to);
        }
    }

    /**
     * Files beside a page (flame graphs), one line of links per row: only a page can follow
     * them, so only a page shows them.
     */
    public record Links(String id, String title, String intro, List<Line> lines) implements Block {
        public record Line(String name, List<Link> links) {
        }

        public record Link(String href, String text) {
        }

        public Links {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Lines laid out by their own spaces (a console table another command prints), kept as they are:
     * a terminal prints them, Markdown fences them, a page sets them in a monospaced block.
     */
    public record Verbatim(String text) implements Block {
    }

    /** How the figures were made, in full: a page's small print. */
    public record Footnote(String text) implements Block {
    }
}
