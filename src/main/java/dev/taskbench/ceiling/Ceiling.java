package dev.taskbench.ceiling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * pgbench samples to hold single-row benchmarks against: per benchmark (flag set, benchmark,
 * params, threads) when measured right beside it ({@link CeilingProfiler}), else one per client
 * count for the whole run. A benchmark's ceiling is the mean of its own samples; without any, the
 * run-wide sample of as many clients.
 */
public final class Ceiling {
    /** One benchmark as the reports name it: {@code InsertBenchmark.requestOneUser}, {@code path=jdbcPrepared}. */
    public record Key(String flagSet, String benchmark, String params, int threads) {
    }

    private final Map<Key, List<Double>> perBenchmark = new LinkedHashMap<>();
    private final Map<Integer, Double> perClients = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public static Ceiling none(String why) {
        Ceiling c = new Ceiling();
        c.note(why);
        return c;
    }

    public void add(Key key, double tps) {
        perBenchmark.computeIfAbsent(key, k -> new ArrayList<>()).add(tps);
    }

    public void addRunWide(int clients, double tps) {
        perClients.put(clients, tps);
    }

    /** A line for the report's head (how the ceiling was measured, or why it is missing). */
    public void note(String line) {
        notes.add(line);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The samples taken beside this benchmark, oldest first; empty if none. */
    public List<Double> samples(Key key) {
        return perBenchmark.getOrDefault(key, List.of());
    }

    /** Rows/s to compare this benchmark with, if anything was measured. */
    public OptionalDouble of(Key key) {
        List<Double> own = samples(key);
        if (!own.isEmpty()) {
            return own.stream().mapToDouble(Double::doubleValue).average();
        }
        Double runWide = perClients.get(key.threads());
        return runWide == null ? OptionalDouble.empty() : OptionalDouble.of(runWide);
    }
}
