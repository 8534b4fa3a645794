package dev.taskbench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Which benchmarks run with which iteration settings: one JMH invocation (pass) per distinct
 * plan. The rule (see {@link Profile}): the user's {@code -wi/-w/-i/-r} win; a measuring profile
 * keeps what a class declares with JMH's own {@code @Warmup}/{@code @Measurement} and fills in the
 * rest; smoke and steady replace declared warmups (smoke only proves things run, steady measures
 * the warm-up) but keep a declared single-shot measurement plan. Forks are always the profile's
 * (or the user's {@code -f}). {@link #notes()} says, once per run, where what runs differs from what a class declares.
 */
public record PassPlan(Map<Iterations, List<String>> passes, List<String> leftOut, List<String> notes) {

    /**
     * The iteration settings of one pass, and the parameter values it pins (the standard profile's
     * core rows, {@link CoreRows}; empty: every value).
     */
    public record Iterations(int warmupIterations, TimeValue warmupTime, int measurementIterations,
            TimeValue measurementTime, Map<String, List<String>> params) {
        public Iterations {
            params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        }

        Iterations(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime) {
            this(warmupIterations, warmupTime, measurementIterations, measurementTime, Map.of());
        }

        static Iterations of(Profile p) {
            return new Iterations(p.warmupIterations(), TimeValue.fromString(p.warmupTime()),
                    p.measurementIterations(), TimeValue.fromString(p.measurementTime()));
        }

        Iterations pinning(Map<String, List<String>> pins) {
            return new Iterations(warmupIterations, warmupTime, measurementIterations, measurementTime, pins);
        }

        String warmup() {
            return warmupIterations + " x " + warmupTime;
        }

        String measurement() {
            return measurementIterations + " x " + measurementTime;
        }
    }

    public PassPlan {
        passes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(passes));
        leftOut = List.copyOf(leftOut);
        notes = List.copyOf(notes);
    }

    /** Plans the selected benchmarks, every row of each, under this profile and the user's JMH options. */
    public static PassPlan plan(Profile profile, CommandLineOptions user, List<BenchmarkListEntry> selected) {
        return plan(profile, user, selected, false);
    }

    /**
     * Plans the selected benchmarks under this profile and the user's JMH options; when the
     * selection is the whole suite and the profile runs core rows only, each class's declared
     * {@link dev.taskbench.declare.Standard} rows.
     */
    public static PassPlan plan(Profile profile, CommandLineOptions user, List<BenchmarkListEntry> selected,
            boolean wholeSuite) {
        boolean core = wholeSuite && profile.coreRowsOnly();
        Map<Iterations, List<String>> passes = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        Map<String, TreeSet<String>> differences = new LinkedHashMap<>();
        int rows = 0;
        int coreRows = 0;
        for (BenchmarkListEntry e : selected) {
            Map<String, List<String>> pins = Map.of();
            if (core) {
                rows += CoreRows.rows(e, Map.of());
                java.util.Optional<Map<String, List<String>>> declared = CoreRows.pins(e);
                if (declared.isEmpty()) {
                    leftOut.add(e.getUsername());
                    continue;
                }
                pins = unpinnedByUser(declared.get(), user);
                coreRows += CoreRows.rows(e, pins);
            }
            Iterations runs = runs(profile, user, e).pinning(pins);
            passes.computeIfAbsent(runs, k -> new ArrayList<>()).add(e.getUsername());
            for (String d : differences(profile, user, e, runs)) {
                differences.computeIfAbsent(d, k -> new TreeSet<>()).add(simpleName(e.getUserClassQName()));
            }
        }
        List<String> notes = new ArrayList<>();
        if (core && coreRows < rows) {
            notes.add(profile.id() + ": the declared core rows of the suite, " + coreRows + " of " + rows
                    + " (-Dtaskbench.profile=full, or -Djmh.include naming a benchmark, runs every row)");
        }
        differences.forEach((what, classes) -> notes.add(what + " of " + classes.size() + " class"
                + (classes.size() == 1 ? "" : "es") + " (" + String.join(", ", classes) + ")"));
        return new PassPlan(passes, leftOut, notes);
    }

    /** A parameter the user set with {@code -p} is theirs: the core rows do not pin it. */
    private static Map<String, List<String>> unpinnedByUser(Map<String, List<String>> pins, CommandLineOptions user) {
        Map<String, List<String>> out = new LinkedHashMap<>(pins);
        out.keySet().removeIf(name -> user.getParameter(name).hasValue());
        return out;
    }

    /** What one benchmark runs with. */
    static Iterations runs(Profile profile, CommandLineOptions user, BenchmarkListEntry e) {
        Iterations p = Iterations.of(profile);
        boolean keepWarmup = profile.keepsDeclaredPlans();
        boolean keepMeasurement = profile.keepsDeclaredPlans() || e.getMode() == Mode.SingleShotTime;
        return new Iterations(
                user.getWarmupIterations().orElse(keepWarmup ? e.getWarmupIterations().orElse(p.warmupIterations())
                        : p.warmupIterations()),
                user.getWarmupTime().orElse(keepWarmup ? e.getWarmupTime().orElse(p.warmupTime()) : p.warmupTime()),
                user.getMeasurementIterations().orElse(keepMeasurement
                        ? e.getMeasurementIterations().orElse(p.measurementIterations()) : p.measurementIterations()),
                user.getMeasurementTime().orElse(keepMeasurement
                        ? e.getMeasurementTime().orElse(p.measurementTime()) : p.measurementTime()));
    }

    private static List<String> differences(Profile profile, CommandLineOptions user, BenchmarkListEntry e,
            Iterations runs) {
        Iterations p = Iterations.of(profile);
        List<String> out = new ArrayList<>();
        if (e.getWarmupIterations().hasValue() || e.getWarmupTime().hasValue()) {
            String declared = e.getWarmupIterations().orElse(runs.warmupIterations()) + " x "
                    + e.getWarmupTime().orElse(runs.warmupTime());
            boolean yours = user.getWarmupIterations().hasValue() || user.getWarmupTime().hasValue();
            String who = yours ? "your -wi/-w" : profile.id();
            String skips = !yours && profile == Profile.STEADY ? ": measures from the first iteration, skipping"
                    : ": skips";
            if (!declared.equals(runs.warmup())) {
                out.add(runs.warmupIterations() == 0 ? who + skips + " the declared " + declared + " warmup"
                        : who + ": runs " + runs.warmup() + " instead of the declared " + declared + " warmup");
            }
        }
        if (e.getMeasurementIterations().hasValue() || e.getMeasurementTime().hasValue()) {
            String declared = e.getMeasurementIterations().orElse(runs.measurementIterations()) + " x "
                    + e.getMeasurementTime().orElse(runs.measurementTime());
            String who = user.getMeasurementIterations().hasValue() || user.getMeasurementTime().hasValue()
                    ? "your -i/-r" : profile.id();
            if (!declared.equals(runs.measurement())) {
                out.add(who + ": measures " + runs.measurement() + " instead of the declared " + declared);
            }
        }
        int forks = user.getForkCount().orElse(profile.forks());
        if (e.getForks().hasValue() && e.getForks().get() != forks) {
            out.add("forks are the " + (user.getForkCount().hasValue() ? "-f you gave" : "profile's") + " (" + forks
                    + "), not the declared @Fork(" + e.getForks().get() + ")");
        }
        return out;
    }

    /**
     * The exclude patterns that leave exactly this pass's benchmarks of the selection; a benchmark whose rows
     * are split over passes by their parameters ({@link HistoryPlan}) stays in each, its pins choosing its rows.
     */
    public List<String> excludesFor(Iterations pass) {
        List<String> mine = passes.getOrDefault(pass, List.of());
        List<String> out = new ArrayList<>();
        leftOut.forEach(n -> out.add("^" + Pattern.quote(n) + "$"));
        passes.forEach((it, names) -> names.stream().filter(n -> !it.equals(pass) && !mine.contains(n))
                .distinct().forEach(n -> out.add("^" + Pattern.quote(n) + "$")));
        return out.stream().distinct().toList();
    }

    /** The pass that runs this row of {@code benchmark}: it holds the benchmark and its pins admit the row. */
    java.util.Optional<Iterations> of(String benchmark, Map<String, String> params) {
        return passes.entrySet().stream().filter(p -> p.getValue().contains(benchmark)
                && admits(p.getKey().params(), params)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether a row of these parameters is among those the pins leave (an unpinned parameter leaves every value). */
    static boolean admits(Map<String, List<String>> pins, Map<String, String> params) {
        return pins.entrySet().stream().allMatch(p -> !params.containsKey(p.getKey())
                || p.getValue().contains(params.get(p.getKey())));
    }

    private static String simpleName(String qName) {
        return qName.substring(qName.lastIndexOf('.') + 1);
    }
}
