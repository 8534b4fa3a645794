package dev.taskbench.history;

/**
 * A change in a series: the values from {@code index} on differ from those before it.
 *
 * @param index the first value of the new segment (runs {@code [.., index-1]} before, {@code [index, ..]} after)
 * @param before mean of the segment before, back to the previous change point or the series' start
 * @param after mean of the segment after, up to the next change point or the series' end
 * @param pValue two-sided Student's t-test of the two segments
 */
public record ChangePoint(int index, double before, double after, double pValue) {

    /** Relative step from before to after, e.g. +0.05 for 5% higher; NaN when {@code before} is 0. */
    public double step() {
        return before == 0 ? Double.NaN : after / before - 1;
    }

    /** The larger of the forward and backward relative steps, as Otava measures a change. */
    double magnitude() {
        double forward = before == 0 ? 0 : after / before - 1;
        double backward = after == 0 ? 0 : before / after - 1;
        return Math.max(Math.abs(forward), Math.abs(backward));
    }
}
