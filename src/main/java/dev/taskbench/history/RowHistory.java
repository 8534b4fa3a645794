package dev.taskbench.history;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.WarmupPlan;
import dev.taskbench.stability.RowStability;
import dev.taskbench.stability.RowSteadiness;
import dev.taskbench.stability.SteadyState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What earlier runs under a results folder say of each row on the testbed it depends on
 * ({@link RowTestbeds}): how its variance split between forks and iterations in the newest
 * standard and full runs ({@link VarianceSplit}), and when its forks were warm in the newest
 * steady run, read from their iterations ({@link SteadyState#warmIteration}). Folders are found as the history finds them (no unfinished,
 * comparison or interleaved-baseline folders); a copy of a run already read, or a folder that
 * cannot be read, is skipped with one line.
 */
public final class RowHistory {
    /** None: every row is planned from the profile. */
    public static final RowHistory NONE = new RowHistory(Map.of(), Map.of());
    /** The newest runs a row's variance split is pooled from: recent enough to be this code's. */
    static final int SPLIT_RUNS = 5;
    /** The profiles whose forks measure what a plan repeats. */
    private static final Set<String> MEASURING = Set.of("standard", "full");
    private static final String STEADY = "steady";
    private static final String SINGLE_SHOT = "ss";
    /** The steady profile's iteration, for a steady run that recorded none. */
    private static final double STEADY_ITERATION_SECONDS = 0.1;

    /** A row on a testbed. */
    record Key(String testbed, RowKey row) {
    }

    /** A row's variance split and the runs it is pooled from, newest first. */
    public record Split(VarianceSplit split, List<String> runs) {
        public Split {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A row's forks in the newest steady run holding it.
     *
     * @param warmAfter for each fork that reached its warm state, the seconds from its start to it
     * @param forks all its forks, warm or not
     * @param iterationSeconds one iteration of that run: how finely it saw the warm state start
     */
    public record Steadiness(String runId, List<Double> warmAfter, int forks, double iterationSeconds) {
        public Steadiness {
            warmAfter = List.copyOf(warmAfter);
        }
    }

    private record Dated<T>(Instant started, String runId, T value) {
    }

    private final Map<Key, List<Dated<VarianceSplit.Run>>> splits;
    private final Map<Key, Dated<Steadiness>> steady;

    private RowHistory(Map<Key, List<Dated<VarianceSplit.Run>>> splits, Map<Key, Dated<Steadiness>> steady) {
        this.splits = Map.copyOf(splits);
        this.steady = Map.copyOf(steady);
    }

    /** The rows of every run under {@code root}; none when there is no such folder. Skipped folders are said on {@code err}. */
    public static RowHistory read(Path root, PrintStream err) {
        if (!Files.isDirectory(root)) {
            return NONE;
        }
        Map<Key, List<Dated<VarianceSplit.Run>>> splits = new HashMap<>();
        Map<Key, Dated<Steadiness>> steady = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path folder : RunHistory.runFolders(root)) {
            try {
                RunResults run = RunResults.read(folder);
                if (!seen.add(run.runId())) {
                    err.println("taskbench: plan: " + folder + " holds run " + run.runId() + " again; skipping it");
                    continue;
                }
                String profile = String.valueOf(run.metadata().get("profile"));
                Instant started = started(run, folder);
                if (MEASURING.contains(profile)) {
                    addSplits(run, started, splits);
                } else if (STEADY.equals(profile)) {
                    addSteadiness(run, started, steady);
                }
            } catch (TaskbenchException | IllegalArgumentException | IOException e) {
                err.println("taskbench: plan: skipping " + root.relativize(folder) + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        splits.values().forEach(l -> l.sort(Comparator.comparing((Dated<VarianceSplit.Run> d) -> d.started())
                .reversed()));
        return new RowHistory(splits, steady);
    }

    /** The row's variance split on {@code testbed}, pooled from the newest runs that hold it; empty without. */
    public Optional<Split> split(String testbed, RowKey row) {
        List<Dated<VarianceSplit.Run>> runs = splits.getOrDefault(new Key(testbed, row), List.of());
        List<Dated<VarianceSplit.Run>> newest = runs.subList(0, Math.min(SPLIT_RUNS, runs.size()));
        return VarianceSplit.pool(newest.stream().map(Dated::value).toList())
                .map(s -> new Split(s, newest.stream().map(Dated::runId).toList()));
    }

    /** The row's forks in the newest steady run on {@code testbed} that holds it; empty without. */
    public Optional<Steadiness> steadiness(String testbed, RowKey row) {
        return Optional.ofNullable(steady.get(new Key(testbed, row))).map(Dated::value);
    }

    private static void addSplits(RunResults run, Instant started, Map<Key, List<Dated<VarianceSplit.Run>>> out) {
        RowTestbeds keys = RowTestbeds.of(run);
        for (BenchmarkResult b : run.results()) {
            if (SINGLE_SHOT.equals(b.key().mode())) {
                continue;
            }
            VarianceSplit.Run.of(b.iterations()).ifPresent(s -> out.computeIfAbsent(new Key(keys.key(
                    b.key().benchmark()), b.row()), k -> new ArrayList<>()).add(new Dated<>(started, run.runId(), s)));
        }
    }

    /** Each row's forks in a steady run, their warm-up ends read from their iterations as the run kept them. */
    private static void addSteadiness(RunResults run, Instant started, Map<Key, Dated<Steadiness>> out) {
        Map<String, WarmupPlan> plans = WarmupPlan.of(run.metadata());
        RowTestbeds keys = RowTestbeds.of(run);
        for (BenchmarkResult b : run.results()) {
            if (SINGLE_SHOT.equals(b.key().mode())) {
                continue;
            }
            WarmupPlan plan = plans.get(b.key().benchmark());
            double each = plan != null ? plan.iterationSeconds() : STEADY_ITERATION_SECONDS;
            RowStability.of(b, each).ifPresent(s -> out.merge(new Key(keys.key(b.key().benchmark()), b.row()),
                    new Dated<>(started, run.runId(), steadiness(run.runId(), s.steadiness(), each)),
                    (x, y) -> x.started().isAfter(y.started()) ? x : y));
        }
    }

    /** The seconds before each fork's warm state ({@link SteadyState#warmIteration}), of the forks that reach one. */
    private static Steadiness steadiness(String runId, RowSteadiness forks, double each) {
        List<Double> warm = forks.forks().stream().map(SteadyState::warmIteration).filter(OptionalInt::isPresent)
                .map(i -> i.getAsInt() * each).toList();
        return new Steadiness(runId, warm, forks.forks().size(), each);
    }

    private static Instant started(RunResults run, Path folder) throws IOException {
        try {
            return run.metadata().get("startedAt") instanceof String s ? Instant.parse(s)
                    : Files.getLastModifiedTime(folder).toInstant();
        } catch (DateTimeParseException e) {
            return Files.getLastModifiedTime(folder).toInstant();
        }
    }
}
