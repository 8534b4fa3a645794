package dev.taskbench.runner;

import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.results.ProfileEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -Dtaskbench.profilers=cpu,alloc,wall,lock}: after the measured passes, one more pass
 * of one fork per benchmark and event under async-profiler, whose scores are thrown away (a
 * profiled fork is slower), leaving a flame graph per row in {@code profiles/<row>/<event>.html}.
 *
 * @param events the events to profile; empty: no profiling
 * @param cacheDir where async-profiler's native library is extracted ({@code -Dtaskbench.profilers.cache})
 * @param engine which profiler samples ({@code -Dtaskbench.profilers.engine})
 */
public record Profiling(List<ProfileEvent> events, Path cacheDir, Engine engine) {
    public static final String PROFILERS = SettingsCatalogue.PROFILERS.key();
    public static final String CACHE = SettingsCatalogue.PROFILERS_CACHE.key();
    public static final String ENGINE = SettingsCatalogue.PROFILERS_ENGINE.key();

    /**
     * {@code auto}: async-profiler, and JMH's JFR profiler (converted by async-profiler's
     * jfr-converter) for an event it cannot profile here, saying so; {@code async} or {@code jfr}: only that one.
     */
    public enum Engine {
        auto, async, jfr
    }

    public Profiling {
        events = List.copyOf(events.stream().distinct().toList());
    }

    public static Profiling from(Settings s) {
        return new Profiling(s.choices(SettingsCatalogue.PROFILERS, ProfileEvent.class, List.of()),
                s.path(CACHE, null, defaultCache()), s.choice(ENGINE, null, Engine.class, Engine.auto));
    }

    public boolean on() {
        return !events.isEmpty();
    }

    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "taskbench");
    }
}
