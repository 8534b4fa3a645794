package dev.taskbench.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal log axis labelled at 1, 2 and 5 times each power of ten when its range spans at most
 * {@value #FINE_DECADES} decades, at 1 and 3 up to {@value #MEDIUM_DECADES}, at powers of ten beyond;
 * every other whole multiple gets an unlabelled minor mark. JFreeChart's {@link LogAxis} labels only
 * evenly spaced exponents, so values between 1,000 and 5,000 on an axis from 50 to 5,000 had no label
 * nearer than 1,000.
 */
final class DecadeAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    static final double FINE_DECADES = 2.5;
    static final double MEDIUM_DECADES = 4.5;
    private static final int[] FINE = {1, 2, 5};
    private static final int[] MEDIUM = {1, 3};
    private static final int[] COARSE = {1};
    private static final int[] EVERY = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    DecadeAxis(String label) {
        super(label);
        setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        setMinorTickMarksVisible(true);
    }

    /** The labelled values within [lower, upper], ascending. */
    static List<Double> labelled(double lower, double upper) {
        return multiples(lower, upper, steps(lower, upper));
    }

    /** Each of {@code multipliers} times each power of ten, within [lower, upper], ascending. */
    private static List<Double> multiples(double lower, double upper, int[] multipliers) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lower)); e <= (int) Math.ceil(Math.log10(upper)); e++) {
            for (int m : multipliers) {
                double v = m * Math.pow(10, e);
                if (v >= lower && v <= upper) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static int[] steps(double lower, double upper) {
        double decades = Math.log10(upper / lower);
        return decades <= FINE_DECADES ? FINE : decades <= MEDIUM_DECADES ? MEDIUM : COARSE;
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<Double> major = labelled(lower, upper);
        List<NumberTick> ticks = new ArrayList<>();
        for (double v : multiples(lower, upper, EVERY)) {
            boolean labelled = major.contains(v);
            ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, v,
                    labelled ? getNumberFormatOverride().format(v) : "", anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
