package dev.taskbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A method's rows as parameter products JMH can pin, one invocation each ({@link HistoryPlan#apply}). */
final class PassProducts {
    private PassProducts() {
    }

    /**
     * Rows (each parameter's value) as parameter products that hold exactly them, few: a product JMH can run
     * in one invocation, each parameter pinned to its values. Split by the first parameter with several
     * values, each part in turn, and parts alike but in that parameter joined again.
     */
    static List<Map<String, List<String>>> products(List<Map<String, String>> rows) {
        List<Map<String, String>> distinct = rows.stream().distinct().toList();
        Map<String, List<String>> all = product(distinct);
        long size = all.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (size == distinct.size()) {
            return List.of(all);
        }
        String by = all.entrySet().stream().filter(p -> p.getValue().size() > 1).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
        Map<String, List<Map<String, String>>> parts = new LinkedHashMap<>();
        distinct.forEach(r -> parts.computeIfAbsent(r.get(by), k -> new ArrayList<>()).add(r));
        List<Map<String, List<String>>> out = new ArrayList<>();
        parts.values().forEach(part -> products(part).forEach(piece -> join(out, piece, by)));
        return out;
    }

    /** Each parameter's values in these rows, in the order they come. */
    private static Map<String, List<String>> product(List<Map<String, String>> rows) {
        Map<String, List<String>> out = new TreeMap<>();
        rows.forEach(r -> r.forEach((k, v) -> {
            List<String> values = out.computeIfAbsent(k, x -> new ArrayList<>());
            if (!values.contains(v)) {
                values.add(v);
            }
        }));
        return out;
    }

    /** Adds {@code piece} to a product of {@code out} alike in every parameter but {@code by}, else on its own. */
    private static void join(List<Map<String, List<String>>> out, Map<String, List<String>> piece, String by) {
        for (Map<String, List<String>> p : out) {
            Map<String, List<String>> rest = new TreeMap<>(p);
            rest.remove(by);
            Map<String, List<String>> other = new TreeMap<>(piece);
            other.remove(by);
            if (rest.equals(other)) {
                p.get(by).addAll(piece.get(by));
                return;
            }
        }
        out.add(piece);
    }
}
