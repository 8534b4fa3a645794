package dev.taskbench.results;

import dev.taskbench.declare.Declarations;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The testbed each row of one run depends on: a row that drives PostgreSQL depends on the whole
 * testbed, any other row on the machine's facts alone ({@link Testbed.Scope}). Its key, the hash
 * of those facts, is what a history groups by, what drift is read from and what a comparison's
 * testbed check matches: a run that needed no database and a full run on one machine share
 * their CPU-only rows' history, while database rows under other PostgreSQL settings stay apart.
 *
 * <p>Which rows drive PostgreSQL: as the run recorded it (its testbed section's
 * {@value #DATABASE_BENCHMARKS}, the benchmarks it provisioned a database for); for a run older
 * than that record, each benchmark's declaration in this build. A benchmark this build does not
 * know counts as driving PostgreSQL, so it never joins a series it may not belong to.
 */
public final class RowTestbeds {
    /** The testbed section's list of benchmarks ({@code package.Class.method}) that drive PostgreSQL. */
    public static final String DATABASE_BENCHMARKS = "databaseBenchmarks";

    private final Testbed whole;
    /** As the run recorded them; null for a run older than the record. */
    private final Set<String> recorded;
    private final Map<Testbed.Scope, Testbed> scoped = new EnumMap<>(Testbed.Scope.class);
    private final Map<Testbed.Scope, String> keys = new EnumMap<>(Testbed.Scope.class);

    private RowTestbeds(Testbed whole, Set<String> recorded) {
        this.whole = whole;
        this.recorded = recorded;
        for (Testbed.Scope s : Testbed.Scope.values()) {
            scoped.put(s, whole.scoped(s));
            keys.put(s, scoped.get(s).hash());
        }
    }

    public static RowTestbeds of(RunResults run) {
        return of(run.metadata());
    }

    public static RowTestbeds of(Map<String, Object> metadata) {
        return new RowTestbeds(Testbed.of(metadata), recorded(metadata));
    }

    /** The whole testbed of the run, for display. */
    public Testbed whole() {
        return whole;
    }

    /** Whether the run recorded which of its benchmarks drive PostgreSQL (else this build's declarations tell). */
    public boolean recorded() {
        return recorded != null;
    }

    public Testbed.Scope scope(String benchmark) {
        boolean database = recorded != null ? recorded.contains(benchmark) : Declarations.benchmarkNeedsDatabase(benchmark);
        return database ? Testbed.Scope.DATABASE : Testbed.Scope.MACHINE;
    }

    /** The facts a benchmark's rows depend on. */
    public Testbed of(String benchmark) {
        return scoped.get(scope(benchmark));
    }

    /** The facts of one scope. */
    public Testbed of(Testbed.Scope scope) {
        return scoped.get(scope);
    }

    /** The hash of the facts a benchmark's rows depend on: the testbed a history files them under. */
    public String key(String benchmark) {
        return keys.get(scope(benchmark));
    }

    private static Set<String> recorded(Map<String, Object> metadata) {
        if (metadata.get(Testbed.METADATA_KEY) instanceof Map<?, ?> t && t.get(DATABASE_BENCHMARKS) instanceof List<?> l) {
            Set<String> out = new TreeSet<>();
            l.forEach(b -> out.add(String.valueOf(b)));
            return out;
        }
        return null;
    }
}
