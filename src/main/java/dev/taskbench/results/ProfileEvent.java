package dev.taskbench.results;

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

    private final String asyncEvent;

    ProfileEvent(String asyncEvent) {
        this.asyncEvent = asyncEvent;
    }

    /** The name async-profiler's {@code event=} option takes. */
    public String asyncEvent() {
        return asyncEvent;
    }
}
