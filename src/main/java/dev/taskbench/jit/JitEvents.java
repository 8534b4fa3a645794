package dev.taskbench.jit;

import java.util.List;

/**
 * What the JIT did in one fork, as JDK Flight Recorder saw it ({@link JfrJit}): its compilations,
 * its inlining decisions and its deoptimizations, as plain values a {@link JitDiff} compares.
 * Methods are named {@code package.Class.method}, without descriptor.
 */
public record JitEvents(List<Compilation> compilations, List<Inlining> inlinings, List<Deopt> deopts) {
    public static final JitEvents NONE = new JitEvents(List.of(), List.of(), List.of());

    public JitEvents {
        compilations = List.copyOf(compilations);
        inlinings = List.copyOf(inlinings);
        deopts = List.copyOf(deopts);
    }

    /**
     * One compilation ({@code jdk.Compilation}).
     *
     * @param level the tier: 1 to 3 are C1's, 4 is C2's
     * @param osr compiled on stack replacement: a running loop's method, not its next calls
     * @param atMillis when it started, from the fork's first event
     */
    public record Compilation(int compileId, String method, int level, boolean osr, boolean succeeded,
            long atMillis) {
    }

    /**
     * One inlining decision ({@code jdk.CompilerInlining}) inside compilation {@code compileId}.
     *
     * @param message the JIT's reason ("callee is too large", "inline (hot)")
     */
    public record Inlining(int compileId, String caller, String callee, boolean succeeded, String message) {
    }

    /** One deoptimization ({@code jdk.Deoptimization}): compiled code of {@code method} thrown back to the interpreter. */
    public record Deopt(String method, String reason, String action, long atMillis) {
    }
}
