package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.stability.RowStability;
import dev.taskbench.stability.SuspectForks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import dev.taskbench.stability.Disturbance;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * What a run's forks measured so far, per flag set: the candidate's JMH results with what the
 * machine did beside each fork ({@link ForkLoad}), the forks a re-run replaced (kept apart, never
 * dropped), the baseline jar's round files with what the machine did beside each of its forks
 * ({@link BaselineForkLoad}), and the flag sets and rows that failed, with why. Only
 * {@link Execution} adds to it, round by round and fork pair by fork pair, and only
 * {@link SuspectReruns} marks a fork replaced; the later phases read it.
 */
final class Measurements {
    private final Map<String, List<RunResult>> results = new LinkedHashMap<>();
    /** Per flag set's file name, the baseline jar's one-fork round files, until they are joined. */
    private final Map<String, List<Path>> baselineRounds = new LinkedHashMap<>();
    /** Per flag set, each row's baseline forks as the fork log keeps them, in round order. */
    private final Map<String, Map<BenchmarkKey, List<ForkLog.Fork>>> baselineForks = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    /** Per flag set, the rows a failed fork ended, with why. */
    private final Map<String, Map<BenchmarkKey, String>> failedRows = new LinkedHashMap<>();
    private final Map<BenchmarkResult, Disturbance> load = new IdentityHashMap<>();
    /** Each sampled fork's wall time, in seconds. */
    private final Map<BenchmarkResult, Double> seconds = new IdentityHashMap<>();
    /** Replaced forks, each with why. */
    private final Map<BenchmarkResult, List<String>> replaced = new IdentityHashMap<>();

    /** Adds forks JMH measured; those of a row that failed (now or before) are left out. */
    void add(String flagSet, Collection<RunResult> forks) {
        Map<BenchmarkKey, String> ended = failedRows.getOrDefault(flagSet, Map.of());
        List<RunResult> kept = forks.stream().filter(r -> !ended.containsKey(SuspectReruns.key(r.getParams()))).toList();
        results.computeIfAbsent(flagSet, k -> new ArrayList<>()).addAll(kept);
        kept.forEach(r -> r.getBenchmarkResults().forEach(f -> ForkLoad.take(f).ifPresent(w -> {
            load.put(f, w.load());
            seconds.put(f, w.seconds());
        })));
    }

    /** This fork's wall time in seconds; NaN where it was not sampled. */
    double seconds(BenchmarkResult fork) {
        return seconds.getOrDefault(fork, Double.NaN);
    }

    /** What the machine did beside this fork; empty where it was not sampled. */
    Optional<Disturbance> load(BenchmarkResult fork) {
        return Optional.ofNullable(load.get(fork));
    }

    /** Takes a fork out of the results the run reports, keeping it, and why, among the replaced. */
    void replace(BenchmarkResult fork, List<String> why) {
        replaced.put(fork, List.copyOf(why));
    }

    /** Why this fork was replaced; empty for a fork the results keep. */
    Optional<List<String>> replacedBecause(BenchmarkResult fork) {
        return Optional.ofNullable(replaced.get(fork));
    }

    /** One flag set's results, forks of a row joined, without the replaced forks. */
    List<RunResult> kept(String flagSet) {
        return mergeForks(select(flagSet, false));
    }

    /** One flag set's replaced forks, joined by row; empty when none was replaced. */
    List<RunResult> replacedForks(String flagSet) {
        return mergeForks(select(flagSet, true));
    }

