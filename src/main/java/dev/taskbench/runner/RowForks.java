package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One fork of some rows of one benchmark method, in its pass's iterations, over a parameter product
 * that holds those rows and no other: what a fork pair for undecided rows ({@link AdaptiveForks}),
 * one more fork for rows whose stop rule does not hold yet ({@link RowStops}) and the profiles of
 * SLOWER rows ({@link FlameGraphs}) run. JMH forks every combination of the values it is given, so
 * rows that differ in two parameters are split into products that are exactly theirs
 * ({@link #exactProducts}): one product over all of them would fork decided rows too.
 */
final class RowForks {
    private final RunRequest request;
    private final CommandLineOptions user;
    private final RunPlan plan;

    RowForks(RunRequest request, CommandLineOptions user, RunPlan plan) {
        this.request = request;
        this.user = user;
        this.plan = plan;
    }

    /**
     * Rows grouped by their benchmark method and the pass that runs them, in the order they come: a method
     * whose rows plan differently ({@link HistoryPlan}) runs each plan's rows apart, so a fork of some
     * rows never catches a row of another plan in its parameter product.
     */
    static Collection<List<BenchmarkKey>> byPass(List<BenchmarkKey> rows, PassPlan passes) {
        Map<List<Object>, List<BenchmarkKey>> out = new LinkedHashMap<>();
        rows.forEach(row -> out.computeIfAbsent(List.of(row.benchmark(), passes.of(row.benchmark(), row.params())),
                k -> new ArrayList<>()).add(row));
        return out.values().stream().flatMap(group -> exactProducts(group).stream()).toList();
    }

    /**
     * Rows of one method split into the fewest groups this finds whose parameter product ({@link #paramProduct}) is
     * exactly the group: one parameter varies inside a group and the others are fixed, the parameter chosen that
     * gives the fewest groups; with two parameters, groups whose varying values are the same are joined (their
     * product is still exactly theirs). One JMH invocation each.
     */
    static List<List<BenchmarkKey>> exactProducts(List<BenchmarkKey> rows) {
        Map<String, Set<String>> product = paramProduct(rows);
        if (product.values().stream().mapToInt(Set::size).reduce(1, (a, b) -> a * b) == rows.size()) {
            return List.of(rows); // already exactly theirs (distinct rows fill their product)
        }
        Set<String> names = product.keySet();
        if (names.size() <= 1) {
            return List.of(rows); // one parameter (or none): its product is its values, the rows' modes aside
        }
        List<List<BenchmarkKey>> best = null;
        for (String vary : names) {
            Map<Map<String, String>, List<BenchmarkKey>> byOthers = new LinkedHashMap<>();
            rows.forEach(r -> byOthers.computeIfAbsent(without(r.params(), vary), k -> new ArrayList<>()).add(r));
            List<List<BenchmarkKey>> groups = names.size() == 2 ? joinSameValues(byOthers.values(), vary)
                    : List.copyOf(byOthers.values());
            if (best == null || groups.size() < best.size()) {
                best = groups;
            }
        }
        return best;
    }

    private static Map<String, String> without(Map<String, String> params, String name) {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove(name);
        return rest;
    }

    /** Groups that vary {@code vary} over the same values, joined: with one other parameter, still exact. */
    private static List<List<BenchmarkKey>> joinSameValues(Collection<List<BenchmarkKey>> groups, String vary) {
        Map<Set<String>, List<BenchmarkKey>> out = new LinkedHashMap<>();
        for (List<BenchmarkKey> g : groups) {
            Set<String> values = new java.util.TreeSet<>();
            g.forEach(r -> values.add(r.params().get(vary)));
            out.computeIfAbsent(values, k -> new ArrayList<>()).addAll(g);
        }
        return List.copyOf(out.values());
    }

    /** "FormParsingBenchmark.decode [...] avgt t1", or "FormParsingBenchmark.decode (3 rows)". */
    static String name(List<BenchmarkKey> rows) {
        return rows.size() == 1 ? rows.get(0).label() : rows.get(0).shortName() + " (" + rows.size() + " rows)";
    }

    /** Per parameter, the values the rows hold: the smallest product JMH can run that has every row. */
    static Map<String, Set<String>> paramProduct(List<BenchmarkKey> rows) {
        Map<String, Set<String>> values = new TreeMap<>();
        rows.forEach(r -> r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
        return values;
    }

    /** One fork of one method of the selection, in the iterations of the pass that runs the row of these parameters. */
    JmhOptionsFactory.Pass pass(Planned p, String method, Map<String, String> params, String ceiling) {
        PassPlan.Iterations it = plan.passes().of(method, params)
                .orElseThrow(() -> new TaskbenchException("no pass holds " + method + " " + params));
        List<String> others = plan.selected().stream().map(BenchmarkListEntry::getUsername)
                .filter(n -> !n.equals(method)).map(n -> "^" + Pattern.quote(n) + "$").toList();
        return new JmhOptionsFactory.Pass(p.flagSet(), p.java(), 1, others, it, ceiling);
    }

    /** The pass's options with every parameter pinned to these values. */
    Options options(JmhOptionsFactory.Pass pass, List<String> forkArgs, Map<String, Set<String>> params) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(JmhOptionsFactory.build(request, user, pass, forkArgs));
        params.forEach((k, v) -> b.param(k, v.toArray(String[]::new)));
        return b.build();
    }
}
