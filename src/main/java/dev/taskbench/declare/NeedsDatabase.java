package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class that talks to PostgreSQL. The runner provisions a database only
 * when a selected benchmark carries it, so a run of database-free benchmarks works without one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeedsDatabase {
}
