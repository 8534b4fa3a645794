package dev.taskbench.ceiling;

import dev.taskbench.write.WriteConnections;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Holds the single-row write benchmarks of a JMH JSON result against pgbench running the same
 * INSERT: path x threads, rows/s (threads / average time per row), the ceiling and the percent
 * of it. The ceiling is the mean of the pgbench samples taken right before and right after the
 * benchmark ({@link CeilingBracket}, so both see the same machine), or one run-wide sample per
 * client count taken after the run. Without pgbench it says so and reports rows/s only.
 *
 * <p>{@code java -cp target/benchmarks.jar dev.taskbench.ceiling.CeilingReport RESULT.json} (the
 * database comes from the provisioning chain, as in a benchmark fork; {@code
 * -Dtaskbench.ceiling.seconds} sets pgbench's duration, default 5).
 */
public final class CeilingReport {
    /** Benchmarks whose score is time per single-row, single-transaction write. */
    static final List<String> SINGLE_ROW = List.of("InsertBenchmark.requestOneUser", "InsertBenchmark.requestTenUsers",
            "ConnectionInsertBenchmark.connection", "ConnectionInsertBenchmark.commit", "StatementBenchmark.singleRow");

    private CeilingReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CeilingReport JMH-RESULT.json");
            System.exit(2);
        }
        int seconds = Integer.getInteger("taskbench.ceiling.seconds", 5);
        Ceiling ceiling = measureAfter(dev.taskbench.db.BenchmarkDatabase.info(), seconds);
        System.out.print(render(Map.of("default", Path.of(args[0])), ceiling));
    }

    /** The run-wide ceiling: pgbench with 1 and 10 clients, one sample each, now. */
    public static Ceiling measureAfter(ConnectionInfo info, int seconds)
            throws IOException, InterruptedException, SQLException {
        Optional<Path> pgbench = PgbenchCeiling.find();
        if (pgbench.isEmpty()) {
            return Ceiling.none("pgbench is not on the PATH: no ceiling; rows/s only");
        }
        Ceiling ceiling = new Ceiling();
        ConnectionInfo tuned = WriteConnections.DEFAULTS.apply(info);
        for (int clients : new int[] {1, 10}) {
            PgbenchCeiling.Result r = PgbenchCeiling.measure(pgbench.get(), tuned, clients, seconds);
            ceiling.addRunWide(clients, r.tps());
            ceiling.note(String.format(Locale.ROOT, "ceiling: pgbench -M prepared -c %d, %d s, after the run: %.0f rows/s"
                    + " (%d rows verified)", clients, seconds, r.tps(), r.transactions()));
        }
        return ceiling;
    }

    /** The comparison for one JMH result per flag set. */
    public static String render(Map<String, Path> jmhJsonByFlagSet, Ceiling ceiling) {
        StringBuilder out = new StringBuilder();
        ceiling.notes().forEach(n -> out.append(n).append('\n'));
        for (Map.Entry<String, Path> e : jmhJsonByFlagSet.entrySet()) {
            if (jmhJsonByFlagSet.size() > 1) {
                out.append("flag set ").append(e.getKey()).append(":\n");
            }
            out.append(render(e.getKey(), rows(e.getValue()), ceiling));
        }
        return out.toString();
    }

    /** True for a benchmark (package.Class.method) whose score this report turns into rows/s. */
    public static boolean covers(String benchmark) {
        return SINGLE_ROW.stream().anyMatch(benchmark::endsWith);
    }

    /** {@code path=jdbcPrepared source=hikari}: params sorted by name, as JMH keeps them. */
    static String params(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** One single-row benchmark result. */
    record Row(String benchmark, String params, int threads, double usPerRow) {
        double rowsPerSecond() {
            return threads * 1_000_000.0 / usPerRow;
        }
    }

    static List<Row> rows(Path jmhJson) {
        List<Row> rows = new ArrayList<>();
        for (BenchmarkResult b : JmhJsonReader.read(jmhJson, "default")) {
            String shortName = b.key().shortName();
            if (!SINGLE_ROW.contains(shortName) || !"avgt".equals(b.key().mode())) {
                continue;
            }
            String unit = b.unit();
            double score = b.jmhScore();
            double us = unit.startsWith("ms") ? score * 1000 : unit.startsWith("ns") ? score / 1000 : score;
            rows.add(new Row(shortName, params(b.key().params()), b.key().threads(), us));
        }
        return rows;
    }

    /** Samples further apart than this (max / min) mean the machine changed while the benchmark ran. */
    static final double UNSTEADY = 1.2;

    static String render(String flagSet, List<Row> rows, Ceiling ceiling) {
        StringBuilder sb = new StringBuilder();
        boolean anyUnsteady = false;
        sb.append(String.format(Locale.ROOT, "%-40s %-55s %7s %10s %10s %10s %-15s %8s%n", "benchmark", "params",
                "threads", "us/row", "rows/s", "pgbench", "(samples)", "ceiling"));
        for (Row r : rows) {
            Ceiling.Key key = new Ceiling.Key(flagSet, r.benchmark(), r.params(), r.threads());
            OptionalDouble c = ceiling.of(key);
            List<Double> samples = ceiling.samples(key);
            String spread = samples.isEmpty() ? (c.isPresent() ? "(run-wide)" : "")
                    : samples.stream().map(x -> String.format(Locale.ROOT, "%.0f", x))
                            .collect(java.util.stream.Collectors.joining(" ", "(", ")"));
            boolean unsteady = samples.size() > 1 && samples.stream().mapToDouble(Double::doubleValue).max()
                    .getAsDouble() > UNSTEADY * samples.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
            anyUnsteady |= unsteady;
            sb.append(String.format(Locale.ROOT, "%-40s %-55s %7d %10.1f %10.0f %10s %-15s %8s%n", r.benchmark(),
                    r.params(), r.threads(), r.usPerRow(), r.rowsPerSecond(),
                    c.isPresent() ? String.format(Locale.ROOT, "%.0f", c.getAsDouble()) : "-", spread,
                    c.isPresent() ? String.format(Locale.ROOT, "%s%.0f%%", unsteady ? "!" : "",
                            100 * r.rowsPerSecond() / c.getAsDouble()) : "-"));
        }
        if (anyUnsteady) {
            sb.append(String.format(Locale.ROOT, "!: pgbench moved by more than %.0f%% between its samples: the machine"
                    + " changed while the benchmark ran; repeat before trusting that percentage%n",
                    100 * (UNSTEADY - 1)));
        }
        return sb.toString();
    }
}
