package dev.taskbench.results;

import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import java.util.Optional;

/**
 * What a profiled run sampled, each as async-profiler names it: the {@code <event>} of a run
 * folder's {@code profiles/<row>/<event>.html} and {@code <event>.collapsed}.
 */
public enum ProfileEvent {
    /** CPU time (perf events, or async-profiler's own timer where they are not allowed). */
    cpu("cpu"),
    /** Where memory is allocated (TLAB refills and outside-TLAB allocations). */
    alloc("alloc"),
    /** Wall-clock time of every thread, running or not: where a thread waits. */
    wall("wall"),
    /** Contended monitors and locks. */
    lock("lock");

    /** {@code -Dtaskbench.profile.regressions}: a differential flame graph per SLOWER row. */
    public static final String REGRESSIONS = SettingsCatalogue.PROFILE_REGRESSIONS.key();
    /** {@code -Dtaskbench.profile.event}: the event those graphs diff. */
    public static final String REGRESSIONS_EVENT = SettingsCatalogue.PROFILE_EVENT.key();

    private final String asyncEvent;

    ProfileEvent(String asyncEvent) {
        this.asyncEvent = asyncEvent;
    }

    /**
     * The event to diff per SLOWER row when {@value #REGRESSIONS} is true, the same for
     * {@code jmh:compare} and an interleaved {@code jmh:run}; both settings are checked either way.
     */
    public static Optional<ProfileEvent> regressions(Settings s) {
        ProfileEvent event = s.choice(REGRESSIONS_EVENT, null, ProfileEvent.class, cpu);
        return s.flag(REGRESSIONS, null, false) ? Optional.of(event) : Optional.empty();
    }

    /** The name async-profiler's {@code event=} option takes. */
    public String asyncEvent() {
        return asyncEvent;
    }
}
