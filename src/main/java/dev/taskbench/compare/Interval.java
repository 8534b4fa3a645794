package dev.taskbench.compare;

/** A confidence interval around a point estimate. */
public record Interval(double estimate, double low, double high, double confidence) {
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
