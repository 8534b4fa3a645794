package dev.taskbench.findings;

import dev.taskbench.TaskbenchException;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Checks every declared question against the benchmarks JMH generated (its {@code BenchmarkList}):
 * each row's method exists, each parameter it names is one of that method's, each value one of the
 * values a run takes by default, each flag set a known one, each placeholder a figure or a parameter.
 * One line per problem; none when every question resolves to real rows.
 */
public final class DeclarationCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private DeclarationCheck() {
    }

    /** Problems of the questions declared on the classes of these entries. */
    public static List<String> problems(Collection<BenchmarkListEntry> entries, Set<String> flagSets) {
        Map<String, Map<String, Set<String>>> params = new LinkedHashMap<>();
        Map<String, List<Finding>> declared = new LinkedHashMap<>();
        for (BenchmarkListEntry e : entries) {
            declared.computeIfAbsent(e.getUserClassQName(), c -> Declarations.allOnClass(c, Finding.class));
            Map<String, Set<String>> p = params.computeIfAbsent(e.getUsername(), k -> new LinkedHashMap<>());
            e.getParams().orElse(Map.of()).forEach((k, v) -> p.computeIfAbsent(k, x -> new LinkedHashSet<>())
                    .addAll(Arrays.asList(v)));
        }
        return problems(params, declared, flagSets);
    }

    /**
     * @param params per benchmark ({@code package.Class.method}), its parameters and the values they take
     * @param declared per benchmark class, its questions
     */
    static List<String> problems(Map<String, Map<String, Set<String>>> params, Map<String, List<Finding>> declared,
            Set<String> flagSets) {
        List<String> problems = new ArrayList<>();
        declared.forEach((c, findings) -> {
            for (Finding f : findings) {
                String where = c.substring(c.lastIndexOf('.') + 1) + " @Finding(of=\"" + f.of() + "\")";
                try {
                    check(Question.of(c, f), params, flagSets, where, problems);
                } catch (TaskbenchException x) {
                    problems.add(where + ": " + x.getMessage());
                }
            }
        });
        return problems;
    }

    private static void check(Question q, Map<String, Map<String, Set<String>>> params, Set<String> flagSets,
            String where, List<String> problems) {
        row(q.of(), params, List.of(), where, problems, false);
        row(q.to(), params, q.notFastest(), where, problems, true);
        if (q.ofFlagSet().isPresent() != q.toFlagSet().isPresent()) {
            problems.add(where + ": ofFlagSet and toFlagSet go together");
        }
        q.ofFlagSet().filter(f -> !flagSets.contains(f)).ifPresent(f -> problems.add(where + ": no flag set " + f));
        q.toFlagSet().filter(f -> !flagSets.contains(f)).ifPresent(f -> problems.add(where + ": no flag set " + f));
        if (q.of().equals(q.to()) && !q.acrossFlagSets()) {
            problems.add(where + ": holds a row against itself");
        }
        Matcher m = PLACEHOLDER.matcher(q.says());
        while (m.find()) {
            String name = m.group(1);
            boolean toParam = name.startsWith("to.");
            Map<String, Set<String>> side = params.getOrDefault((toParam ? q.to() : q.of()).benchmark(), Map.of());
            if (!Findings.FIGURES.contains(name) && !side.containsKey(toParam ? name.substring(3) : name)) {
                problems.add(where + ": the sentence's {" + name + "} is neither a figure " + Findings.FIGURES
                        + " nor a parameter of its row");
            }
        }
    }

    private static void row(RowSpec spec, Map<String, Map<String, Set<String>>> all, List<String> notFastest,
            String where, List<String> problems, boolean mayBeFastest) {
        Map<String, Set<String>> params = all.get(spec.benchmark());
        if (params == null) {
            problems.add(where + ": no benchmark " + spec.benchmark());
            return;
        }
        spec.params().forEach((name, value) -> {
            Set<String> values = params.get(name);
            if (values == null) {
                problems.add(where + ": " + spec.benchmark() + " has no parameter " + name + " (it has "
                        + params.keySet() + ")");
            } else if (value.equals(RowSpec.FASTEST) ? !mayBeFastest : !values.contains(value)) {
                problems.add(where + ": " + name + "=" + value + " is not a value " + spec.benchmark() + " runs ("
                        + values + ")");
            }
        });
        spec.perParam().filter(p -> !params.containsKey(p))
                .ifPresent(p -> problems.add(where + ": " + spec.benchmark() + " has no parameter " + p + " to divide by"));
        spec.fastestOf().ifPresent(p -> notFastest.stream().filter(v -> !params.getOrDefault(p, Set.of()).contains(v))
                .forEach(v -> problems.add(where + ": notFastest " + v + " is not a value of " + p)));
    }
}
