package dev.taskbench.jit;

import dev.taskbench.jit.JitEvents.Compilation;
import dev.taskbench.jit.JitEvents.Deopt;
import dev.taskbench.jit.JitEvents.Inlining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the JIT did differently in a fast fork and a slow fork of one row: a short table, one line
 * per difference, the methods the two forks' CPU samples spend most in first. A bimodal row's two
 * levels usually come from one such difference (a callee inlined in one fork and too large in the
 * other, a loop left to its OSR compilation, a deoptimization storm), and the table names it.
 *
 * <p>Kinds of difference, each between the two forks: a method compiled in one and never in the
 * other; compiled only on stack replacement in one; a different highest tier (C1 levels 1 to 3,
 * C2 level 4); deoptimized in one (or far more often); an inlining decision for the same caller and
 * callee, at the same tier, that succeeded in one and failed in the other, with the JIT's message.
 *
 * <p>Only methods that matter are compared: those in either fork's sampled stacks, and those of
 * the benchmark's own package (the JDK compiles thousands of methods no sample ever sees). Pure:
 * the events come in as values ({@link JfrJit} reads them).
 */
public final class JitDiff {
    /** The most lines a table keeps; the rest are counted. */
    public static final int MAX_LINES = 12;
    /** The C2 tier. */
    static final int C2 = 4;
    /** Deoptimizations differ when one fork has none, or this many times the other's. */
    static final int DEOPT_RATIO = 2;
    private static final Pattern ANNOTATION = Pattern.compile("_\\[[a-z0-9]+\\]$");

    /** What differs. */
    public enum Kind {
        INLINING, DEOPT, OSR, TIER, COMPILED
    }

    /**
     * One difference.
     *
     * @param method the method, or {@code callee into caller} for an inlining decision, without package
     * @param weight the share of both forks' samples in the method (0 to 2): how much it can matter
     */
    public record Line(Kind kind, String method, String fast, String slow, double weight) {
        /** "FormParser.decode into FormParser.parse | inlined (C2) | not inlined: callee is too large". */
        public String text() {
            return method + " | " + fast + " | " + slow;
        }
    }

    /** The lines kept, most relevant first, and how many more there were. */
    public record Table(List<Line> lines, int more) {
        public Table {
            lines = List.copyOf(lines);
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    /** One fork: its events and how often each method was on a sampled stack. */
    public record Fork(JitEvents events, Map<String, Long> stacks) {
        public Fork {
            stacks = Map.copyOf(stacks);
        }
    }

    private final Fork fast;
    private final Fork slow;
    private final String ownPackage;
    private final Map<String, Double> weights;

    private JitDiff(Fork fast, Fork slow, String ownPackage) {
        this.fast = fast;
        this.slow = slow;
        this.ownPackage = ownPackage;
        this.weights = new HashMap<>(shares(fast.stacks(), ownPackage));
        shares(slow.stacks(), ownPackage).forEach((m, s) -> weights.merge(m, s, Double::sum));
    }

    /**
     * The differences between the fast and the slow fork, at most {@value #MAX_LINES}.
     *
     * @param ownPackage the benchmark's package ({@code dev.taskbench.form}): its methods count even unsampled
     */
    public static Table of(Fork fast, Fork slow, String ownPackage) {
        return of(fast, slow, ownPackage, MAX_LINES);
    }

    public static Table of(Fork fast, Fork slow, String ownPackage, int max) {
        List<Line> all = new JitDiff(fast, slow, ownPackage).lines();
        return new Table(all.stream().limit(max).toList(), Math.max(0, all.size() - max));
    }

    private List<Line> lines() {
        List<Line> out = new ArrayList<>();
        Map<String, Tiers> f = tiers(fast.events());
        Map<String, Tiers> s = tiers(slow.events());
        Set<String> compiled = new TreeSet<>(f.keySet());
        compiled.addAll(s.keySet());
        compiled.stream().filter(this::relevant).forEach(m -> compilation(m, f.get(m), s.get(m)).ifPresent(out::add));
        deopts(out);
        inlinings(out);
        out.sort(Comparator.comparingDouble(Line::weight).reversed().thenComparing(Line::kind)
                .thenComparing(Line::method));
        return out;
    }

    // ---- compilations

    /** A method's highest tiers in one fork, with when each was first reached; 0 for none. */
    private record Tiers(int normal, long normalAt, int osr, long osrAt) {
        Tiers with(Compilation c) {
            if (c.osr()) {
                return c.level() > osr ? new Tiers(normal, normalAt, c.level(), c.atMillis()) : this;
            }
            return c.level() > normal ? new Tiers(c.level(), c.atMillis(), osr, osrAt) : this;
        }

        String describe() {
            if (normal == 0) {
                return "OSR only, " + tier(osr) + at(osrAt);
            }
            return tier(normal) + at(normalAt) + (osr > 0 ? ", OSR " + tier(osr) : "");
        }
    }

    private static Map<String, Tiers> tiers(JitEvents e) {
        Map<String, Tiers> out = new HashMap<>();
        e.compilations().stream().filter(Compilation::succeeded).sorted(Comparator.comparingLong(Compilation::atMillis))
                .forEach(c -> out.put(c.method(), out.getOrDefault(c.method(), new Tiers(0, 0, 0, 0)).with(c)));
        return out;
    }

    private Optional<Line> compilation(String m, Tiers f, Tiers s) {
        if (f == null || s == null) {
            return Optional.of(line(Kind.COMPILED, m, f == null ? "never compiled" : f.describe(),
                    s == null ? "never compiled" : s.describe()));
        }
        if ((f.normal() == 0) != (s.normal() == 0)) {
            return Optional.of(line(Kind.OSR, m, f.describe(), s.describe()));
        }
        if (f.normal() != s.normal() || f.normal() == 0 && f.osr() != s.osr()) {
            return Optional.of(line(Kind.TIER, m, f.describe(), s.describe()));
        }
        return Optional.empty();
    }

    static String tier(int level) {
        return level >= C2 ? "C2" : "C1 level " + level;
    }

    static String at(long millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, " at %.1f s", millis / 1000.0) : " at " + millis + " ms";
    }

