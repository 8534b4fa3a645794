package dev.taskbench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per row of a run, what the rest of the machine did beside each of its forks and which forks a
 * re-run replaced, as the run keeps it in its metadata under {@value #METADATA_KEY}: the kept
 * forks in the order of the row's results, then the replaced ones (whose scores stay in
 * {@code replaced-<flag set>.json} beside the results), then in an interleaved comparison the
 * baseline jar's forks of the row, in round order. A run without it (older, or not sampled)
 * simply has no log. Each fork's wall time, and each row's iteration time a fork, are what a later
 * run on the same testbed plans its length from; a log older than them reads them as not measured.
 *
 * @param rerunCap the most times the run re-ran a suspect fork (0: re-runs were off)
 */
public record ForkLog(int rerunCap, List<RowLog> rows) {
    public static final String METADATA_KEY = "forks";
    /** The JMH JSON of a flag set's replaced forks: {@code replaced-<flag set file name>.json}. */
    public static final String REPLACED_PREFIX = "replaced-";
    /** Which build a fork ran: the run's own. */
    public static final String CANDIDATE = "candidate";
    /** Which build a fork ran: the baseline jar's ({@code -Dtaskbench.baseline.jar}). */
    public static final String BASELINE = "baseline";

    public ForkLog {
        rows = List.copyOf(rows);
    }

    /**
     * One fork.
     *
     * @param level its median iteration score
     * @param busy the share of the machine's CPU other processes used beside it, 0 to 1; NaN when not sampled
     * @param steal the share the hypervisor stole, 0 to 1; NaN when not sampled
     * @param disturbed whether that load was enough to disturb it
     * @param why why it is suspect or was replaced, each a few words; empty for a fork nothing was found against
     * @param seconds its wall time, from the runner starting it to reaping it; NaN when not measured (an older log)
     * @param side {@value #CANDIDATE} or {@value #BASELINE}: which build ran it (an older log: the candidate)
     */
    public record Fork(double level, double busy, double steal, boolean disturbed, List<String> why, double seconds,
            String side) {
        public Fork {
            why = List.copyOf(why);
            seconds = seconds > 0 ? seconds : Double.NaN;
            side = side == null ? CANDIDATE : side;
        }

        /** A fork of the candidate. */
        public Fork(double level, double busy, double steal, boolean disturbed, List<String> why, double seconds) {
            this(level, busy, steal, disturbed, why, seconds, CANDIDATE);
        }

        /** A fork whose wall time was not measured. */
        public Fork(double level, double busy, double steal, boolean disturbed, List<String> why) {
            this(level, busy, steal, disturbed, why, Double.NaN);
        }

        public boolean suspect() {
            return !why.isEmpty();
        }
    }

    /**
     * One row's forks, their levels in {@code unit}: those its results hold, in order, and those re-runs replaced.
     * {@code iterationSeconds} is the time its warm-up and measurement iterations were planned to take a fork (0
     * for single-shot iterations, and in an older log): a fork's wall time beyond it is what starting, setting up
     * and ending the fork cost. {@code baseline} holds the baseline jar's forks of the row in an interleaved
     * comparison (empty otherwise, and in an older log).
     */
    public record RowLog(String flagSet, BenchmarkKey key, String unit, List<Fork> kept, List<Fork> replaced,
            double iterationSeconds, List<Fork> baseline) {
        public RowLog {
            kept = List.copyOf(kept);
            replaced = List.copyOf(replaced);
            baseline = baseline == null ? List.of() : List.copyOf(baseline);
        }

        /** A row without baseline forks. */
        public RowLog(String flagSet, BenchmarkKey key, String unit, List<Fork> kept, List<Fork> replaced,
                double iterationSeconds) {
            this(flagSet, key, unit, kept, replaced, iterationSeconds, List.of());
        }

        /** A row without its iteration time. */
        public RowLog(String flagSet, BenchmarkKey key, String unit, List<Fork> kept, List<Fork> replaced) {
            this(flagSet, key, unit, kept, replaced, 0);
        }

        public RowKey row() {
            return new RowKey(flagSet, key);
        }

        /** Kept forks the machine disturbed: what a finding resting on this row must own up to. */
        public int disturbedKept() {
            return (int) kept.stream().filter(Fork::disturbed).count();
        }

        /** Baseline forks the machine disturbed: what a comparison against the baseline must own up to. */
        public int disturbedBaseline() {
            return (int) baseline.stream().filter(Fork::disturbed).count();
        }
    }

    /** The run's log, if its metadata has one; a log that cannot be read is a one-line error. */
    public static Optional<ForkLog> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, METADATA_KEY, ForkLog.class, "a fork log");
    }

    /** The rows with each one's disturbed kept forks counted in, as the findings read them. */
    public static List<BenchmarkResult> apply(Map<String, Object> metadata, List<BenchmarkResult> results) {
        Optional<ForkLog> log = of(metadata);
        if (log.isEmpty()) {
            return results;
        }
        Map<RowKey, RowLog> byRow = log.get().rows().stream()
                .collect(Collectors.toMap(RowLog::row, Function.identity(), (a, b) -> a));
        return results.stream().map(r -> {
            RowLog l = byRow.get(r.row());
            return l == null ? r : r.withDisturbedForks(l.disturbedKept());
        }).toList();
    }

    /**
     * The baseline jar's rows with its disturbed forks counted in, as this run's log holds them: what
     * an interleaved comparison reads its base with ({@code baseline} rows keyed as the run's own).
     */
    public static List<BenchmarkResult> applyBaseline(Map<String, Object> metadata, List<BenchmarkResult> baseline) {
        Optional<ForkLog> log = of(metadata);
        if (log.isEmpty()) {
            return baseline;
        }
        Map<RowKey, RowLog> byRow = log.get().rows().stream()
                .collect(Collectors.toMap(RowLog::row, Function.identity(), (a, b) -> a));
        return baseline.stream().map(r -> {
            RowLog l = byRow.get(r.row());
            return l == null || l.disturbedBaseline() == 0 ? r : r.withDisturbedForks(l.disturbedBaseline());
        }).toList();
    }

    /** How many forks were replaced in the whole run. */
    public int replacedCount() {
        return rows.stream().mapToInt(r -> r.replaced().size()).sum();
    }
}
