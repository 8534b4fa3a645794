package dev.taskbench.report;

import dev.taskbench.compare.DiffFolded;
import java.util.List;
import java.util.Locale;

/**
 * Brendan Gregg's differential flame graph as one self-contained HTML page (inline SVG, no
 * script, nothing loaded from outside): frame width is the candidate's samples, red where a
 * frame grew against the base (scaled to the candidate's total), blue where it shrank, deeper
 * for a larger change relative to the largest; each frame's tooltip says before, after and
 * delta, and two tables list the frames whose self samples grew and shrank most.
 */
public final class DiffFlameGraph {
    static final double WIDTH = 1200;
    private static final double PAD = 10;
    private static final int ROW = 16;
    private static final double CHAR = 6.6;
    private static final double MIN_WIDTH = 0.1;
    private static final int TOP = 10;

    /** What a page shows: one row of the comparison, the two runs and the event sampled. */
    public record Title(String row, String base, String candidate, String event) {
        String text() {
            return "Differential " + event + " flame graph: " + row + ", " + base + " \u2192 " + candidate;
        }
    }

    /** Where the frames go: pixels per sample, the colour scale, the bottom of the root frame. */
    private record Scale(double perSample, double maxDelta, double bottom) {
        double y(int level) {
            return bottom - (level + 1) * ROW;
        }
    }

    private DiffFlameGraph() {
    }

    public static String render(Title t, List<DiffFolded.Line> lines) {
        FrameTree root = FrameTree.of(lines);
        StringBuilder b = HtmlFormat.head(t.text());
        b.append("<p>").append(HtmlFormat.esc(legend(t, root))).append("</p>\n");
        svg(b, root);
        List<DiffFolded.Frame> frames = DiffFolded.byFrame(lines);
        table(b, "Self samples that grew most", frames.stream().filter(f -> f.delta() > 0).limit(TOP).toList());
        table(b, "Self samples that shrank most", frames.stream().filter(f -> f.delta() < 0).limit(TOP).toList());
        return HtmlFormat.tail(b);
    }

    private static String legend(Title t, FrameTree root) {
        return "Base " + t.base() + " against candidate " + t.candidate() + ". Width: the candidate's " + t.event()
                + " samples (" + root.after() + " in all); the base's samples are scaled to the same total. Red grew, "
                + "blue shrank, deeper for a larger change (the largest: " + Fmt.num(root.maxDelta()) + " samples). "
                + "A frame gone from the candidate has no width: see what shrank below. Hover a frame for its figures.";
    }

    private static void svg(StringBuilder b, FrameTree root) {
        double height = root.depth() * ROW + 2 * PAD;
        b.append("<svg viewBox=\"0 0 ").append(fmt(WIDTH)).append(' ').append(fmt(height))
                .append("\" width=\"100%\" font-family=\"monospace\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#eeeeee\"/>\n");
        if (root.after() > 0) {
            frame(b, root, PAD, 0, new Scale((WIDTH - 2 * PAD) / root.after(), root.maxDelta(), height - PAD));
        }
        b.append("</svg>\n");
    }

    /** One frame, then its children left to right from its left edge. */
    private static void frame(StringBuilder b, FrameTree f, double x, int level, Scale s) {
        double w = f.after() * s.perSample();
        if (w < MIN_WIDTH) {
            return;
        }
        b.append("<g><title>").append(HtmlFormat.esc(tooltip(f))).append("</title><rect x=\"").append(fmt(x))
                .append("\" y=\"").append(fmt(s.y(level))).append("\" width=\"").append(fmt(w)).append("\" height=\"")
                .append(ROW - 1).append("\" fill=\"").append(color(f.delta(), s.maxDelta())).append("\"/>");
        label(b, f.name, x, s.y(level), w);
        b.append("</g>\n");
        double cx = x;
        for (FrameTree c : f.children()) {
            frame(b, c, cx, level + 1, s);
            cx += c.after() * s.perSample();
        }
    }

    /** The name, cut to the frame's width; none on a frame too narrow for three characters. */
    private static void label(StringBuilder b, String name, double x, double y, double w) {
        int fits = (int) ((w - 6) / CHAR);
        if (fits < 3) {
            return;
        }
        String text = name.length() <= fits ? name : name.substring(0, fits - 2) + "..";
        b.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(fmt(y + ROW - 4)).append("\">")
                .append(HtmlFormat.esc(text)).append("</text>");
    }

    private static String tooltip(FrameTree f) {
        return f.name + ": before " + Fmt.num(f.before()) + ", after " + f.after() + ", delta " + change(f.delta(),
                f.before());
    }

    /** {@code +12.0 (+40.0%)}; {@code new} for a frame the base never sampled. */
    static String change(double delta, double before) {
        String pct = before > 0 ? Fmt.percent(delta / before) : "new";
        return (delta > 0 ? "+" : "") + Fmt.num(delta) + " (" + pct + ")";
    }

    /**
     * flamegraph.pl's differential scale: red for growth, blue for shrinkage, from pale to full at
     * the largest change; white for a change under half a sample.
     */
    static String color(double delta, double max) {
        if (Math.round(delta) == 0 || max <= 0) {
            return "rgb(255,255,255)";
        }
        int fade = (int) (210 * (max - Math.min(max, Math.abs(delta))) / max);
        return delta > 0 ? "rgb(255," + fade + "," + fade + ")" : "rgb(" + fade + "," + fade + ",255)";
    }

    private static void table(StringBuilder b, String title, List<DiffFolded.Frame> frames) {
        b.append("<h2>").append(HtmlFormat.esc(title)).append("</h2>\n");
        if (frames.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>frame (self samples)</th><th>before</th><th>after</th><th>delta</th></tr>\n");
        for (DiffFolded.Frame f : frames) {
            b.append("<tr><td>").append(HtmlFormat.esc(f.frame())).append("</td><td class=\"n\">")
                    .append(Fmt.num(f.before())).append("</td><td class=\"n\">").append(f.after())
                    .append("</td><td class=\"n\">").append(HtmlFormat.esc(change(f.delta(), f.before())))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
