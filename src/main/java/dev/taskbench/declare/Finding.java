package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A question the suite answers, declared on the benchmark class whose rows it reads: the time per
 * operation of one row ({@link #of}) against another ({@link #to}), as the ratio of their per-fork
 * medians with a bootstrap interval. Every run, comparison and flag-set matrix that holds both rows
 * answers it; {@code FindingsDeclarationTest} fails the build when a question names a method,
 * parameter or value that the benchmark list does not have.
 *
 * <p>A row is {@code "method name=value ..."}: the method of this class, or {@code Class.method} of
 * a class in the same package; parameters not named must agree between the two rows, or the
 * question is answered once per value (once per {@code input}, say). A value {@code *} in {@link
 * #to} takes the fastest of that parameter's values, other than the asked row's and {@link
 * #notFastest}. A token {@code /name} divides the time by that parameter's value (a batch of
 * {@code batchSize} rows, per row).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Finding.List.class)
public @interface Finding {
    /** The chart and section this question belongs to; questions of one group share a chart. */
    String group();

    /** The row asked about. */
    String of();

    /** The row it is held against; empty: the same row, in {@link #toFlagSet}. */
    String to() default "";

    /** Values a {@code *} in {@link #to} never picks (the floor is not a contender). */
    String[] notFastest() default {};

    /** The flag set of {@link #of}; empty: every flag set of the run, each against itself. */
    String ofFlagSet() default "";

    /** The flag set of {@link #to}; set together with {@link #ofFlagSet}. */
    String toFlagSet() default "";

    /**
     * The sentence: {@code {ratio}} (time of/to with its interval), {@code {speedup}} (to/of),
     * {@code {percent}} (of as a share of to), {@code {threads}}, {@code {NAME}} and
     * {@code {to.NAME}} for a parameter of either row.
     */
    String says();

    /** Which way the time ratio of/to is good news. */
    Better better() default Better.LOWER;

    enum Better {
        LOWER, HIGHER,
        /** A distance to a reference (a floor) or a share of a whole: neither side of 1 is news. */
        NEITHER
    }

    /** The container of repeated {@link Finding}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Finding[] value();
    }
}
