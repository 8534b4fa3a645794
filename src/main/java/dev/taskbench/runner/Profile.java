package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named run profiles: how many forks and iterations, and whether to record allocation.
 * On a 2-core machine the fork is the unit of repetition (JIT and GC threads compete with
 * the benchmark), so the longer profiles add forks before they add iterations.
 */
public enum Profile {
    /** Whole suite in a few minutes: does every benchmark run and verify its work? For CI and PRs. */
    SMOKE(1, 0, "200ms", 1, "300ms", false),
    /** The default: usable error bars on the whole suite in under 30 minutes. */
    STANDARD(5, 1, "500ms", 2, "500ms", true),
    /** Nightly: many short forks for per-fork statistics. */
    FULL(10, 2, "1s", 3, "1s", true);

    private final int forks;
    private final int warmupIterations;
    private final String warmupTime;
    private final int measurementIterations;
    private final String measurementTime;
    private final boolean gcProfiler;

    Profile(int forks, int warmupIterations, String warmupTime, int measurementIterations, String measurementTime,
            boolean gcProfiler) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.gcProfiler = gcProfiler;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public String warmupTime() {
        return warmupTime;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public String measurementTime() {
        return measurementTime;
    }

    public boolean gcProfiler() {
        return gcProfiler;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String name) {
        if (name == null || name.isBlank()) {
            return STANDARD;
        }
        for (Profile p : values()) {
            if (p.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new TaskbenchException("unknown profile '" + name + "' in -Dtaskbench.profile; choose one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }
}