    private List<RunResult> select(String flagSet, boolean wantReplaced) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : results.getOrDefault(flagSet, List.of())) {
            List<BenchmarkResult> forks = r.getBenchmarkResults().stream()
                    .filter(f -> replaced.containsKey(f) == wantReplaced).toList();
            if (!forks.isEmpty()) {
                out.add(new RunResult(r.getParams(), forks));
            }
        }
        return out;
    }

    /** A baseline round's file, once {@code round} has run it; the flag set has its (empty) list before. */
    void addBaselineRound(String flagSetFile, Supplier<Path> round) {
        baselineRounds.computeIfAbsent(flagSetFile, k -> new ArrayList<>()).add(round.get());
    }

    /**
     * The baseline forks one round ran, with what was measured beside each; their levels are read
     * from the round's JSON ({@code round}), NaN for a fork it lacks.
     */
    void addBaselineForks(String flagSet, Path round, List<BaselineForkLoad.Watched> forks) {
        Map<BenchmarkKey, dev.taskbench.results.BenchmarkResult> rows = new LinkedHashMap<>();
        if (Files.isRegularFile(round)) {
            JmhJsonReader.read(round, flagSet).forEach(r -> rows.put(r.key(), r));
        }
        Map<BenchmarkKey, List<ForkLog.Fork>> bySet = baselineForks.computeIfAbsent(flagSet, k -> new LinkedHashMap<>());
        for (BaselineForkLoad.Watched w : forks) {
            double level = Optional.ofNullable(rows.get(w.key())).filter(r -> !r.iterations().isEmpty())
                    .map(r -> RowStability.level(r.iterations().get(0).stream().mapToDouble(Double::doubleValue).toArray()))
                    .orElse(Double.NaN);
            boolean disturbed = SuspectForks.disturbed(w.load());
            bySet.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(new ForkLog.Fork(level, w.load().others(),
                    w.load().steal(), disturbed, disturbed ? List.of(w.load().describe()) : List.of(), w.seconds(),
                    ForkLog.BASELINE));
        }
    }

    /** The baseline jar's forks of one row, in round order; empty without a baseline. */
    List<ForkLog.Fork> baselineForks(String flagSet, BenchmarkKey row) {
        return baselineForks.getOrDefault(flagSet, Map.of()).getOrDefault(row, List.of());
    }

    /**
     * Ends a row whose fork failed: its forks so far and any later ones are left out of the
     * results; answers false if it had failed already.
     */
    boolean failRow(String flagSet, BenchmarkKey row, String why) {
        Map<BenchmarkKey, String> rows = failedRows.computeIfAbsent(flagSet, k -> new LinkedHashMap<>());
        if (rows.containsKey(row)) {
            return false;
        }
        rows.put(row, why);
        results.getOrDefault(flagSet, new ArrayList<>()).removeIf(r -> SuspectReruns.key(r.getParams()).equals(row));
        return true;
    }

    /** Per flag set, the rows whose fork failed, each with why, in the order they failed. */
    Map<String, Map<BenchmarkKey, String>> failedRows() {
        return Collections.unmodifiableMap(failedRows);
    }

    void fail(String flagSet, String why) {
        failed.put(flagSet, why);
    }

    boolean failed(String flagSet) {
        return failed.containsKey(flagSet);
    }

    /** The flag sets that failed, with why, in the order they failed. */
    Map<String, String> failures() {
        return Collections.unmodifiableMap(failed);
    }

    Map<String, List<Path>> baselineRounds() {
        return Collections.unmodifiableMap(baselineRounds);
    }

    /** The planned flag sets that did not fail; none is an error. */
    List<Planned> survivors(List<Planned> planned) {
        if (failed.size() == planned.size()) {
            throw new TaskbenchException("every flag set failed: " + failed);
        }
        return planned.stream().filter(p -> !failed.containsKey(p.flagSet().name())).toList();
    }

    /** One flag set's results so far as one JMH JSON file, the forks of each benchmark joined, the replaced left out. */
    void writeJson(String flagSet, Path file) {
        writeJson(kept(flagSet), file);
    }

    /** JMH's JSON of these results, written whole or not at all. */
    static void writeJson(List<RunResult> results, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, tmp.toString()).writeOut(results);
        try {
            ResultsStore.move(tmp, file);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Joins the forks of the same benchmark from several JMH invocations (interleaved rounds) into one result. */
    static List<RunResult> mergeForks(List<RunResult> results) {
        Map<String, List<RunResult>> byId = new LinkedHashMap<>();
        for (RunResult r : results) {
            byId.computeIfAbsent(r.getParams().id(), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byId.values()) {
            if (same.size() == 1) {
                merged.add(same.get(0));
                continue;
            }
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            merged.add(new RunResult(same.get(0).getParams(), forks));
        }
        merged.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        return merged;
    }
}
