package dev.taskbench.runner;

import dev.taskbench.Spans;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.history.ForkStops;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.ShardMerge;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * A run split into shards of about equal planned time ({@code -Dtaskbench.shard=K/N}), so that runners that each run
 * one shard finish together. A unit is a benchmark method in a flag set; its time is what {@link RunClock} plans for
 * its rows' forks (from earlier runs of the testbed, else from the profile) and the forks predicted beyond them
 * ({@link ExtraForks}). Units go longest first to the shard with the least time so far (Graham's LPT), ties by name
 * and shard number: every runner given the same run and results folder computes the same split without talking to
 * the others.
 */
final class ShardPlan {
    /** The metadata key of the shard a run ran. */
    static final String METADATA_KEY = ShardMerge.SHARD_KEY;
    /** The split's digest length: enough to tell two splits apart. */
    private static final int DIGEST_BYTES = 8;
    private static final Comparator<Unit> LONGEST_FIRST = Comparator.comparingDouble(Unit::seconds).reversed()
            .thenComparing(Unit::name);

    /** A benchmark method in a flag set, and the time its forks are planned to take. */
    record Unit(String flagSet, String benchmark, double seconds) {
        String name() {
            return flagSet + " " + benchmark;
        }
    }

    /** A run narrowed to its shard: its plan, its rows' plans, and the shard as the metadata keeps it (empty: none). */
    record Narrowed(RunPlan plan, HistoryPlan history, Map<String, Object> metadata) {
    }

    private final List<List<Unit>> shards;

    private ShardPlan(List<List<Unit>> shards) {
        this.shards = shards.stream().map(List::copyOf).toList();
    }

    /**
     * The run as {@code -Dtaskbench.shard=K/N} narrows it, its shard said on {@code out}; without it, the whole run.
     * A shard with nothing to run is a one-line error.
     */
    static Narrowed narrow(RunSettings settings, CommandLineOptions user, RunPlan plan, HistoryPlan history,
            RowTestbeds testbeds, PrintStream out) {
        if (settings.shard().isEmpty()) {
            return new Narrowed(plan, history, Map.of());
        }
        Shard k = settings.shard().get();
        ShardPlan shards = of(settings, user, plan, history, testbeds, k.of());
        Map<String, Set<String>> units = shards.flagSets(k);
        shards.say(k, out);
        return new Narrowed(plan.only(units), history.only(units), shards.metadata(k));
    }

    /** The run's units, each at its planned time, split into {@code shards}. */
    static ShardPlan of(RunSettings settings, CommandLineOptions user, RunPlan plan, HistoryPlan history,
            RowTestbeds testbeds, int shards) {
        List<RunClock.Rows> rows = RunClock.planned(RunClock.rows(plan, user, testbeds), history);
        RunClock.Estimate e = RunClock.estimate(rows, plan.baseline() != null ? 2 : 1, plan.flagSets().size(),
                ForkTimes.read(settings.resultsRoot()));
        ForkStops stops = ForkStops.read(settings.resultsRoot());
        Map<String, Unit> units = new TreeMap<>();
        for (RunClock.Timed t : e.planned()) {
            Unit u = new Unit(t.rows().flagSet(), t.rows().benchmark(), t.forks(e.sides()) * t.forkSeconds());
            units.merge(u.name(), u, (a, b) -> new Unit(a.flagSet(), a.benchmark(), a.seconds() + b.seconds()));
        }
        List<Unit> costed = units.values().stream().map(u -> new Unit(u.flagSet(), u.benchmark(), u.seconds()
                + RunClock.beyond(plan, settings.adaptiveForks(), rowsOf(history, u), e, stops).seconds())).toList();
        return split(costed, shards);
    }

    private static List<HistoryPlan.Row> rowsOf(HistoryPlan history, Unit u) {
        return history.rows().stream().filter(r -> r.flagSet().equals(u.flagSet())
                && r.key().benchmark().equals(u.benchmark())).toList();
    }

    /** Longest processing time first: each unit, longest first, to the shard with the least time so far. */
    static ShardPlan split(Collection<Unit> units, int n) {
        List<List<Unit>> shards = new ArrayList<>();
        double[] load = new double[n];
        for (int i = 0; i < n; i++) {
            shards.add(new ArrayList<>());
        }
        for (Unit u : units.stream().sorted(LONGEST_FIRST).toList()) {
            int least = 0;
            for (int i = 1; i < n; i++) {
                least = load[i] < load[least] ? i : least;
            }
            shards.get(least).add(u);
            load[least] += u.seconds();
        }
        return new ShardPlan(shards);
    }

    /** Shard {@code k} (from 1)'s units, longest first. */
    List<Unit> units(int k) {
        return shards.get(k - 1);
    }

    /** Shard {@code k}'s units as the run plan keeps them: per flag set, its benchmarks; an empty shard is refused. */
    Map<String, Set<String>> flagSets(Shard shard) {
        if (units(shard.index()).isEmpty()) {
            int all = shards.stream().mapToInt(List::size).sum();
            throw new TaskbenchException("-D" + SettingsCatalogue.SHARD.key() + "=" + shard
                    + " has nothing to run: the run has " + all + " unit" + (all == 1 ? "" : "s")
                    + " (a benchmark method in a flag set), fewer than " + shard.of() + " shards");
        }
        Map<String, Set<String>> out = new TreeMap<>();
        units(shard.index()).forEach(u -> out.computeIfAbsent(u.flagSet(), x -> new TreeSet<>()).add(u.benchmark()));
        return out;
    }

    /** The shard's line, then per flag set the benchmarks it runs: {@code taskbench:   c2: Class.method, ...}. */
    void say(Shard shard, PrintStream out) {
        out.println(line(shard));
        flagSets(shard).forEach((set, benchmarks) -> out.println("taskbench:   " + set + ": " + String.join(", ",
                benchmarks.stream().map(ShardPlan::shortName).toList())));
    }

    /** {@code Class.method} of {@code package.Class.method}. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    /** Shard {@code k}'s planned time. */
    double seconds(int k) {
        return units(k).stream().mapToDouble(Unit::seconds).sum();
    }

    /** {@code taskbench: shard 2 of 4: 31 units, about 12 min; the shards' planned times 12, 12, 11, 12 min}. */
    String line(Shard shard) {
        int n = units(shard.index()).size();
        return "taskbench: shard " + shard.index() + " of " + shard.of() + ": " + n + " unit" + (n == 1 ? "" : "s")
                + ", about " + Spans.about(seconds(shard.index())) + "; the shards' planned times " + times();
    }

    /** Each shard's planned time, in one unit: {@code 12, 12, 11, 12 min} (seconds when every one is under a minute). */
    private String times() {
        boolean minutes = shards.stream().anyMatch(s -> sum(s) >= 60);
        List<String> each = shards.stream().map(s -> String.valueOf(Math.round(minutes ? sum(s) / 60 : sum(s))))
                .toList();
        return String.join(", ", each) + (minutes ? " min" : " s");
    }

    private static double sum(List<Unit> units) {
        return units.stream().mapToDouble(Unit::seconds).sum();
    }

    /** What the metadata keeps: which shard, of how many, its units and every shard's planned time. */
    Map<String, Object> metadata(Shard shard) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", shard.index());
        m.put("of", shard.of());
        m.put("units", units(shard.index()).stream().map(Unit::name).toList());
        m.put("plannedSeconds", shards.stream().map(s -> Math.round(sum(s))).toList());
        m.put(ShardMerge.SPLIT_KEY, digest());
        return m;
    }

    /** The whole split in a few hex digits: shards that planned alike have the same, which the merge checks. */
    String digest() {
        StringBuilder all = new StringBuilder();
        shards.forEach(s -> all.append(String.join(";", s.stream().map(Unit::name).toList())).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
