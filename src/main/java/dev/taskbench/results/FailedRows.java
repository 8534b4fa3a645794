package dev.taskbench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a run whose fork failed (the benchmark threw, or its JVM died), as the run keeps
 * them in its metadata under {@value #METADATA_KEY}: each ended there and is absent from the
 * results, so its findings and comparisons say nothing rather than rest on the forks before. A
 * run without the entry had none.
 */
public record FailedRows(List<Failure> rows) {
    public static final String METADATA_KEY = "failedRows";

    public FailedRows {
        rows = List.copyOf(rows);
    }

    /** One row and why its fork failed ("java.io.IOException: ... (cause: ...)"). */
    public record Failure(String flagSet, BenchmarkKey key, String reason) {
        public RowKey row() {
            return new RowKey(flagSet, key);
        }
    }

    /** The run's failed rows, if its metadata has them; an entry that cannot be read is a one-line error. */
    public static Optional<FailedRows> of(Map<String, Object> metadata) {
        return MetadataSection.read(metadata, METADATA_KEY, FailedRows.class, "a list of failed rows");
    }

    /** "FormParsingBenchmark.decode [...] avgt t1: why", the flag set named when the run had several. */
    public List<String> lines(boolean nameFlagSet) {
        return rows.stream().map(f -> (nameFlagSet ? f.row().label() : f.key().label()) + ": " + f.reason()).toList();
    }
}