    // ---- deoptimizations

    private void deopts(List<Line> out) {
        Map<String, List<Deopt>> f = byMethod(fast.events().deopts(), Deopt::method);
        Map<String, List<Deopt>> s = byMethod(slow.events().deopts(), Deopt::method);
        Set<String> methods = new TreeSet<>(f.keySet());
        methods.addAll(s.keySet());
        for (String m : methods) {
            int a = f.getOrDefault(m, List.of()).size();
            int b = s.getOrDefault(m, List.of()).size();
            if (relevant(m) && a != b && (Math.min(a, b) == 0 || Math.max(a, b) >= DEOPT_RATIO * Math.min(a, b))) {
                out.add(line(Kind.DEOPT, m, describe(f.get(m)), describe(s.get(m))));
            }
        }
    }

    /** "3 deopts: unstable_if (reinterpret)", the commonest reasons first; "no deopt". */
    static String describe(List<Deopt> d) {
        if (d == null || d.isEmpty()) {
            return "no deopt";
        }
        Map<String, Long> why = d.stream().collect(Collectors.groupingBy(x -> x.reason() + " (" + x.action() + ")",
                TreeMap::new, Collectors.counting()));
        String reasons = why.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).collect(Collectors.joining(", "));
        return d.size() + (d.size() == 1 ? " deopt: " : " deopts: ") + reasons + (why.size() > 2 ? ", ..." : "");
    }

    // ---- inlining

    /** A caller and callee's decisions at the highest tier that made any, in one fork. */
    private record Decision(int level, int inlined, int refused, String why) {
        boolean always() {
            return refused == 0;
        }

        boolean never() {
            return inlined == 0;
        }

        String describe() {
            if (always()) {
                return "inlined (" + tier(level) + ")";
            }
            String not = never() ? "not inlined" : "inlined " + inlined + " of " + (inlined + refused) + " times";
            return not + " (" + tier(level) + "): " + why;
        }
    }

