package dev.taskbench.results;

import java.util.Comparator;
import java.util.Objects;

/**
 * One row of results: a benchmark key in one flag set. What a comparison matches, a history
 * follows from run to run and a pivot puts in a cell; a comparison of two flag sets names the
 * pair ({@code "c1 → c2"}) where the flag set goes, and matches on the key alone.
 */
public record RowKey(String flagSet, BenchmarkKey key) implements Comparable<RowKey> {
    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::key)
            .thenComparing(RowKey::flagSet);

    public RowKey {
        Objects.requireNonNull(flagSet, "flagSet");
        Objects.requireNonNull(key, "key");
    }

    /** {@code flagSet/Class.method [params] mode tN}. */
    public String label() {
        return flagSet + "/" + key.label();
    }

    @Override
    public int compareTo(RowKey o) {
        return ORDER.compare(this, o);
    }
}
