package dev.taskbench.report;

import dev.taskbench.compare.Interval;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.compare.Verdict;
import dev.taskbench.findings.Answer;
import dev.taskbench.results.BenchmarkResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * SVG charts (JFreeChart drawn onto JFreeSVG). Both kinds use JFreeChart's box-and-whisker
 * renderer for intervals: the box is the confidence interval, the line in it the estimate, and
 * for run charts the whiskers reach the slowest and the fastest fork.
 */
final class Charts {
    static final int WIDTH = 900;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Map<Verdict, Color> COLORS = Map.of(Verdict.FASTER, new Color(0x2e7d32), Verdict.SLOWER,
            new Color(0xc62828), Verdict.SAME, new Color(0x78909c), Verdict.UNKNOWN, new Color(0xcfd8dc));
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Candidate/base time ratio per row (above 1 = slower), coloured by verdict; the band is the minimum effect. */
    static String ratios(List<Row> rows, double minEffect, String id) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        double lo = 1 - minEffect;
        double hi = 1 + minEffect;
        for (Row r : rows) {
            Interval t = r.timeRatio().orElse(r.ratio());
            data.add(new BoxAndWhiskerItem(t.estimate(), t.estimate(), t.low(), t.high(), t.low(), t.high(), null, null,
                    List.of()), "time ratio", label(r));
            lo = Math.min(lo, t.low());
            hi = Math.max(hi, t.high());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return COLORS.get(rows.get(column).verdict());
            }
        };
        ValueAxis axis = valueAxis("time ratio candidate/base (< 1 faster, > 1 slower)", lo, hi);
        CategoryPlot plot = plot(data, renderer, axis);
        plot.addRangeMarker(new IntervalMarker(1 - minEffect, 1 + minEffect, new Color(0, 0, 0, 18)));
        plot.addRangeMarker(new ValueMarker(1, Color.DARK_GRAY, new BasicStroke(1f)));
        return svg(new JFreeChart(null, FONT, plot, false), rows.size(), 1, id);
    }

    /** Good news, bad news, and an interval that holds 1 (cannot tell). */
    static final Color GOOD = new Color(0x2e7d32);
    static final Color BAD = new Color(0xc62828);
    static final Color UNDECIDED = new Color(0x78909c);
    /** A distance to a reference or a share of a whole: not news either way. */
    static final Color REFERENCE = new Color(0x1565c0);
    private static final Color HIGHLIGHT = new Color(0xff7f0e);
    private static final Color OTHERS = new Color(0x90a4ae);

    /**
     * One group's answers, one bar each: the estimate, the box its bootstrap interval, coloured by
     * whether the interval lies on the good side of 1; a line at 1 (at 100% for the pgbench ceiling).
     */
    static String findings(List<Answer> answers, String id) {
        boolean ceiling = answers.stream().allMatch(a -> a.kind() == Answer.Kind.CEILING);
        double scale = ceiling ? 100 : 1;
        List<Answer> ordered = ceiling ? answers.stream()
                .sorted(java.util.Comparator.comparingDouble((Answer a) -> -a.ratio().estimate())).toList() : answers;
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        double lo = scale;
        double hi = scale;
        for (Answer a : ordered) {
            Interval r = a.ratio();
            data.add(new BoxAndWhiskerItem(r.estimate() * scale, r.estimate() * scale, r.low() * scale,
                    r.high() * scale, r.low() * scale, r.high() * scale, null, null, List.of()), "answer",
                    (undecided(a) ? "undecided: " : "") + category(a, answers));
            lo = Math.min(lo, r.low() * scale);
            hi = Math.max(hi, r.high() * scale);
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return colour(ordered.get(column));
            }
        };
        ValueAxis axis = valueAxis(ceiling ? "% of pgbench's rows/s on the same INSERT and clients"
                : "time ratio (\u00d7): the first row's time per row over the second's", lo, hi);
        CategoryPlot plot = plot(data, renderer, axis);
        renderer.setMeanVisible(true); // a dot at the estimate: visible even when the interval is one value
        ValueMarker one = new ValueMarker(scale, Color.DARK_GRAY, new BasicStroke(1.2f));
        one.setLabel(ceiling ? "pgbench" : "1\u00d7");
        one.setLabelFont(FONT);
        one.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        one.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addRangeMarker(one);
        return svg(new JFreeChart(null, FONT, plot, false), ordered.size(), 1, id);
    }

    /**
     * An answer's bar: the reference colour for a distance to a reference or a share of a whole,
     * whichever side of 1 it lies on; else green or red when its interval lies on the good or the
     * bad side of 1, grey when it holds 1 or is undecided ({@link dev.taskbench.findings.Standing}).
     */
    static Color colour(Answer a) {
        if (undecided(a)) {
            return UNDECIDED;
        }
        return a.reference() ? REFERENCE : a.good().map(g -> g ? GOOD : BAD).orElse(UNDECIDED);
    }

    /** An answer whose interval does not answer its question reads as undecided, whatever side of 1 it lies. */
    private static boolean undecided(Answer a) {
        return dev.taskbench.findings.Standing.decision(a).undecided();
    }

    /**
     * An answer in a few words, only what tells its two rows apart: {@code input=seed: taskbench /
     * tomcatParameters}, {@code oneUser: driverManager / hikari}, {@code interpreter / c2: opaque}.
     */
    static String category(Answer a, List<Answer> group) {
        BenchmarkResult of = a.of();
        if (a.to().isEmpty()) {
            return method(of) + " " + values(of.key().params(), java.util.Map.of()) + " ("
                    + of.key().threads() + (of.key().threads() == 1 ? " client)" : " clients)");
        }
        BenchmarkResult to = a.to().get();
        List<String> prefix = new java.util.ArrayList<>();
        if (!a.label().isEmpty()) {
            prefix.add(a.label());
        }
        String text;
        if (!of.flagSet().equals(to.flagSet())) {
            text = of.flagSet() + " / " + to.flagSet();
            prefix.add(method(of));
        } else {
            boolean sameMethod = of.key().benchmark().equals(to.key().benchmark());
            if (sameMethod && group.stream().map(x -> x.of().key().benchmark()).distinct().count() > 1) {
                prefix.add(method(of));
            }
            text = ((sameMethod ? "" : method(of) + " ") + values(of.key().params(), to.key().params())).trim()
                    + " / " + ((sameMethod ? "" : method(to) + " ") + values(to.key().params(), of.key().params())).trim();
        }
        return prefix.isEmpty() ? text : String.join(", ", prefix).trim() + ": " + text;
    }

    private static String method(BenchmarkResult r) {
        return r.key().benchmark().substring(r.key().benchmark().lastIndexOf('.') + 1);
    }

    /** The values of {@code params} that {@code other} does not share; a bare number or boolean with its name. */
    private static String values(java.util.Map<String, String> params, java.util.Map<String, String> other) {
        List<String> out = new java.util.ArrayList<>();
        params.forEach((k, v) -> {
            if (!v.equals(other.get(k))) {
                out.add(v.matches("true|false|[0-9.]+") ? k + "=" + v : v);
            }
        });
        return String.join(" ", out);
    }

    /**
     * The rows an answer's "fastest of" was chosen from, sorted fastest first: median, the box its
     * bootstrap interval, whiskers the fastest and slowest fork; the asked row highlighted, the floor
     * (when given) a line.
     */
    static String field(List<RunSummary.Entry> entries, BenchmarkResult highlighted, String param,
            java.util.Optional<RunSummary.Entry> floor, String id) {
        List<RunSummary.Entry> sorted = entries.stream()
                .sorted(java.util.Comparator.comparingDouble(e -> e.median().estimate())).toList();
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RunSummary.Entry e : sorted) {
            Interval m = e.median();
            data.add(new BoxAndWhiskerItem(m.estimate(), m.estimate(), m.low(), m.high(), e.min(), e.max(), null, null,
                    List.of()), "median", e.result().key().params().get(param));
            lo = Math.min(lo, e.min());
            hi = Math.max(hi, e.max());
        }
        if (floor.isPresent()) {
            lo = Math.min(lo, floor.get().median().estimate());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return sorted.get(column).result().equals(highlighted) ? HIGHLIGHT : OTHERS;
            }
        };
        CategoryPlot plot = plot(data, renderer, valueAxis(sorted.get(0).result().unit()
                + " (dot: median of forks; box: 95% interval; whiskers: fastest and slowest fork)", lo, hi));
        renderer.setMeanVisible(true);
        floor.ifPresent(f -> {
            ValueMarker line = new ValueMarker(f.median().estimate(), REFERENCE, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            line.setLabel("floor: " + f.result().key().params().get(param));
            line.setLabelFont(FONT);
            line.setLabelPaint(REFERENCE);
            line.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(line);
        });
        return svg(new JFreeChart(null, FONT, plot, false), 70 + sorted.size() * 26, id);
    }

    /** One benchmark group of a run: per param combination (category) and flag set (series), median and CI. */
    static String scores(String axisLabel, List<RunSummary.Entry> entries, String id) {
        return boxes(axisLabel, entries.stream().map(e -> new Box(e.result().key().params().isEmpty() ? "(no params)"
                : e.result().key().paramString(), e.result().flagSet(), e.median().estimate(), e.median().low(),
                e.median().high(), e.min(), e.max())).toList(), id);
    }

    /** Figures with their spread over rounds: per category (in order) and series, the median, lowest and highest. */
    static String spans(String axisLabel, List<SpanChart.Span> spans, String id) {
        return boxes(axisLabel, spans.stream().map(s -> new Box(s.category(), s.series(), s.median(), s.low(), s.high(),
                s.low(), s.high())).toList(), id);
    }

    /** One box of a box-and-whisker chart: its median, box and whiskers, in a category and a series. */
    private record Box(String category, String series, double median, double low, double high, double min, double max) {
    }

    /** Horizontal boxes, one row per category (in order), a colour per series, the axis from the whiskers' range. */
    private static String boxes(String axisLabel, List<Box> boxes, String id) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        java.util.Set<String> categories = new java.util.LinkedHashSet<>();
        java.util.Set<String> series = new java.util.LinkedHashSet<>();
        for (Box b : boxes) {
            categories.add(b.category());
            series.add(b.series());
            data.add(new BoxAndWhiskerItem(b.median(), b.median(), b.low(), b.high(), b.min(), b.max(), null, null,
                    List.of()), b.series(), b.category());
            lo = Math.min(lo, b.min());
            hi = Math.max(hi, b.max());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
        }
        CategoryPlot plot = plot(data, renderer, valueAxis(axisLabel, lo, hi));
        return svg(new JFreeChart(null, FONT, plot, series.size() > 1), categories.size(), series.size(), id);
    }

    private static CategoryPlot plot(DefaultBoxAndWhiskerCategoryDataset data, BoxAndWhiskerRenderer renderer,
            ValueAxis axis) {
        renderer.setMeanVisible(false);
        renderer.setFillBox(true);
        renderer.setMaximumBarWidth(0.5);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(FONT);
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        categories.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(data, categories, axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        return plot;
    }

    /** Linear axis, or logarithmic when the values span more than a factor of ten. */
    private static ValueAxis valueAxis(String label, double lo, double hi) {
        ValueAxis axis;
        if (lo > 0 && hi / lo > 10) {
            LogAxis log = new DecadeAxis(label);
            log.setSmallestValue(lo / 2);
            axis = log;
            axis.setRange(lo / 1.3, hi * 1.3);
        } else {
            NumberAxis lin = new NumberAxis(label);
            lin.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            lin.setAutoRangeIncludesZero(false);
            axis = lin;
            double pad = (hi - lo) * 0.08 + Math.abs(hi) * 1e-6;
            axis.setRange(lo - pad, hi + pad);
        }
        axis.setLabelFont(FONT);
        axis.setTickLabelFont(FONT);
        return axis;
    }

    private static String svg(JFreeChart chart, int categories, int series, String id) {
        return svg(chart, 70 + categories * Math.max(44, 16 * series) + (series > 1 ? 30 : 0), id);
    }

    private static String svg(JFreeChart chart, int height, String id) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setDefsKeyPrefix(id + "-"); // unique clip-path ids when several charts share one page
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        return g.getSVGElement(id);
    }

    /**
     * One row's history: each run's median with its interval, in time order, a dashed line before
     * each change point. The x axis counts runs on this testbed.
     */
    static String trend(dev.taskbench.history.Series series, String unit, List<Integer> changePoints, String id) {
        org.jfree.data.xy.YIntervalSeries points = new org.jfree.data.xy.YIntervalSeries("median");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < series.points().size(); i++) {
            var p = series.points().get(i);
            points.add(i + 1, p.median(), p.interval().low(), p.interval().high());
            lo = Math.min(lo, p.interval().low());
            hi = Math.max(hi, p.interval().high());
        }
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        data.addSeries(points);
        org.jfree.chart.renderer.xy.XYErrorRenderer renderer = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, SERIES[0]);
        renderer.setErrorPaint(SERIES[0]);
        NumberAxis runs = new NumberAxis("run on this testbed");
        runs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        runs.setRange(0.5, series.points().size() + 0.5);
        runs.setLabelFont(FONT);
        runs.setTickLabelFont(FONT);
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, runs,
                valueAxis(unit, lo, hi), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        for (int index : changePoints) {
            plot.addDomainMarker(new ValueMarker(index + 0.5, COLORS.get(Verdict.SLOWER), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)));
        }
        return svg(new JFreeChart(null, FONT, plot, false), 180, id);
    }

    private static String label(Row r) {
        return r.flagSet() + ": " + r.key().label();
    }
}
