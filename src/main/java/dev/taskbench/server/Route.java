package dev.taskbench.server;

import java.util.Locale;

/** The service's routes, the same on every server: the seed's write, the CPU round, the bare round trip. */
enum Route {
    TASKS, CPU, EMPTY;

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
