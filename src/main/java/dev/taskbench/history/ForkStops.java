package dev.taskbench.history;

import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.StopLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many forks each row took in earlier runs whose forks a rule decided, per testbed: what a run
 * predicts the forks beyond its rows' start from, before its first fork. Read from each run's stop
 * log ({@link StopLog}), only its metadata: beside a baseline jar, the fork pairs until the
 * comparison decided; alone, the forks until the interval was narrow enough. A run whose forks were
 * fixed, or without a log, adds nothing; a folder whose metadata cannot be read is left out.
 */
public final class ForkStops {
    /** None: nothing beyond the rows' start can be predicted. */
    public static final ForkStops NONE = new ForkStops(List.of());
    /** A row's expected forks are the mean over this many of its newest runs. */
    public static final int NEWEST_RUNS = 3;

    /** Which rule added a run's forks. */
    public enum Rule {
        /** Beside a baseline jar: fork pairs until the comparison decides. */
        PAIRS,
        /** Alone: forks until the interval of the median is narrow enough. */
        WIDTH
    }

    /** One earlier run's stop log, with the testbed each of its rows depends on. */
    private record Run(String id, Instant started, Rule rule, StopLog log, RowTestbeds testbeds) {
    }

    /**
     * What a row's newest runs of a rule on its testbed say.
     *
     * @param ended the forks (pairs) it ended with in each of those runs, newest first
     * @param runs the ids of those runs, newest first
     */
    public record Forks(List<Integer> ended, List<String> runs) {
        public Forks {
            ended = List.copyOf(ended);
            runs = List.copyOf(runs);
        }

        /**
         * The fewest forks it ended with: where a plan starts it at most, since starting lower costs no fork the
         * rule would not add round by round, starting higher costs forks it may not need, and a run that once
         * started a row high does not keep the runs after it there.
         */
        public int fewest() {
            return ended.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        }

        /** The mean of the forks it ended with. */
        public double forks() {
            return ended.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        /**
         * The forks it is expected to add beyond {@code start} up to {@code cap}: the mean of each run's
         * own, not what the mean run added. A row that ended at 3, 8 and 5 forks and starts at 5 adds 1
         * on average, where its mean (5.3) would say a third.
         */
        public double beyond(int start, int cap) {
            return ended.stream().mapToInt(e -> Math.max(0, Math.min(cap, e) - start)).average().orElse(0);
        }
    }

    /**
     * What the newest run of a rule, on any testbed, says of a row that none of its own runs holds.
     *
     * @param share the mean over its rows of the forks beyond the minimum as a share of those the cap allowed, 0 to 1
     * @param run its id
     */
    public record Share(double share, String run) {
    }

    /** Newest first. */
    private final List<Run> runs;

    private ForkStops(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The stop logs of every run under {@code root}; none when there is no such folder. */
    public static ForkStops read(Path root) {
        if (!Files.isDirectory(root)) {
            return NONE;
        }
        List<Run> runs = new ArrayList<>();
        RunHistory.eachRunsMetadata(root, (folder, id, metadata) -> {
            Optional<StopLog> log = StopLog.of(metadata);
            Optional<Rule> rule = log.flatMap(ForkStops::rule);
            if (rule.isPresent()) {
                runs.add(new Run(id, started(metadata, folder), rule.get(), log.get(), RowTestbeds.of(metadata)));
            }
        });
        runs.sort(Comparator.comparing(Run::started).thenComparing(Run::id).reversed());
        return new ForkStops(runs);
    }

    /** The rule a log's rows stopped by; empty when forks were fixed or the cap allowed none beyond the minimum. */
    private static Optional<Rule> rule(StopLog log) {
        if (log.cap() <= log.minForks() || log.rows().isEmpty()) {
            return Optional.empty();
        }
        StopLog.Kind kind = log.rows().get(0).kind();
        return kind == StopLog.Kind.DECIDED || kind == StopLog.Kind.UNDECIDED ? Optional.of(Rule.PAIRS)
                : kind == StopLog.Kind.FIXED ? Optional.empty() : Optional.of(Rule.WIDTH);
    }

    private static Instant started(Map<String, Object> metadata, Path folder) throws IOException {
        try {
            return metadata.get("startedAt") instanceof String s ? Instant.parse(s)
                    : Files.getLastModifiedTime(folder).toInstant();
        } catch (DateTimeParseException e) {
            return Files.getLastModifiedTime(folder).toInstant();
        }
    }

    /** The row's forks in its newest {@value #NEWEST_RUNS} runs of {@code rule} on {@code testbed}, if any. */
    public Optional<Forks> of(Rule rule, String testbed, RowKey row) {
        List<String> ids = new ArrayList<>();
        List<Integer> ended = new ArrayList<>();
        for (Run r : runs) {
            if (ids.size() == NEWEST_RUNS) {
                break;
            }
            Optional<StopLog.Stop> stop = r.rule() == rule && r.testbeds().key(row.key().benchmark()).equals(testbed)
                    ? r.log().of(row) : Optional.empty();
            if (stop.isPresent()) {
                ids.add(r.id());
                ended.add(stop.get().forks());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Forks(ended, ids));
    }

    /**
     * The newest run of {@code rule} on any testbed: the share of the forks its cap allowed beyond the minimum that
     * its rows took.
     */
    public Optional<Share> newest(Rule rule) {
        return runs.stream().filter(r -> r.rule() == rule).findFirst().map(r -> new Share(r.log().rows().stream()
                .mapToDouble(s -> share(s.forks(), r.log())).average().orElse(0), r.id()));
    }

    private static double share(int forks, StopLog log) {
        return Math.max(0, Math.min(1, (forks - log.minForks()) / (double) (log.cap() - log.minForks())));
    }
}
