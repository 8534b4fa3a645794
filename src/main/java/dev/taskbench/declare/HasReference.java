package dev.taskbench.declare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark (method, or every method of a class) that times the seed's own code which
 * a reference script also runs in CPython, PyPy and Node; the pivot shows those figures beside
 * the rows whose parameters are the seed's own ({@link #seedParams}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HasReference {
    /** The reference script that times the same code. */
    Script value();

    /**
     * {@code name=value} pairs that make a row the seed's own; a row that has one of these
     * parameters with another value has no reference. Empty: every row.
     */
    String[] seedParams() default {};

    /** The reference scripts under {@code scripts/reference/}, by the id their output carries. */
    enum Script {
        /** {@code counter_loop.py/.js}: the counter loop, 10000 x 1000 additions. */
        COUNTER_LOOP("counter_loop"),
        /** {@code form_decode.py/.js}: decoding the seed's form body. */
        FORM_DECODE("form_decode");

        private final String id;

        Script(String id) {
            this.id = id;
        }

        /** The {@code benchmark} field of the script's output, and its file name without extension. */
        public String id() {
            return id;
        }
    }
}
