package dev.taskbench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why each row of a run stopped at the forks it has, as the run keeps it in its metadata under
 * {@value #METADATA_KEY}: the rule the run was given and, per row, its forks and the reason in a
 * few words ("width 6.1% <= 10% after 3 forks"). A run without it (older, or its phase never ran)
 * simply has none; its reports read as before.
 *
 * @param rule the run's rule in a few words ("width <= 10% of the median, 3 to 8 forks", "fixed: -f 5")
 * @param minForks the forks every row started with (the rule's minimum, the rounds, or the fixed count)
 * @param cap the most forks a row could get (the minimum when forks are fixed)
 */
public record StopLog(String rule, int minForks, int cap, List<Stop> rows) {
    public static final String METADATA_KEY = "stops";
    public StopLog {
        rows = List.copyOf(rows);
    }

    /** How a row stopped. */
    public enum Kind {
        /** The interval's relative width reached the rule's. */
        WIDTH,
        /** The cap came first. */
        CAP,
        /** Short of the cap: by its forks' spread even the cap could not bring the row within the width. */
        OUT_OF_REACH,
        /** Forks were fixed ({@code -f}, or a profile without the rule). */
        FIXED,
        /** Beside a baseline jar: the comparison decided the row. */
        DECIDED,
        /** Beside a baseline jar: still undecided when the fork pairs ended. */
        UNDECIDED
    }

    /** One row: its forks as the results hold them and why it stopped there. */
    public record Stop(String flagSet, BenchmarkKey key, int forks, Kind kind, String reason) {
        public RowKey row() {
            return new RowKey(flagSet, key);
        }
    }

    /** The run's log, if its metadata has one; a log that cannot be read is a one-line error. */
    public static Optional<StopLog> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, METADATA_KEY, StopLog.class, "a stop log");
    }

    /** This row's stop, if the log has it. */
    public Optional<Stop> of(RowKey row) {
        return rows.stream().filter(s -> s.row().equals(row)).findFirst();
    }
}
