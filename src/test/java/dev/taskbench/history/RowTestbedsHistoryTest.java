package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.cli.HistoryCommand;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.report.ComparisonReports;
import dev.taskbench.report.HistoryReport;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row's history is keyed on the facts it depends on: one machine's CPU-only rows are one series
 * whether or not a database shared their run, database rows split on PostgreSQL's settings; a copied
 * run folder is skipped with one line; older runs without the record read from their declarations.
 */
class RowTestbedsHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPU = "x.Cpu.loop";
    private static final String DB = "x.Db.write";
    private static final Instant T0 = Instant.parse("2026-12-05T18:06:32Z");
    private static final Map<String, String> MACHINE = Map.of("cpu.model", "cpu A", "cpu.flags", "sse avx",
            "cpu.cores", "2", "jdk", "OpenJDK 17");

    @TempDir
    Path root;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The machine's facts with PostgreSQL's, fsync as given. */
    static Map<String, String> withPostgres(String fsync) {
        Map<String, String> facts = new TreeMap<>(MACHINE);
        facts.put("postgres.server_version", "16.4");
        facts.put("postgres.fsync", fsync);
        return facts;
    }

    /**
     * A run folder as the runner writes it: one JMH row per benchmark at about {@code score} ns/op,
     * the testbed's facts and which benchmarks drove PostgreSQL ({@code drivers}).
     */
    static Path run(Path folder, String id, int hour, Map<String, String> facts, List<String> benchmarks,
            List<String> drivers) throws IOException {
        Map<String, Object> testbed = new LinkedHashMap<>(new Testbed(new TreeMap<>(facts)).toMetadata());
        testbed.put(RowTestbeds.DATABASE_BENCHMARKS, drivers);
        return write(folder, benchmarks, Map.of("runId", id, "startedAt", T0.plusSeconds(3600L * hour).toString(),
                "git", Map.of("commit", "c" + hour), Testbed.METADATA_KEY, testbed));
    }

    static Path write(Path folder, List<String> benchmarks, Map<String, Object> metadata) throws IOException {
        Files.createDirectories(folder);
        String rows = benchmarks.stream().map(b -> RunHistoryTest.entry(b, "[100.0],[101.0],[99.0]"))
                .collect(Collectors.joining(","));
        Files.writeString(folder.resolve("jmh-default.json"), "[" + rows + "]");
        JSON.writeValue(folder.resolve("metadata.json").toFile(), metadata);
        return folder;
    }

    /** Each testbed key a row's series are on, in the order of their first run. */
    static List<String> keysOf(RunHistory h, String benchmark) {
        return h.series().entrySet().stream().filter(e -> e.getValue().stream()
                .anyMatch(s -> s.row().key().benchmark().equals(benchmark))).map(Map.Entry::getKey).toList();
    }

    static Series seriesOf(RunHistory h, String key, String benchmark) {
        return h.series().get(key).stream().filter(s -> s.row().key().benchmark().equals(benchmark)).findFirst()
                .orElseThrow();
    }

    RunHistory read() {
        return RunHistory.read(root, Criteria.defaults().withResamples(100),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRunWithoutTheDatabaseAndAFullRunOnOneMachineShareTheCpuRowsSeries() throws IOException {
        run(root.resolve("20261205-180632-standard"), "20261205-180632-standard", 0, withPostgres("on"),
                List.of(CPU, DB), List.of(DB));
        run(root.resolve("20261205-190102-counterloop"), "20261205-190102-counterloop", 1, MACHINE, List.of(CPU),
                List.of());
        RunHistory h = read();
        String machine = new Testbed(new TreeMap<>(MACHINE)).hash();
        String full = new Testbed(new TreeMap<>(withPostgres("on"))).hash();
        assertEquals(List.of(machine), keysOf(h, CPU), "one machine, one testbed for the CPU-only row");
        assertEquals(2, seriesOf(h, machine, CPU).points().size());
        assertEquals(List.of(full), keysOf(h, DB), "the database row on machine and PostgreSQL, as the run's hash");
        assertEquals(2, h.runsOn(machine).size());
        assertEquals(List.of("20261205-180632-standard"), h.runsOn(full).stream().map(RunHistory.Run::id).toList());
        assertTrue(h.testbed(machine).facts().keySet().stream().noneMatch(Testbed::databaseFact));
        String text = new HistoryReport(h, ChangePoints.Params.defaults()).text(root);
        assertTrue(text.contains("2 testbed(s)") && text.contains("testbed " + machine + " (cpu A, 2 cores, OpenJDK 17), "
                + "keyed on the machine alone: 2 run(s)") && text.contains("testbed " + full + " (cpu A, 2 cores, "
                + "OpenJDK 17, 16.4), keyed on the machine and PostgreSQL: 1 run(s)"), text);
    }

    @Test
    void aChangedPostgresSettingSplitsOnlyTheDatabaseRows() throws IOException {
        for (int i = 0; i < 4; i++) {
            run(root.resolve("run" + i), "run" + i, i, withPostgres(i < 2 ? "on" : "off"), List.of(CPU, DB), List.of(DB));
        }
        RunHistory h = read();
        String machine = new Testbed(new TreeMap<>(MACHINE)).hash();
        assertEquals(List.of(machine), keysOf(h, CPU));
        assertEquals(4, seriesOf(h, machine, CPU).points().size());
        List<String> db = keysOf(h, DB);
        assertEquals(2, db.size(), "fsync on, then off");
        db.forEach(k -> assertEquals(2, seriesOf(h, k, DB).points().size()));
    }

    /** Drift for a comparison is read per row, from the series on the testbed that row depends on. */
    @Test
    void driftHoldsEachRowAgainstItsOwnTestbed() throws IOException {
        for (int i = 0; i < 4; i++) {
            run(root.resolve("full" + i), "full" + i, i, withPostgres("on"), List.of(CPU, DB), List.of(DB));
        }
        run(root.resolve("cpu-a"), "cpu-a", 5, MACHINE, List.of(CPU), List.of());
        run(root.resolve("cpu-b"), "cpu-b", 6, MACHINE, List.of(CPU), List.of());
        RunHistory h = read();
        var candidate = dev.taskbench.results.RunResults.read(root.resolve("cpu-b"));
        RunDrift drift = RunDrift.of(h.seriesOf(candidate), java.util.Set.of("cpu-a", "cpu-b"));
        RowKey cpu = candidate.results().get(0).row();
        assertEquals(4, drift.of(cpu).orElseThrow().runs(), "the full runs' CPU-only rows are its history");
    }

    @Test
    void aCopiedRunFolderIsSkippedWithOneLineAndTheRestReads() throws IOException {
        Path first = run(root.resolve("nightly-a").resolve("run1"), "run1", 0, MACHINE, List.of(CPU), List.of());
        Path copy = run(root.resolve("nightly-b").resolve("run1"), "run1", 0, MACHINE, List.of(CPU), List.of());
        run(root.resolve("run2"), "run2", 1, MACHINE, List.of(CPU), List.of());
        RunHistory h = read();
        assertEquals(List.of("run1", "run2"), h.runs().stream().map(RunHistory.Run::id).toList());
        assertEquals("taskbench: " + first + " and " + copy + " hold the same run run1; skipping " + copy + "\n",
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream commandErr = new ByteArrayOutputStream();
        int code = HistoryCommand.run(new String[] {"-Dtaskbench.history.dir=" + root}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(commandErr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, commandErr.toString(StandardCharsets.UTF_8));
        assertEquals(1, commandErr.toString(StandardCharsets.UTF_8).lines().count(), commandErr.toString(StandardCharsets.UTF_8));

        Comparison c = ComparisonReports.compareAndReport(root, first, root.resolve("run2"), Criteria.defaults(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(1, c.rows().size(), "a comparison reads the history (for drift) past the copy");
    }

    /**
     * A run older than the record (no testbed section, no list of database benchmarks): its facts
     * from the sections it did write, which rows drive PostgreSQL from this build's declarations, and
     * a benchmark this build does not know keyed on PostgreSQL too.
     */
    @Test
    void anOldFormatRunReadsWhichRowsDriveTheDatabaseFromTheirDeclarations() throws IOException {
        String counter = "dev.taskbench.loop.CounterLoopBenchmark.faithful";
        String insert = "dev.taskbench.write.InsertBenchmark.batch";
        String gone = "x.Gone.m";
        Map<String, Object> machine = Map.of("cpuModel", "cpu A", "cores", 2, "os", "Linux");
        Map<String, Object> jdk = Map.of("vm", "OpenJDK 17");
        write(root.resolve("old-full"), List.of(counter, insert, gone), Map.of("runId", "old-full", "startedAt",
                T0.toString(), "machine", machine, "jdk", jdk, "database", Map.of("source", "explicit",
                        "server_version", "15.20", "fsync", "on")));
        write(root.resolve("old-cpu"), List.of(counter), Map.of("runId", "old-cpu", "startedAt",
                T0.plusSeconds(3600).toString(), "machine", machine, "jdk", jdk, "database", Map.of("source", "none")));
        RunHistory h = read();
        assertEquals(2, h.runs().size());
        RowTestbeds full = RowTestbeds.of(dev.taskbench.results.RunResults.read(root.resolve("old-full")));
        assertTrue(!full.recorded());
        assertEquals(Testbed.Scope.MACHINE, full.scope(counter));
        assertEquals(Testbed.Scope.DATABASE, full.scope(insert));
        assertEquals(Testbed.Scope.DATABASE, full.scope(gone), "unknown here: keyed on PostgreSQL too");
        assertEquals(1, keysOf(h, counter).size());
        assertEquals(2, seriesOf(h, keysOf(h, counter).get(0), counter).points().size());
        assertEquals(keysOf(h, insert), keysOf(h, gone));
        assertEquals(full.whole().hash(), keysOf(h, insert).get(0), "a database row keeps the run's old hash");
    }
}
