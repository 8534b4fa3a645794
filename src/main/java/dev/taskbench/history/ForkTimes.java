package dev.taskbench.history;

import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RowTestbeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long each benchmark's forks took in earlier runs, per testbed and flag set: what a run plans
 * its own length from before its first fork. Read from each run's fork log ({@link ForkLog}), only
 * its metadata: a fork's wall time less the iterations its row planned, so a run of another
 * profile still says what starting, setting up and ending a fork of that benchmark costs. A row is
 * filed under the testbed it depends on ({@link RowTestbeds}), as the history files its scores. A
 * run without fork times (an older one) adds nothing; a folder whose
 * metadata cannot be read is left out, as the history leaves it out.
 */
public final class ForkTimes {
    /** None: every row is planned from the profile. */
    public static final ForkTimes NONE = new ForkTimes(Map.of());

    /** A benchmark's forks in one flag set on one testbed. */
    record Key(String testbed, String flagSet, String benchmark) {
    }

    /**
     * What earlier runs say of a benchmark's forks.
     *
     * @param overheadSeconds the median of each fork's wall time beyond its planned iterations
     * @param forks how many timed forks that median is over
     * @param runs the ids of the runs they come from
     */
    public record Timing(double overheadSeconds, int forks, Set<String> runs) {
        public Timing {
            runs = Set.copyOf(runs);
        }
    }

    private final Map<Key, Timing> timings;

    private ForkTimes(Map<Key, Timing> timings) {
        this.timings = Map.copyOf(timings);
    }

    /** The fork times of every run under {@code root}; none when there is no such folder. */
    public static ForkTimes read(Path root) {
        if (!Files.isDirectory(root)) {
            return NONE;
        }
        Map<Key, List<Double>> overheads = new HashMap<>();
        Map<Key, Set<String>> runs = new HashMap<>();
        RunHistory.eachRunsMetadata(root, (folder, id, metadata) -> ForkLog.of(metadata)
                .ifPresent(log -> add(id, log, RowTestbeds.of(metadata), overheads, runs)));
        Map<Key, Timing> timings = new HashMap<>();
        overheads.forEach((k, v) -> timings.put(k, new Timing(median(v), v.size(), runs.get(k))));
        return new ForkTimes(timings);
    }

    private static void add(String runId, ForkLog log, RowTestbeds keys, Map<Key, List<Double>> overheads,
            Map<Key, Set<String>> runs) {
        for (ForkLog.RowLog row : log.rows()) {
            String benchmark = row.key().benchmark();
            Key key = new Key(keys.key(benchmark), row.flagSet(), benchmark);
            List<ForkLog.Fork> forks = new ArrayList<>(row.kept());
            forks.addAll(row.replaced());
            for (ForkLog.Fork f : forks) {
                if (Double.isFinite(f.seconds())) {
                    overheads.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(Math.max(0, f.seconds() - row.iterationSeconds()));
                    runs.computeIfAbsent(key, k -> new TreeSet<>()).add(runId);
                }
            }
        }
    }

    /** What earlier runs on {@code testbed} say of {@code benchmark}'s forks in {@code flagSet}; empty when none timed one. */
    public Optional<Timing> of(String testbed, String flagSet, String benchmark) {
        return Optional.ofNullable(timings.get(new Key(testbed, flagSet, benchmark)));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
