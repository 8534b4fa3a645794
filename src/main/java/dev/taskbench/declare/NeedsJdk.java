package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark method (or every method of a class) that needs at least this JDK feature
 * release in its fork, e.g. virtual threads need 21; a pass on an older fork JDK should leave it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeedsJdk {
    /** The lowest feature release, e.g. 21. */
    int value();
}
