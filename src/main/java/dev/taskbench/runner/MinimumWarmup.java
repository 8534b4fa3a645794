package dev.taskbench.runner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least warmup the measuring profiles (standard, full) give a benchmark class, because its
 * JIT needs it: a JDBC round trip runs a few thousand times a second, so the driver's hot path
 * is still being compiled by C2 seconds into a fork, on the cores the database needs. A
 * profile with more warmup keeps its own; smoke (no warmup, it only proves things run) and the
 * user's {@code -wi}/{@code -w} are never changed. The runner gives such classes a pass of their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MinimumWarmup {
    int iterations();

    /** Length of one warmup iteration, in milliseconds. */
    int millis();
}
