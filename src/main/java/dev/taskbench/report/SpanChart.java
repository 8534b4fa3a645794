package dev.taskbench.report;

import java.util.List;

/**
 * A chart of figures measured in rounds, each its median with its lowest and highest round, per
 * category (a configuration) and series (a phase): for a command's page whose figures are not
 * benchmark rows ({@code jmh:seed}'s writes/s).
 */
public final class SpanChart {
    /** One figure: its median over the rounds and the lowest and highest round. */
    public record Span(String category, String series, double median, double low, double high) {
    }

    private SpanChart() {
    }

    /** Drawn when a page renders it; the axis is logarithmic when the figures span more than ten times. */
    public static Report.Chart of(String title, String axisLabel, List<Span> spans, String caption, String id) {
        List<Span> copy = List.copyOf(spans);
        return new Report.Chart(title, () -> Charts.spans(axisLabel, copy, id), caption, false);
    }
}
