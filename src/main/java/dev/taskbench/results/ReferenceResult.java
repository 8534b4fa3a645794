package dev.taskbench.results;

/**
 * One cross-language reference figure, timed in-process by a script under
 * {@code scripts/reference/}: the best of several calls of the seed's own code.
 *
 * @param benchmark the script's id ({@code counter_loop}), as a benchmark's {@code @HasReference} names it
 */
public record ReferenceResult(String runtime, String benchmark, double best, double median, String unit) {

    /** {@link #best} converted to {@code targetUnit} (time per operation units only). */
    public double bestIn(String targetUnit) {
        return best * nanos(unit) / nanos(targetUnit);
    }

    static double nanos(String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        }
    }
}
