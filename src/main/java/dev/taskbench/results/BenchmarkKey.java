package dev.taskbench.results;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies one JMH result row across runs: benchmark method, its {@code @Param}
 * values (sorted by name), mode and thread count. The flag set is a separate dimension
 * (see {@link BenchmarkResult#flagSet()}).
 */
public record BenchmarkKey(String benchmark, SortedMap<String, String> params, String mode, int threads)
        implements Comparable<BenchmarkKey> {

    private static final Comparator<BenchmarkKey> ORDER = Comparator.comparing(BenchmarkKey::benchmark)
            .thenComparing(k -> k.paramString())
            .thenComparing(BenchmarkKey::mode)
            .thenComparingInt(BenchmarkKey::threads);

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static BenchmarkKey of(String benchmark, Map<String, String> params, String mode, int threads) {
        return new BenchmarkKey(benchmark, new TreeMap<>(params), mode, threads);
    }

    /** {@code ConnectionPoolOverheadBenchmark.oneUser}: the class's simple name and the method. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(cls + 1);
    }

    /** {@code poolSize=10, source=hikari}, or empty without params. */
    public String paramString() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One line for tables: short name, params, mode and threads. */
    public String label() {
        String p = params.isEmpty() ? "" : " [" + paramString() + "]";
        return shortName() + p + " " + mode + " t" + threads;
    }

    @Override
    public int compareTo(BenchmarkKey o) {
        return ORDER.compare(this, o);
    }
}
