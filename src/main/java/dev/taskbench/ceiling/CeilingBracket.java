package dev.taskbench.ceiling;

import dev.taskbench.write.WriteConnections;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.results.BenchmarkKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * pgbench right before and right after each single-row write benchmark, from JMH's host process
 * while no fork runs (a wrapped {@link OutputFormat} sees every benchmark start and end). On a
 * shared machine a ceiling taken minutes away from the benchmark measures another machine; taken
 * beside it, both see the same load. A sample taken after one benchmark is also the next one's
 * "before" when the client count matches and nothing ran in between. A pgbench failure is
 * reported once and ends the sampling; it never fails the run.
 */
public final class CeilingBracket {
    private final Path pgbench;
    private final ConnectionInfo info;
    private final int seconds;
    private final Ceiling ceiling = new Ceiling();
    /** The sample taken after the previous benchmark, while nothing has run since; else null. */
    private PgbenchCeiling.Result last;
    private boolean failed;

    public CeilingBracket(Path pgbench, ConnectionInfo info, int seconds) {
        this.pgbench = pgbench;
        this.info = WriteConnections.DEFAULTS.apply(info);
        this.seconds = seconds;
        ceiling.note("ceiling: pgbench -M prepared, the same INSERT, table and clients, " + seconds
                + " s right before and right after each benchmark; the ceiling is their mean");
    }

    public Ceiling ceiling() {
        return ceiling;
    }

    /** JMH's output for one pass, with the samples taken around each covered benchmark. */
    public OutputFormat around(OutputFormat delegate, String flagSet) {
        last = null; // a new pass: another JVM or the baseline jar may have run since
        return new Around(delegate, flagSet);
    }

    /** The report's key for a benchmark this bracket covers (average time, single-row), else null. */
    static Ceiling.Key key(String flagSet, BenchmarkParams p) {
        TreeMap<String, String> params = new TreeMap<>();
        p.getParamsKeys().forEach(k -> params.put(k, p.getParam(k)));
        BenchmarkKey key = new BenchmarkKey(p.getBenchmark(), params, p.getMode().shortLabel(), p.getThreads());
        if (p.getMode() != Mode.AverageTime || !CeilingReport.SINGLE_ROW.contains(key.shortName())) {
            return null;
        }
        return new Ceiling.Key(flagSet, key.shortName(), CeilingReport.params(key.params()), key.threads());
    }

    private PgbenchCeiling.Result sample(int clients, OutputFormat out, String when, Ceiling.Key key) {
        if (failed) {
            return null;
        }
        try {
            PgbenchCeiling.Result r = PgbenchCeiling.measure(pgbench, info, clients, seconds);
            out.println(String.format(Locale.ROOT, "taskbench: pgbench -c %d %s %s: %.0f rows/s", clients, when,
                    key.benchmark(), r.tps()));
            return r;
        } catch (IOException | SQLException | TaskbenchException e) {
            failed = true;
            ceiling.note("the pgbench ceiling could not be measured: " + e.getMessage());
            out.println("taskbench: pgbench failed, no more ceiling samples: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            ceiling.note("the pgbench ceiling was interrupted");
            return null;
        }
    }

    private final class Around implements OutputFormat {
        private final OutputFormat out;
        private final String flagSet;
        private Ceiling.Key current;

        Around(OutputFormat out, String flagSet) {
            this.out = out;
            this.flagSet = flagSet;
        }

        @Override
        public void startBenchmark(BenchmarkParams params) {
            Ceiling.Key key = key(flagSet, params);
            PgbenchCeiling.Result before = last;
            last = null;
            if (key != null) {
                if (before == null || before.clients() != key.threads()) {
                    before = sample(key.threads(), out, "before", key);
                }
                if (before != null) {
                    ceiling.add(key, before.tps());
                }
            }
            current = key;
            out.startBenchmark(params);
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            out.endBenchmark(result);
            if (current != null) {
                PgbenchCeiling.Result after = sample(current.threads(), out, "after", current);
                if (after != null) {
                    ceiling.add(current, after.tps());
                    last = after;
                }
            }
            current = null;
        }

        @Override
        public void iteration(BenchmarkParams b, IterationParams i, int n) {
            out.iteration(b, i, n);
        }

        @Override
        public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
            out.iterationResult(b, i, n, r);
        }

        @Override
        public void startRun() {
            out.startRun();
        }

        @Override
        public void endRun(Collection<RunResult> results) {
            out.endRun(results);
        }

        @Override
        public void print(String s) {
            out.print(s);
        }

        @Override
        public void println(String s) {
            out.println(s);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }

        @Override
        public void verbosePrintln(String s) {
            out.verbosePrintln(s);
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b) throws IOException {
            out.write(b);
        }
    }
}
