package dev.taskbench.declare;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Reads what a benchmark declares, by reflection on its class and method, from the name JMH
 * gives it ({@code package.Class.method}, as in {@code BenchmarkListEntry.getUsername()} and the
 * JSON's {@code benchmark}). The harness never matches benchmark names itself: a renamed method
 * keeps its declarations, an undeclared one has none.
 */
public final class Declarations {
    private Declarations() {
    }

    /** The annotation on the benchmark method, else on its class; empty if neither (or the class is unknown). */
    public static <A extends Annotation> Optional<A> of(String benchmark, Class<A> type) {
        Optional<A> onMethod = onMethod(benchmark, type);
        return onMethod.isPresent() ? onMethod : onClass(className(benchmark), type);
    }

    /** The annotation on the benchmark method only. */
    public static <A extends Annotation> Optional<A> onMethod(String benchmark, Class<A> type) {
        Class<?> c = load(className(benchmark));
        if (c == null) {
            return Optional.empty();
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && m.isAnnotationPresent(type)) {
                return Optional.of(m.getAnnotation(type));
            }
        }
        return Optional.empty();
    }

    /** The annotation on a class, by its qualified name. */
    public static <A extends Annotation> Optional<A> onClass(String className, Class<A> type) {
        Class<?> c = load(className);
        return c == null ? Optional.empty() : Optional.ofNullable(c.getAnnotation(type));
    }

    /** Every (repeatable) annotation of a type on a class, by its qualified name; empty for an unknown class. */
    public static <A extends Annotation> java.util.List<A> allOnClass(String className, Class<A> type) {
        Class<?> c = load(className);
        return c == null ? java.util.List.of() : java.util.List.of(c.getAnnotationsByType(type));
    }

    /**
     * Whether a benchmark class drives PostgreSQL: it declares {@link NeedsDatabase}, or it cannot
     * be loaded here and so might (a database is provisioned for it, and its figures are keyed on
     * PostgreSQL's facts too).
     */
    public static boolean needsDatabase(String className) {
        return unknownClass(className) || onClass(className, NeedsDatabase.class).isPresent();
    }

    /** The same for a benchmark by its JMH name ({@code package.Class.method}). */
    public static boolean benchmarkNeedsDatabase(String benchmark) {
        return needsDatabase(className(benchmark));
    }

    /** True when the class cannot be loaded here (a benchmark of another build). */
    public static boolean unknownClass(String className) {
        return load(className) == null;
    }

    static String className(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Declarations.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
