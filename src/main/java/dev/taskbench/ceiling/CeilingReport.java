package dev.taskbench.ceiling;

import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.write.WriteConnections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.SingleRowWrite;
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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Holds the single-row write benchmarks of a JMH JSON result against pgbench running the same
 * INSERT: path x threads, rows/s (threads / average time per row), the ceiling and the percent
 * of it. Single-row benchmarks are the methods that declare {@link SingleRowWrite}. The ceiling
 * is the mean of the pgbench samples taken right before and right after each fork
 * ({@link CeilingProfiler}, so both see the same machine; read back from the JSON's secondary
 * metrics), or one run-wide sample per client count taken after the run. Without pgbench it
 * says so and reports rows/s only.
 *
 * <p>{@code java -cp target/benchmarks.jar dev.taskbench.ceiling.CeilingReport RESULT.json} (the
 * database comes from the provisioning chain, as in a benchmark fork; {@code
 * -Dtaskbench.ceiling.seconds} sets pgbench's duration, default 5).
 */
public final class CeilingReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CeilingReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CeilingReport JMH-RESULT.json");
            System.exit(2);
        }
        int seconds = Settings.fromSystem().known().integer(SettingsCatalogue.CEILING_SECONDS, 5, 1, 3600);
        Ceiling ceiling = measureAfter(BenchmarkDatabase.info(), seconds);
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

    /** True for a benchmark (package.Class.method) whose score this report turns into rows/s: it declares so. */
    public static boolean covers(String benchmark) {
        return Declarations.onMethod(benchmark, SingleRowWrite.class).isPresent();
    }

    /**
     * Adds to {@code ceiling} the samples {@link CeilingProfiler} left in each flag set's JSON
     * ({@code pgbench.sample.N} secondary metrics), in the order they were taken.
     */
    public static Ceiling withSamples(Ceiling ceiling, Map<String, Path> jmhJsonByFlagSet) {
        for (Map.Entry<String, Path> e : jmhJsonByFlagSet.entrySet()) {
            JsonNode root;
            try {
                root = JSON.readTree(e.getValue().toFile());
            } catch (IOException x) {
                throw new TaskbenchException("cannot read " + e.getValue() + ": " + x.getMessage(), x);
            }
            for (JsonNode b : root) {
                TreeMap<Integer, Double> samples = samples(b.path("secondaryMetrics"));
                if (samples.isEmpty() || !covers(b.path("benchmark").asText())) {
                    continue;
                }
                TreeMap<String, String> params = new TreeMap<>();
                b.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
                Ceiling.Key key = new Ceiling.Key(e.getKey(), CeilingProfiler.shortName(b.path("benchmark").asText()),
                        params(params), b.path("threads").asInt());
                samples.values().forEach(tps -> ceiling.add(key, tps));
            }
        }
        return ceiling;
    }

    private static TreeMap<Integer, Double> samples(JsonNode secondary) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        secondary.properties().forEach(m -> {
            if (m.getKey().startsWith(CeilingProfiler.SAMPLE)) {
                out.put(Integer.parseInt(m.getKey().substring(CeilingProfiler.SAMPLE.length())),
                        m.getValue().path("score").asDouble());
            }
        });
        return out;
    }

    /** {@code path=jdbcPrepared source=hikari}: params sorted by name, as JMH keeps them. */
    static String params(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(" "));
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
            if (!covers(b.key().benchmark()) || !"avgt".equals(b.key().mode())) {
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
                            .collect(Collectors.joining(" ", "(", ")"));
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
