package dev.taskbench.results;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One JMH result row of one flag set: the per-fork scores of the primary metric and, when
 * the run used {@code -prof gc}, the per-fork {@code gc.alloc.rate.norm} (bytes per operation).
 *
 * <p>A fork's score is the arithmetic mean of its measurement iterations, the same
 * aggregation JMH uses for a fork's score in every mode. The fork is the unit of
 * comparison: iterations inside one JVM share its JIT decisions and heap layout, so they
 * are not independent samples (JMH's pooled {@code scoreError} treats them as if they were).
 *
 * @param jmhScore JMH's own pooled score, kept for display only
 * @param jmhError JMH's own pooled 99.9% error ({@code NaN} when JMH had too few iterations), display only
 * @param iterations per fork, the score of each measurement iteration in order (a warmup curve for
 *        single-shot benchmarks)
 * @param secondaryScores JMH's score of each secondary metric, by name (the pgbench samples among them)
 * @param disturbedForks how many of its forks ran beside a busy machine and were not replaced by a re-run
 *        (the run's {@link ForkLog}); 0 where the run kept no log
 */
public record BenchmarkResult(BenchmarkKey key, String flagSet, String unit, List<Double> forkScores,
        Optional<List<Double>> allocNormPerFork, double jmhScore, double jmhError, List<List<Double>> iterations,
        Map<String, Double> secondaryScores, int disturbedForks) {

    public static final String ALLOC_UNIT = "B/op";
    /** The secondary metrics the pgbench ceiling leaves, {@code pgbench.sample.1} on, one per sample in rows/s. */
    public static final String PGBENCH_SAMPLE = "pgbench.sample.";

    public BenchmarkResult {
        forkScores = List.copyOf(forkScores);
        allocNormPerFork = allocNormPerFork.map(List::copyOf);
        iterations = iterations.stream().map(List::copyOf).toList();
        secondaryScores = Collections.unmodifiableMap(new TreeMap<>(secondaryScores));
    }

    public BenchmarkResult(BenchmarkKey key, String flagSet, String unit, List<Double> forkScores,
            Optional<List<Double>> allocNormPerFork, double jmhScore, double jmhError, List<List<Double>> iterations,
            Map<String, Double> secondaryScores) {
        this(key, flagSet, unit, forkScores, allocNormPerFork, jmhScore, jmhError, iterations, secondaryScores, 0);
    }

    /** The same row, with this many of its forks disturbed. */
    public BenchmarkResult withDisturbedForks(int n) {
        return new BenchmarkResult(key, flagSet, unit, forkScores, allocNormPerFork, jmhScore, jmhError, iterations,
                secondaryScores, n);
    }

    public BenchmarkResult(BenchmarkKey key, String flagSet, String unit, List<Double> forkScores,
            Optional<List<Double>> allocNormPerFork, double jmhScore, double jmhError, List<List<Double>> iterations) {
        this(key, flagSet, unit, forkScores, allocNormPerFork, jmhScore, jmhError, iterations, Map.of());
    }

    /** The pgbench samples (rows/s) taken around this row's forks, in the order they were taken; empty without. */
    public double[] pgbenchSamples() {
        return secondaryScores.entrySet().stream().filter(e -> e.getKey().startsWith(PGBENCH_SAMPLE))
                .sorted(Comparator.comparingInt(e -> sampleIndex(e.getKey())))
                .mapToDouble(Map.Entry::getValue).toArray();
    }

    private static int sampleIndex(String name) {
        try {
            return Integer.parseInt(name.substring(PGBENCH_SAMPLE.length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A result with per-fork scores only (iterations unknown), as tests and merges build them. */
    public BenchmarkResult(BenchmarkKey key, String flagSet, String unit, List<Double> forkScores,
            Optional<List<Double>> allocNormPerFork, double jmhScore) {
        this(key, flagSet, unit, forkScores, allocNormPerFork, jmhScore, Double.NaN,
                forkScores.stream().map(List::of).toList());
    }

    /** This result's row: its flag set and key. */
    public RowKey row() {
        return new RowKey(flagSet, key);
    }

    public double[] forks() {
        return forkScores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public Optional<double[]> allocForks() {
        return allocNormPerFork.map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
