package dev.taskbench.runner;

import dev.taskbench.config.Settings;
import dev.taskbench.results.ProfileEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -Dtaskbench.profilers=cpu,alloc,wall,lock}: after the measured passes, one more pass
 * of one fork per benchmark and event under async-profiler, whose scores are thrown away (a
 * profiled fork is slower), leaving a flame graph per row in {@code profiles/<row>/<event>.html}.
 *
 * @param events the events to profile, one pass each; empty: no profiling
 * @param cacheDir where async-profiler's native library is extracted ({@code -Dtaskbench.profilers.cache})
 */
public record Profiling(List<ProfileEvent> events, Path cacheDir) {
    public static final String PROFILERS = "taskbench.profilers";
    public static final String CACHE = "taskbench.profilers.cache";

    public Profiling {
        events = List.copyOf(events.stream().distinct().toList());
    }

    public static Profiling from(Settings s) {
        return new Profiling(s.choices(PROFILERS, "TASKBENCH_PROFILERS", ProfileEvent.class, List.of()),
                s.path(CACHE, null, defaultCache()));
    }

    public boolean on() {
        return !events.isEmpty();
    }

    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "taskbench");
    }
}
