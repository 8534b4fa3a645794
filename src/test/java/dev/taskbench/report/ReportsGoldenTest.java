package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskbench.cli.HistoryCommand;
import dev.taskbench.compare.Criteria;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.ReferenceResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report a run, a comparison, a pivot and a history write, from fixed inputs, held byte
 * for byte to the files in {@code src/test/resources/golden/}. Each inline SVG chart stands there
 * as its SHA-256 and length, so a golden file stays readable and still pins every byte. A
 * mismatch leaves the actual output in {@code target/golden-actual/}; {@code UPDATE_GOLDEN=1}
 * in the environment rewrites the golden files instead (then read the diff before committing).
 */
class ReportsGoldenTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    static final Path ACTUAL = Path.of("target", "golden-actual");
    static final Criteria O = Criteria.defaults();
    static final String EVIL = "<b>x</b> | *a* _b_ `c` [d](e) & \"f\" 'g' #h ~i !j \\k";

    @TempDir
    Path dir;

    // ---- runs

    @Test
    void theCommittedStandardRun() throws IOException {
        RunResults run = RunResults.read(Path.of("results", "baseline"));
        check("run-baseline", runReports(run));
    }

    /** Four flag sets, single-shot rows, and a profiled row's flame graphs beside the report. */
    @Test
    void aProfiledMatrixRun() throws IOException {
        Path folder = copyMatrix(dir.resolve("results"));
        Path row = Files.createDirectories(folder.resolve("profiles").resolve("dev.taskbench.loop.Bench.m-AverageTime"));
        Files.writeString(row.resolve("cpu.html"), "");
        Files.writeString(row.resolve("alloc.html"), "");
        check("run-matrix", runReports(RunResults.read(folder)));
    }

    /** Text with markup in every place a result carries text: run id, benchmark, parameter, unit. */
    @Test
    void aRunWhoseTextIsMarkup() {
        check("run-evil", runReports(evilRun("<run> & " + EVIL, "default")));
    }

    private static Map<String, String> runReports(RunResults run) {
        Map<String, String> out = new LinkedHashMap<>();
        Report report = RunReport.of(run, O);
        out.put("txt", ReportFormat.TEXT.render(report));
        out.put("console.txt", FindingsReport.text(Findings.of(run, O), O));
        out.put("md", ReportFormat.MARKDOWN.render(report));
        out.put("html", ReportFormat.HTML.render(report));
        return out;
    }

    // ---- comparisons, as jmh:compare writes them: the console, report.md and report.html

    /** The A run against its interpreter-only twin (recorded): a failed gate, allocation grown. */
    @Test
    void aRecordedRegression() throws IOException {
        Path root = dir.resolve("results");
        ReportsTest.copy("pool-aa1.json", root.resolve("pool-aa1").resolve("jmh-default.json"));
        ReportsTest.copy("pool-xint.json", root.resolve("pool-xint").resolve("jmh-default.json"));
        check("compare-recorded", compare(root, "pool-aa1", "pool-xint"));
    }

    /** Two flag sets of one run: rows paired across flag sets, findings paired question by question. */
    @Test
    void twoFlagSetsOfOneRun() throws IOException {
        Path root = dir.resolve("results");
        copyMatrix(root);
        check("compare-flagsets", compare(root, "matrix-smoke:interpreter", "matrix-smoke:c2"));
    }

    /**
     * Every kind of row at once, on two testbeds so that the gate does not judge: faster,
     * slower, same, unknown, allocation grown, throughput, rows on one side only, a second flag
     * set, and text that is markup.
     */
    @Test
    void everyKindOfRowOnTwoTestbeds() throws IOException {
        Path root = dir.resolve("results");
        writeRun(root.resolve("edge-base"), "X", List.of(
                row("default", "x.Edge.faster", 100, 10), row("default", "x.Edge.slower", 100, 10),
                row("default", "x.Edge.same", 100, 10), row("default", "x.Edge.fewForks", 100, 2),
                row("default", "x.Edge.grew", 100, 10).alloc(64), row("default", "x.Edge.gone", 50, 10),
                row("default", "x.Edge.throughput", 1000, 10).unit("ops/s"),
                row("default", "x.Evil.m", 100, 10).param("p", EVIL), row("c1", "x.Edge.faster", 300, 10)));
        writeRun(root.resolve("edge-cand"), "Y", List.of(
                row("default", "x.Edge.faster", 80, 10), row("default", "x.Edge.slower", 130, 10),
                row("default", "x.Edge.same", 100.1, 10), row("default", "x.Edge.fewForks", 120, 2),
                row("default", "x.Edge.grew", 100, 10).alloc(512), row("default", "x.Edge.fresh", 5, 10),
                row("default", "x.Edge.throughput", 800, 10).unit("ops/s"),
                row("default", "x.Evil.m", 101, 10).param("p", EVIL), row("c1", "x.Edge.faster", 310, 10)));
        check("compare-edge", compare(root, "edge-base", "edge-cand"));
    }

    /**
     * The committed standard run against a copy of it whose connection-pool rows take 25% longer:
     * every finding paired with the base's figure, and a failed gate on one testbed.
     */
    @Test
    void theStandardRunAgainstASlowerCopy() throws IOException {
        Path root = dir.resolve("results");
        Path base = Files.createDirectories(root.resolve("standard"));
        Path candidate = Files.createDirectories(root.resolve("standard-slower"));
        ObjectMapper json = new ObjectMapper();
        for (Path to : List.of(base, candidate)) {
            ObjectNode metadata = (ObjectNode) json.readTree(Path.of("results", "baseline", "metadata.json").toFile());
            metadata.put("runId", to.getFileName().toString());
            json.writeValue(to.resolve("metadata.json").toFile(), metadata);
        }
        Files.copy(Path.of("results", "baseline", "jmh-default.json"), base.resolve("jmh-default.json"));
        ArrayNode rows = (ArrayNode) json.readTree(Path.of("results", "baseline", "jmh-default.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            if (row.get("benchmark").asText().contains("ConnectionPoolOverheadBenchmark")) {
                for (com.fasterxml.jackson.databind.JsonNode fork : row.get("primaryMetric").get("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((ArrayNode) fork).set(i, fork.get(i).asDouble() * 1.25);
                    }
                }
            }
        }
        json.writeValue(candidate.resolve("jmh-default.json").toFile(), rows);
        check("compare-standard", compare(root, "standard", "standard-slower"));
    }

    /** A comparison that passes: the A run against itself again (recorded). */
    @Test
    void aRecordedPass() throws IOException {
        Path root = dir.resolve("results");
        ReportsTest.copy("pool-aa1.json", root.resolve("pool-aa1").resolve("jmh-default.json"));
        ReportsTest.copy("pool-aa2.json", root.resolve("pool-aa2").resolve("jmh-default.json"));
        check("compare-pass", compare(root, "pool-aa1", "pool-aa2"));
    }

    private static Map<String, String> compare(Path root, String base, String candidate) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ComparisonReports.compareAndReport(root, base, candidate, O, Optional.empty(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        Path folder;
        try (Stream<Path> s = Files.list(root)) {
            folder = s.filter(p -> p.getFileName().toString().startsWith("compare-")).findFirst().orElseThrow();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("console.txt", console.toString(StandardCharsets.UTF_8).replace(root.toString(), "<results>"));
        out.put("md", Files.readString(folder.resolve("report.md")));
        out.put("html", Files.readString(folder.resolve("report.html")));
        return out;
    }

    // ---- the pivot a matrix run prints and keeps as pivot.txt

    @Test
    void theMatrixPivotWithReferenceRuntimes() throws Exception {
        Path matrix = Path.of("src", "test", "resources", "jmh", "matrix-smoke");
        Map<String, Path> files = new LinkedHashMap<>();
        for (String set : List.of("interpreter", "c1", "c2", "jdk25")) {
            files.put(set, matrix.resolve("jmh-" + set + ".json"));
        }
        ObjectMapper json = new ObjectMapper();
        List<ReferenceResult> references = json.readerForListOf(ReferenceResult.class)
                .readValue(json.readTree(matrix.resolve("reference.json").toFile()).get("results"));
        check("pivot-matrix", Map.of("txt", Pivot.read(files, references, O).render()));
    }

    /** Five forks a flag set: each cell against the first column carries its ratio, interval and verdict. */
    @Test
    void aPivotWhoseCellsCarryVerdicts() throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, Double> set : Map.of("c2", 100.0, "c1", 300.0, "same", 100.2).entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList()) {
            Path run = dir.resolve(set.getKey());
            writeRun(run, "X", List.of(row(set.getKey(), "x.Loop.run", set.getValue(), 5),
                    row(set.getKey(), "x.Loop.sized", set.getValue(), 5).param("n", "10"),
                    row(set.getKey(), "x.Loop.sized", 2 * set.getValue(), 5).param("n", "20")));
            files.put(set.getKey(), run.resolve("jmh-" + set.getKey() + ".json"));
        }
        check("pivot-verdicts", Map.of("txt", Pivot.read(files, List.of(), O).render()));
    }

    // ---- the history, which shares the HTML page's frame

    @Test
    void aHistoryOfFourRecordedRuns() throws IOException {
        Path runs = dir.resolve("history-runs");
        ObjectMapper json = new ObjectMapper();
        List<String> fixtures = List.of("pool-aa1", "pool-aa2", "pool-c1", "pool-xint");
        for (int i = 0; i < fixtures.size(); i++) {
            Path run = runs.resolve(String.format("run%02d-%s", i + 1, fixtures.get(i)));
            ReportsTest.copy(fixtures.get(i) + ".json", run.resolve("jmh-default.json"));
            ObjectNode metadata = json.createObjectNode();
            metadata.put("runId", run.getFileName().toString());
            metadata.put("startedAt", Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * i).toString());
            metadata.putObject("git").put("commit", "c" + (i + 1) + "00000000");
            metadata.set("testbed", json.valueToTree(new Testbed(new TreeMap<>(Map.of("cpu.model", "X"))).toMetadata()));
            json.writeValue(run.resolve("metadata.json").toFile(), metadata);
        }
        Path out = dir.resolve("history");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(0, HistoryCommand.run(new String[] {"-Dtaskbench.history.dir=" + runs,
            "-Dtaskbench.history.out=" + out}, ps, ps));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("console.txt", console.toString(StandardCharsets.UTF_8).replace(dir.toString(), "<tmp>"));
        files.put("md", Files.readString(out.resolve("history.md")));
        files.put("html", Files.readString(out.resolve("history.html")));
        check("history", files);
    }

    // ---- inputs

    static Path copyMatrix(Path root) throws IOException {
        Path from = Path.of("src", "test", "resources", "jmh", "matrix-smoke");
        Path to = Files.createDirectories(root.resolve("matrix-smoke"));
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** Two benchmark methods whose parameter, unit and flag set carry markup. */
    static RunResults evilRun(String id, String flagSet) {
        List<dev.taskbench.results.BenchmarkResult> rs = new ArrayList<>();
        for (String method : List.of("a.Evil.first", "a.Evil.second")) {
            dev.taskbench.results.BenchmarkKey key = dev.taskbench.results.BenchmarkKey.of(method, Map.of("p", EVIL),
                    "avgt", 1);
            rs.add(new dev.taskbench.results.BenchmarkResult(key, flagSet, "ns/op", List.of(10.0, 11.0, 12.0, 10.5,
                    11.5), Optional.of(List.of(24.0, 24.0, 24.0, 24.0, 24.0)), Double.NaN));
        }
        return new RunResults(Path.of(id), id, Map.of(), rs);
    }

    /** One row of a synthetic JMH result: fork scores spread 0.2% around a centre. */
    static final class JsonRow {
        final String flagSet;
        final String benchmark;
        final double centre;
        final int forks;
        final Map<String, String> params = new TreeMap<>();
        String unit = "ns/op";
        double alloc = Double.NaN;

        JsonRow(String flagSet, String benchmark, double centre, int forks) {
            this.flagSet = flagSet;
            this.benchmark = benchmark;
            this.centre = centre;
            this.forks = forks;
        }

        JsonRow alloc(double bytes) {
            alloc = bytes;
            return this;
        }

        JsonRow unit(String u) {
            unit = u;
            return this;
        }

        JsonRow param(String name, String value) {
            params.put(name, value);
            return this;
        }
    }

    static JsonRow row(String flagSet, String benchmark, double centre, int forks) {
        return new JsonRow(flagSet, benchmark, centre, forks);
    }

    static void writeRun(Path folder, String cpu, List<JsonRow> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(folder);
        Map<String, ArrayNode> files = new LinkedHashMap<>();
        for (JsonRow r : rows) {
            ObjectNode e = files.computeIfAbsent(r.flagSet, f -> json.createArrayNode()).addObject();
            e.put("benchmark", r.benchmark).put("mode", "avgt").put("threads", 1).put("forks", r.forks);
            ObjectNode params = e.putObject("params");
            r.params.forEach(params::put);
            ObjectNode primary = e.putObject("primaryMetric");
            primary.put("score", r.centre).put("scoreError", 1.0).put("scoreUnit", r.unit);
            raw(primary.putArray("rawData"), r.centre, r.forks);
            if (!Double.isNaN(r.alloc)) {
                ObjectNode alloc = e.putObject("secondaryMetrics").putObject("\u00b7gc.alloc.rate.norm");
                alloc.put("score", r.alloc).put("scoreUnit", "B/op");
                raw(alloc.putArray("rawData"), r.alloc, r.forks);
            }
        }
        for (Map.Entry<String, ArrayNode> f : files.entrySet()) {
            json.writeValue(folder.resolve("jmh-" + f.getKey() + ".json").toFile(), f.getValue());
        }
        ObjectNode metadata = json.createObjectNode();
        metadata.put("runId", folder.getFileName().toString());
        metadata.set("testbed", json.valueToTree(new Testbed(new TreeMap<>(Map.of("cpu.model", cpu))).toMetadata()));
        json.writeValue(folder.resolve("metadata.json").toFile(), metadata);
    }

    private static void raw(ArrayNode forks, double centre, int n) {
        for (int i = 0; i < n; i++) {
            forks.addArray().add(centre * (1 + 0.002 * (i - n / 2.0)));
        }
    }

    // ---- the golden files

    private static void check(String name, Map<String, String> outputs) {
        List<String> differ = new ArrayList<>();
        boolean update = System.getenv("UPDATE_GOLDEN") != null;
        outputs.forEach((ext, text) -> {
            String file = name + "." + ext;
            String actual = withChartsAsDigests(text);
            try {
                if (update) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(GOLDEN.resolve(file), actual, StandardCharsets.UTF_8);
                    return;
                }
                Path golden = GOLDEN.resolve(file);
                String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
                if (!actual.equals(expected)) {
                    Files.createDirectories(ACTUAL);
                    Files.writeString(ACTUAL.resolve(file), actual, StandardCharsets.UTF_8);
                    Files.writeString(ACTUAL.resolve(file + ".full"), text, StandardCharsets.UTF_8);
                    differ.add(file + (expected == null ? " (no golden file)" : " from line " + firstDifference(expected,
                            actual)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(differ.isEmpty(), () -> "differs from " + GOLDEN + ": " + differ + "; the actual output is in "
                + ACTUAL);
    }

    private static int firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int i = 0;
        while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
            i++;
        }
        return i + 1;
    }

    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    /** Each inline SVG as {@code <svg sha256="..." chars="..."/>}: every byte pinned, none to read. */
    static String withChartsAsDigests(String text) {
        Matcher m = SVG.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("<svg sha256=\"" + sha256(m.group()) + "\" chars=\""
                    + m.group().length() + "\"/>"));
        }
        return m.appendTail(b).toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
