package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rows of a benchmark class that the standard profile runs when it runs the whole suite: the
 * rows its findings, its gate and its reports read. The full profile, and any run that names its
 * benchmarks with {@code -Djmh.include}, run every row. A class without it runs every row.
 *
 * <p>Each entry is {@code "method"} (every row of that method) or {@code "method name=v1,v2 ..."}
 * (those values of those parameters; the others take every value). A method not listed is left to
 * the full profile; no entry at all leaves the whole class to it. {@code CoreRowsTest} fails the
 * build when an entry names a method, parameter or value the benchmark list does not have.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Standard {
    /** The core rows, one entry per method. */
    String[] value();

    /** Why the other rows can wait for the full profile: printed nowhere, read by whoever edits this. */
    String why();
}
