package dev.taskbench.server;

import dev.taskbench.TaskbenchException;
import java.util.Locale;

/**
 * A server's threading model, parsed once from what users type: {@code selector}, {@code dispatch},
 * {@code virtual}, {@code platform-N} or {@code eventloop[-P]}.
 *
 * @param kind which thread runs a request
 * @param workers N of {@code platform-N}, its blocking workers (1 and up); 0 for the other kinds
 * @param pipelining P of {@code eventloop-P}, statements pipelined per connection (1 = none); 0 for
 *        plain {@code eventloop}, which takes the client's default, and for the other kinds
 */
public record ThreadingModel(Threading kind, int workers, int pipelining) {
    public ThreadingModel {
        if (kind == Threading.platform && workers < 1) {
            throw new TaskbenchException("threading platform needs at least 1 worker (platform-N), was " + workers);
        }
        if (kind != Threading.platform && workers != 0) {
            throw new TaskbenchException("only platform-N has workers, threading " + kind + " was given " + workers);
        }
        if (pipelining < 0 || kind != Threading.eventloop && pipelining != 0) {
            throw new TaskbenchException("only eventloop-P pipelines (P from 1; 0 for the client's default), threading "
                    + kind + " was given " + pipelining);
        }
    }

    /** {@code kind} with no number: {@code platform} has none, so it is refused. */
    public static ThreadingModel of(Threading kind) {
        return new ThreadingModel(kind, 0, 0);
    }

    /** {@code platform-N}. */
    public static ThreadingModel platform(int workers) {
        return new ThreadingModel(Threading.platform, workers, 0);
    }

    /**
     * Parses what users type, in any case; what is not a model is a one-line error: an unknown name,
     * or a number after {@code platform-} or {@code eventloop-} that is not a whole one from 1.
     */
    public static ThreadingModel parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("platform-")) {
            return platform(number(spec, s));
        }
        if (s.startsWith("eventloop-")) {
            return new ThreadingModel(Threading.eventloop, 0, number(spec, s));
        }
        for (Threading t : Threading.values()) {
            if (t != Threading.platform && t.name().equals(s)) {
                return of(t);
            }
        }
        throw new TaskbenchException("unknown threading '" + spec + "': " + Threading.TAKES);
    }

    private static int number(String spec, String s) {
        try {
            int n = Integer.parseInt(s.substring(s.indexOf('-') + 1));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the line below says what is expected
        }
        throw new TaskbenchException("threading '" + spec + "': " + Threading.TAKES);
    }

    /** As users type it; {@link #parse} gives this model back. */
    public String spec() {
        return switch (kind) {
            case platform -> "platform-" + workers;
            case eventloop -> pipelining > 0 ? "eventloop-" + pipelining : kind.name();
            default -> kind.name();
        };
    }
}
