package dev.taskbench.history;

import dev.taskbench.results.BenchmarkKey;
import java.util.Comparator;
import java.util.Objects;

/** What a history follows from run to run: a benchmark key in one flag set. */
public record RowKey(String flagSet, BenchmarkKey key) implements Comparable<RowKey> {
    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::key)
            .thenComparing(RowKey::flagSet);

    public RowKey {
        Objects.requireNonNull(flagSet, "flagSet");
        Objects.requireNonNull(key, "key");
    }

    public String label() {
        return flagSet + "/" + key.label();
    }

    @Override
    public int compareTo(RowKey o) {
        return ORDER.compare(this, o);
    }
}
