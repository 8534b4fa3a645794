package dev.taskbench.history;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.RowStability;
import dev.taskbench.stability.SuspectForks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each row's fork levels in earlier standard and full runs on the testbed that row depends on
 * ({@link RowTestbeds}): what the suspect rule holds a new fork against. Only run folders count, as
 * the history reads them (never an interleaved baseline's folder inside a run, whose build is not
 * the run's); a folder that cannot be read adds nothing.
 */
public final class ForkHistory {
    /** None: no row has a history. */
    public static final ForkHistory NONE = new ForkHistory(null, Map.of());
    /** The profiles whose forks measure a row as a run does: smoke's one short fork and steady's short iterations do not. */
    static final Set<String> PROFILES = Set.of("standard", "full");
    /** Fewer earlier runs than this are no history: one run's forks say what the row itself says. */
    static final int MIN_RUNS = 2;
    /** The most recent runs read: older ones describe a suite that has since changed. */
    static final int MAX_RUNS = 10;

    /** A row on a testbed. */
    private record Key(String testbed, RowKey row) {
    }

    /** One earlier run's levels of one row. */
    private record Levels(Instant started, double[] levels) {
    }

    private final RowTestbeds current;
    private final Map<Key, List<Levels>> rows;

    private ForkHistory(RowTestbeds current, Map<Key, List<Levels>> rows) {
        this.current = current;
        this.rows = Map.copyOf(rows);
    }

    /**
     * The histories under {@code root}, each row keyed on the testbed {@code started} (the run's
     * metadata as it starts) gives it; none when there is no such folder.
     */
    public static ForkHistory read(Path root, Map<String, Object> started) {
        if (!Files.isDirectory(root)) {
            return NONE;
        }
        Map<Key, List<Levels>> rows = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path folder : RunHistory.runFolders(root)) {
            try {
                Map<String, Object> metadata = RunResults.metadataOf(folder);
                if (PROFILES.contains(String.valueOf(metadata.get("profile")))) {
                    add(RunResults.read(folder), seen, rows);
                }
            } catch (TaskbenchException | IllegalArgumentException e) {
                // not a readable run: the history command says so; the suspect rule does without it
            }
        }
        return new ForkHistory(RowTestbeds.of(started), rows);
    }

    private static void add(RunResults run, Set<String> seen, Map<Key, List<Levels>> rows) {
        if (!seen.add(run.runId())) {
            return;
        }
        RowTestbeds keys = RowTestbeds.of(run);
        Instant started = started(run);
        for (BenchmarkResult r : run.results()) {
            double[] levels = levels(r);
            if (levels.length > 0) {
                rows.computeIfAbsent(new Key(keys.key(r.key().benchmark()), r.row()), k -> new ArrayList<>())
                        .add(new Levels(started, levels));
            }
        }
    }

    /** Each fork's level as the suspect rule reads it: the median of its iterations, or its score without them. */
    private static double[] levels(BenchmarkResult r) {
        if (r.iterations().size() != r.forkScores().size() || r.iterations().stream().anyMatch(List::isEmpty)) {
            return r.forks();
        }
        return r.iterations().stream().mapToDouble(f -> RowStability.level(f.stream().mapToDouble(Double::doubleValue)
                .toArray())).toArray();
    }

    private static Instant started(RunResults run) {
        try {
            return Instant.parse(String.valueOf(run.metadata().get("startedAt")));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** The row's levels in its {@value #MAX_RUNS} most recent earlier runs; empty below {@value #MIN_RUNS}. */
    public Optional<SuspectForks.History> of(RowKey row) {
        if (current == null) {
            return Optional.empty();
        }
        List<Levels> runs = new ArrayList<>(rows.getOrDefault(new Key(current.key(row.key().benchmark()), row), List.of()));
        if (runs.size() < MIN_RUNS) {
            return Optional.empty();
        }
        runs.sort(Comparator.comparing(Levels::started).reversed());
        List<Levels> recent = runs.subList(0, Math.min(MAX_RUNS, runs.size()));
        double[] levels = recent.stream().flatMapToDouble(l -> Arrays.stream(l.levels())).toArray();
        return Optional.of(new SuspectForks.History(recent.size(), levels));
    }
}
