package dev.taskbench.server;

import dev.taskbench.loop.CounterLoop;
import java.util.Locale;

/** The service's routes, the same on every server: the seed's write, the CPU round, the bare round trip. */
enum Route {
    TASKS, CPU, EMPTY;

    /**
     * The CPU route's work: the seed's loop as written, or with {@code ?loop=opaque} the variant
     * the JIT cannot fold, over the server's own {@code increments}.
     */
    static long cpuCounter(String query, long[] increments) {
        return "loop=opaque".equals(query) ? CounterLoop.opaque(CounterLoop.OUTER, increments) : CounterLoop.faithful();
    }

    /** The route of {@code path}, case-insensitive, or null (404). */
    static Route of(String path) {
        if (path == null) {
            return null;
        }
        switch (path.toLowerCase(Locale.ROOT)) {
            case "/api/tasks":
            case "/api/tasks/":
                return TASKS;
            case "/api/cpu":
                return CPU;
            case "/api/empty":
                return EMPTY;
            default:
                return null;
        }
    }
}