    private void inlinings(List<Line> out) {
        Map<String, Decision> f = decisions(fast.events());
        Map<String, Decision> s = decisions(slow.events());
        for (Map.Entry<String, Decision> e : new TreeMap<>(f).entrySet()) {
            Decision a = e.getValue();
            Decision b = s.get(e.getKey());
            String[] pair = e.getKey().split("\u0000", 2);
            if (b == null || a.level() != b.level() || a.always() == b.always() && a.never() == b.never()
                    || !relevant(pair[0]) && !relevant(pair[1])) {
                continue;
            }
            double w = Math.max(weight(pair[0]), weight(pair[1]));
            out.add(new Line(Kind.INLINING, shortName(pair[1]) + " into " + shortName(pair[0]), a.describe(),
                    b.describe(), w));
        }
    }

    private static Map<String, Decision> decisions(JitEvents e) {
        Map<Integer, Integer> levels = new HashMap<>();
        e.compilations().forEach(c -> levels.put(c.compileId(), c.level()));
        Map<String, List<Inlining>> byPair = byMethod(e.inlinings(), i -> i.caller() + "\u0000" + i.callee());
        Map<String, Decision> out = new HashMap<>();
        byPair.forEach((pair, all) -> {
            int top = all.stream().mapToInt(i -> levels.getOrDefault(i.compileId(), 0)).max().orElse(0);
            List<Inlining> at = all.stream().filter(i -> levels.getOrDefault(i.compileId(), 0) == top).toList();
            int inlined = (int) at.stream().filter(Inlining::succeeded).count();
            String why = at.stream().filter(i -> !i.succeeded()).collect(Collectors.groupingBy(
                    i -> Objects.requireNonNullElse(i.message(), "no reason given"), TreeMap::new,
                    Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("");
            out.put(pair, new Decision(top, inlined, at.size() - inlined, why));
        });
        return out;
    }

    // ---- relevance

    /**
     * Per method, the share of samples whose stack holds it (once a stack), from the stack's first
     * frame in {@code ownPackage} up: the harness below a benchmark (a thread pool, reflection,
     * JMH's runner) is on every stack and compiled however it happens to be.
     */
    static Map<String, Double> shares(Map<String, Long> stacks, String ownPackage) {
        long total = stacks.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> out = new HashMap<>();
        if (total == 0) {
            return out;
        }
        stacks.forEach((stack, n) -> {
            Set<String> seen = new HashSet<>();
            List<String> frames = Arrays.stream(stack.split(";")).map(JitDiff::frame).toList();
            for (String m : frames.subList(firstOwn(frames, ownPackage), frames.size())) {
                if (seen.add(m)) {
                    out.merge(m, n / (double) total, Double::sum);
                }
            }
        });
        return out;
    }

    /** The index of the stack's first frame in {@code ownPackage}; 0 when none is. */
    private static int firstOwn(List<String> frames, String ownPackage) {
        for (int i = 0; i < frames.size() && !ownPackage.isEmpty(); i++) {
            if (frames.get(i).startsWith(ownPackage + ".")) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A collapsed-stack frame as a method name: {@code dev/x/A.m_[j]} and {@code dev.x.A.m(I)V}
     * both read {@code dev.x.A.m}.
     */
    static String frame(String frame) {
        String f = ANNOTATION.matcher(frame.strip()).replaceFirst("");
        int paren = f.indexOf('(');
        return (paren > 0 ? f.substring(0, paren) : f).replace('/', '.');
    }

    private boolean relevant(String method) {
        return weight(method) > 0 || !ownPackage.isEmpty() && method.startsWith(ownPackage + ".");
    }

    private double weight(String method) {
        return weights.getOrDefault(method, 0.0);
    }

    private Line line(Kind kind, String method, String fastCell, String slowCell) {
        return new Line(kind, shortName(method), fastCell, slowCell, weight(method));
    }

    /** {@code dev.taskbench.form.FormParser.decode} reads {@code FormParser.decode}. */
    static String shortName(String method) {
        int dot = method.lastIndexOf('.');
        if (dot <= 0) {
            return method;
        }
        int cls = method.lastIndexOf('.', dot - 1);
        return method.substring(cls + 1);
    }

    private static <T> Map<String, List<T>> byMethod(List<T> all, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        all.forEach(x -> out.computeIfAbsent(key.apply(x), k -> new ArrayList<>()).add(x));
        return out;
    }
}
