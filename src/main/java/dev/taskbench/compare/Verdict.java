package dev.taskbench.compare;

/** The outcome of one compared row, for speed. */
public enum Verdict {
    /** Significant after correction, the interval excludes 1, and at least the minimum effect better. */
    FASTER,
    /** Significant after correction, the interval excludes 1, and at least the minimum effect worse. */
    SLOWER,
    /** No difference that is both significant and at least the minimum effect. */
    SAME,
    /** Too few forks (or an unknown unit) to tell. */
    UNKNOWN
}
