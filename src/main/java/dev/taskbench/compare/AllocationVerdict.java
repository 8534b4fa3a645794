package dev.taskbench.compare;

/** The outcome of comparing {@code gc.alloc.rate.norm} (bytes per operation). */
public enum AllocationVerdict {
    /** The candidate allocates more than the tolerance allows. */
    GREW,
    /** The candidate allocates less, by more than the tolerance. */
    SHRANK,
    SAME,
    /** One side has no allocation figure (run without {@code -prof gc}). */
    MISSING
}
