package dev.taskbench.runner;

import dev.taskbench.config.Settings;
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
public record Profiling(List<Event> events, Path cacheDir) {
    public static final String PROFILERS = "taskbench.profilers";
    public static final String CACHE = "taskbench.profilers.cache";

    /** What is sampled, each as async-profiler names it. */
    public enum Event {
        /** CPU time (perf events, or async-profiler's own timer where they are not allowed). */
        cpu("cpu"),
        /** Where memory is allocated (TLAB refills and outside-TLAB allocations). */
        alloc("alloc"),
        /** Wall-clock time of every thread, running or not: where a thread waits. */
        wall("wall"),
        /** Contended monitors and locks. */
        lock("lock");

        final String asyncEvent;

        Event(String asyncEvent) {
            this.asyncEvent = asyncEvent;
        }
    }

    public Profiling {
        events = List.copyOf(events.stream().distinct().toList());
    }

    public static Profiling from(Settings s) {
        return new Profiling(s.choices(PROFILERS, "TASKBENCH_PROFILERS", Event.class, List.of()),
                s.path(CACHE, null, defaultCache()));
    }

    public boolean on() {
        return !events.isEmpty();
    }

    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "taskbench");
    }
}
