package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark method whose operation is one row of the seed's INSERT in its own
 * transaction. The harness holds its rows/s against pgbench running the same INSERT with as
 * many clients as the benchmark has threads (the pgbench ceiling, {@code ceiling.txt}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SingleRowWrite {
}
