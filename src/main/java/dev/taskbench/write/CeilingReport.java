package dev.taskbench.write;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the single-row write benchmarks of a JMH JSON result against the pgbench ceiling
 * measured right after them: path x threads, rows/s (threads / average time per row) and
 * percent of pgbench with as many clients. Without pgbench it says so and reports rows/s only.
 *
 * <p>{@code java -cp target/benchmarks.jar dev.taskbench.write.CeilingReport RESULT.json} (the
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
        String report = run(Path.of(args[0]), dev.taskbench.db.BenchmarkDatabase.info(), seconds);
        System.out.print(report);
    }

    /** Measures the ceiling (1 and 10 clients) and renders the comparison for {@code jmhJson}. */
    public static String run(Path jmhJson, ConnectionInfo info, int seconds)
            throws IOException, InterruptedException, SQLException {
        return run(Map.of("default", jmhJson), info, seconds);
    }

    /** The same for one JMH result per flag set: the ceiling is measured once, after all of them. */
    public static String run(Map<String, Path> jmhJsonByFlagSet, ConnectionInfo info, int seconds)
            throws IOException, InterruptedException, SQLException {
        Map<Integer, Double> ceiling = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        Optional<Path> pgbench = PgbenchCeiling.find();
        if (pgbench.isEmpty()) {
            out.append("pgbench is not on the PATH: no ceiling; rows/s only\n");
        } else {
            ConnectionInfo tuned = WriteConnections.DEFAULTS.apply(info);
            for (int clients : new int[] {1, 10}) {
                PgbenchCeiling.Result r = PgbenchCeiling.measure(pgbench.get(), tuned, clients, seconds);
                ceiling.put(clients, r.tps());
                out.append(String.format(Locale.ROOT, "ceiling: pgbench -M prepared -c %d, %d s: %.0f rows/s"
                        + " (%d rows verified)%n", clients, seconds, r.tps(), r.transactions()));
            }
        }
        for (Map.Entry<String, Path> e : jmhJsonByFlagSet.entrySet()) {
            if (jmhJsonByFlagSet.size() > 1) {
                out.append("flag set ").append(e.getKey()).append(":\n");
            }
            out.append(render(rows(e.getValue()), ceiling));
        }
        return out.toString();
    }

    /** True for a benchmark (package.Class.method) whose score this report turns into rows/s. */
    public static boolean covers(String benchmark) {
        return SINGLE_ROW.stream().anyMatch(benchmark::endsWith);
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
            String params = b.key().params().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
            rows.add(new Row(shortName, params, b.key().threads(), us));
        }
        return rows;
    }

    static String render(List<Row> rows, Map<Integer, Double> ceiling) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-40s %-55s %7s %10s %10s %8s%n", "benchmark", "params", "threads",
                "us/row", "rows/s", "ceiling"));
        for (Row r : rows) {
            Double c = ceiling.get(r.threads());
            sb.append(String.format(Locale.ROOT, "%-40s %-55s %7d %10.1f %10.0f %8s%n", r.benchmark(), r.params(),
                    r.threads(), r.usPerRow(), r.rowsPerSecond(),
                    c == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.rowsPerSecond() / c)));
        }
        return sb.toString();
    }
}
