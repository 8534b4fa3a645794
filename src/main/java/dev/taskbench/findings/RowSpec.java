package dev.taskbench.findings;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkResult;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One side of a question: a benchmark method, the parameter values it names ({@code *} for "the
 * fastest of them") and, optionally, a parameter whose value divides the time (per row of a batch).
 *
 * @param benchmark {@code package.Class.method}, as JMH names it
 */
public record RowSpec(String benchmark, Map<String, String> params, Optional<String> perParam) {
    public static final String FASTEST = "*";

    public RowSpec {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@code "method a=1 b=2 /size"} of a class, or {@code "Other.method ..."} in the class's package. */
    static RowSpec parse(String text, String declaringClass) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty() || tokens[0].contains("=")) {
            throw new TaskbenchException("row \"" + text + "\" of " + declaringClass + " names no method");
        }
        String pkg = declaringClass.substring(0, declaringClass.lastIndexOf('.') + 1);
        String benchmark = tokens[0].contains(".") ? pkg + tokens[0] : declaringClass + "." + tokens[0];
        Map<String, String> params = new TreeMap<>();
        Optional<String> per = Optional.empty();
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            int eq = t.indexOf('=');
            if (t.startsWith("/") && t.length() > 1) {
                per = Optional.of(t.substring(1));
            } else if (eq > 0 && eq < t.length() - 1) {
                params.put(t.substring(0, eq), t.substring(eq + 1));
            } else {
                throw new TaskbenchException("row \"" + text + "\" of " + declaringClass + ": \"" + t
                        + "\" is neither name=value nor /name");
            }
        }
        return new RowSpec(benchmark, params, per);
    }

    /** The parameter whose value is {@code *}, if any. */
    Optional<String> fastestOf() {
        return params.entrySet().stream().filter(e -> e.getValue().equals(FASTEST)).map(Map.Entry::getKey).findFirst();
    }

    boolean matches(BenchmarkResult r) {
        if (!r.key().benchmark().equals(benchmark)) {
            return false;
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            String v = r.key().params().get(p.getKey());
            if (v == null || !(p.getValue().equals(FASTEST) || p.getValue().equals(v))) {
                return false;
            }
        }
        return perParam.isEmpty() || r.key().params().containsKey(perParam.get());
    }

    /** How many rows one operation of {@code r} carries: the value of {@link #perParam}, else 1. */
    double rowsPerOp(BenchmarkResult r) {
        return perParam.map(p -> Double.parseDouble(r.key().params().get(p))).orElse(1.0);
    }
}
