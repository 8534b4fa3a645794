package dev.taskbench.results;

import java.util.List;
import java.util.Optional;

/**
 * One JMH result row of one flag set: the per-fork scores of the primary metric and, when
 * the run used {@code -prof gc}, the per-fork {@code gc.alloc.rate.norm} (bytes per operation).
 *
 * <p>A fork's score is the arithmetic mean of its measurement iterations, the same
 * aggregation JMH uses for a fork's score in every mode. The fork is the unit of
 * comparison: iterations inside one JVM share its JIT decisions and heap layout, so they
 * are not independent samples (JMH's pooled {@code scoreError} treats them as if they were).
 *
 * @param jmhScore JMH's own pooled score, kept for reference only
 */
public record BenchmarkResult(BenchmarkKey key, String flagSet, String unit, List<Double> forkScores,
        Optional<List<Double>> allocNormPerFork, double jmhScore) {

    public static final String ALLOC_UNIT = "B/op";

    public BenchmarkResult {
        forkScores = List.copyOf(forkScores);
        allocNormPerFork = allocNormPerFork.map(List::copyOf);
    }

    public double[] forks() {
        return forkScores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public Optional<double[]> allocForks() {
        return allocNormPerFork.map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
