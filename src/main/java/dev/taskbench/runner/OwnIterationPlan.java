package dev.taskbench.runner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark class whose warmup and measurement plan is its meaning (for example a
 * single-shot warmup curve of the first N calls). The runner runs such classes in a pass of
 * their own, taking only the profile's fork count, so a profile never rewrites their
 * {@code @Warmup}/{@code @Measurement}. Options the user passes still win.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnIterationPlan {
}
