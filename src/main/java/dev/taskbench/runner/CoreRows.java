package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.Standard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The standard profile's share of the suite, read from each class's {@link Standard}: which
 * methods run and which parameter values they are pinned to. Empty {@link #pins} for a method
 * means every row; {@link Optional#empty()} means the method is left to the full profile.
 */
final class CoreRows {
    private CoreRows() {
    }

    /**
     * The parameter values the standard profile runs this benchmark with: empty map for every row,
     * empty optional when it is not a core row at all.
     */
    static Optional<Map<String, List<String>>> pins(BenchmarkListEntry e) {
        Optional<Standard> declared = Declarations.onClass(e.getUserClassQName(), Standard.class);
        if (declared.isEmpty()) {
            return Optional.of(Map.of());
        }
        String method = e.getUsername().substring(e.getUsername().lastIndexOf('.') + 1);
        for (String entry : declared.get().value()) {
            Parsed p = parse(entry);
            if (p.method().equals(method)) {
                return Optional.of(p.params());
            }
        }
        return Optional.empty();
    }

    /** How many rows JMH makes of this benchmark with these pins (its declared values otherwise). */
    static int rows(BenchmarkListEntry e, Map<String, List<String>> pins) {
        int n = 1;
        for (Map.Entry<String, String[]> p : e.getParams().orElse(Map.of()).entrySet()) {
            List<String> pinned = pins.get(p.getKey());
            n *= pinned != null ? pinned.size() : p.getValue().length;
        }
        return n;
    }

    /** Problems of the declarations on these entries' classes, one line each; none when all resolve. */
    static List<String> problems(List<BenchmarkListEntry> entries) {
        Map<String, Map<String, Map<String, String[]>>> byClass = new LinkedHashMap<>();
        entries.forEach(e -> byClass.computeIfAbsent(e.getUserClassQName(), c -> new LinkedHashMap<>())
                .put(e.getUsername().substring(e.getUsername().lastIndexOf('.') + 1), e.getParams().orElse(Map.of())));
        List<String> problems = new ArrayList<>();
        byClass.forEach((c, methods) -> Declarations.onClass(c, Standard.class).ifPresent(s -> problems.addAll(
                problems(c.substring(c.lastIndexOf('.') + 1), s, methods))));
        return problems;
    }

    /**
     * Problems of one class's declaration.
     *
     * @param methods per benchmark method of the class, its parameters and the values they take
     */
    static List<String> problems(String className, Standard s, Map<String, Map<String, String[]>> methods) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String entry : s.value()) {
            String where = className + " @Standard \"" + entry + "\"";
            try {
                Parsed p = parse(entry);
                if (!methods.containsKey(p.method())) {
                    problems.add(where + ": no benchmark method " + p.method());
                    continue;
                }
                if (seen.contains(p.method())) {
                    problems.add(where + ": " + p.method() + " is listed twice");
                }
                seen.add(p.method());
                check(p, methods.get(p.method()), where, problems);
            } catch (TaskbenchException x) {
                problems.add(where + ": " + x.getMessage());
            }
        }
        return problems;
    }

    private static void check(Parsed p, Map<String, String[]> declared, String where, List<String> problems) {
        p.params().forEach((name, values) -> {
            String[] known = declared.get(name);
            if (known == null) {
                problems.add(where + ": " + p.method() + " has no parameter " + name);
                return;
            }
            values.stream().filter(v -> !Arrays.asList(known).contains(v))
                    .forEach(v -> problems.add(where + ": " + name + " has no value " + v + " (it takes "
                            + String.join(", ", known) + ")"));
        });
    }

    record Parsed(String method, Map<String, List<String>> params) {
    }

    /** {@code "method name=v1,v2 other=v3"}. */
    static Parsed parse(String entry) {
        String[] tokens = entry.trim().split("\\s+");
        if (tokens[0].isEmpty() || tokens[0].contains("=")) {
            throw new TaskbenchException("an entry starts with a method name: \"" + entry + "\"");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0 || eq == tokens[i].length() - 1) {
                throw new TaskbenchException("\"" + tokens[i] + "\" is not name=value[,value...] in \"" + entry + "\"");
            }
            params.put(tokens[i].substring(0, eq), List.of(tokens[i].substring(eq + 1).split(",")));
        }
        return new Parsed(tokens[0], params);
    }
}
