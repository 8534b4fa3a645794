package dev.taskbench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a run's bimodal rows are bimodal, as its metadata keeps it under {@value #METADATA_KEY}: per
 * row the profiled forks it took (each unmeasured: its score is in no result), the mode each landed
 * in, and, once one fork of the fastest and one of the slowest mode were in hand, the files written
 * under {@value #FOLDER}{@code /<row>/} and the top of the table of what the JIT did differently. A
 * run without it (older, or {@code -Dtaskbench.modes.explain=0}) simply explains nothing.
 *
 * @param maxForks the most profiled forks a row was given
 */
public record ModeExplanations(int maxForks, List<Row> rows) {
    public static final String METADATA_KEY = "modeExplanations";
    public static final String FOLDER = "modes";
    public ModeExplanations {
        rows = List.copyOf(rows);
    }

    /**
     * One profiled fork.
     *
     * @param mode the index of the row's mode nearest its score, 0 the fastest
     * @param kept whether it is the fast or the slow side of the comparison
     */
    public record Fork(double score, int mode, boolean kept) {
    }

    /** One line of the JIT's differences: the method, what the fast fork's JIT did, what the slow one's did. */
    public record Difference(String method, String fast, String slow) {
    }

    /**
     * One bimodal row.
     *
     * @param modes its modes' locations, fastest first, in {@code unit}
     * @param flameGraph the fast-against-slow flame graph, relative to the run folder; null when none
     * @param jitTable the whole table of JIT differences, relative to the run folder; null when none
     * @param jit the table's first lines, most relevant first
     * @param moreJit how many lines the table has beyond those
     * @param notes what went missing, a line each ("the slow mode did not recur"); empty when nothing did
     */
    public record Row(String flagSet, BenchmarkKey key, String unit, List<Double> modes, List<Fork> forks,
            String flameGraph, String jitTable, List<Difference> jit, int moreJit, List<String> notes) {
        public Row {
            modes = List.copyOf(modes);
            forks = List.copyOf(forks);
            jit = List.copyOf(jit);
            notes = List.copyOf(notes);
        }

        public RowKey row() {
            return new RowKey(flagSet, key);
        }

        /** The kept fork of the fastest mode; empty when none landed there. */
        public Optional<Fork> fast() {
            return forks.stream().filter(f -> f.kept() && f.mode() == 0).findFirst();
        }

        /** The kept fork of the slowest mode; empty when none landed there. */
        public Optional<Fork> slow() {
            return forks.stream().filter(f -> f.kept() && f.mode() == modes.size() - 1 && f.mode() > 0).findFirst();
        }
    }

    /** The run's explanations, if its metadata has them; an entry that cannot be read is a one-line error. */
    public static Optional<ModeExplanations> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, METADATA_KEY, ModeExplanations.class, "a list of mode explanations");
    }

    /** The explanation of one row, if the run has one. */
    public Optional<Row> find(RowKey row) {
        return rows.stream().filter(r -> r.row().equals(row)).findFirst();
    }
}
