package dev.taskbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.cli.HistoryCommand;
import dev.taskbench.compare.Criteria;
import dev.taskbench.report.HistoryReport;
import dev.taskbench.results.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders made here (JMH JSON and metadata as the runner writes them) read back as a history. */
class RunHistoryTest {
    @TempDir
    Path root;

    /** One run folder: a slow row whose forks centre on {@code slow} ns/op, and a steady row. */
    static void run(Path root, String id, Instant started, String commit, String cpu, double slow, long seed)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        Random r = new Random(seed);
        String forks = IntStream.range(0, 5).mapToObj(i -> "[" + String.format(Locale.ROOT, "%.4f",
                slow * (1 + 0.01 * r.nextGaussian())) + "]").collect(Collectors.joining(","));
        String steady = IntStream.range(0, 5).mapToObj(i -> "[" + String.format(Locale.ROOT, "%.4f",
                100 * (1 + 0.01 * r.nextGaussian())) + "]").collect(Collectors.joining(","));
        Files.writeString(dir.resolve("jmh-default.json"), "[" + entry("x.Slow.m", forks) + "," + entry("x.Steady.m", steady)
                + "]");
        Testbed t = new Testbed(new TreeMap<>(Map.of("cpu.model", cpu, "cpu.cores", "2")));
        String metadata = "{\"runId\":\"" + id + "\",\"startedAt\":\"" + started + "\",\"git\":{\"commit\":\"" + commit
                + "\"},\"testbed\":{\"hash\":\"" + t.hash() + "\",\"facts\":{\"cpu.model\":\"" + cpu
                + "\",\"cpu.cores\":\"2\"}}}";
        Files.writeString(dir.resolve("metadata.json"), metadata);
    }

    static String entry(String benchmark, String rawData) {
        return "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"avgt\",\"threads\":1,\"forks\":5,\"params\":{},"
                + "\"primaryMetric\":{\"score\":1,\"scoreError\":0,\"scoreUnit\":\"ns/op\",\"rawData\":[" + rawData + "]}}";
    }

    /** Ten runs a day apart; from run 6 on, the slow row is 10% slower. */
    void tenRunsWithAStepAtSix() throws IOException {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        for (int i = 1; i <= 10; i++) {
            run(root, String.format(Locale.ROOT, "run%02d", i), t0.plusSeconds(86_400L * i), "c" + i + "000000000",
                    "cpu A", i >= 6 ? 110 : 100, i);
        }
    }

    @Test
    void aPlantedStepIsFoundAtItsRunWithTheCommitsOnEitherSide() throws IOException {
        tenRunsWithAStepAtSix();
        RunHistory h = RunHistory.read(root, Criteria.defaults().withResamples(500));
        assertEquals(10, h.runs().size());
        assertTrue(h.skipped().isEmpty(), h.skipped().toString());
        HistoryReport report = new HistoryReport(h, ChangePoints.Params.defaults());
        List<HistoryReport.Found> found = report.found();
        assertEquals(1, found.size(), report.text(root));
        assertEquals(5, found.get(0).point().index(), "the sixth run (index 5) starts the new segment");
        assertEquals("x.Slow.m", found.get(0).series().row().key().benchmark());
        String text = report.text(root);
        assertTrue(text.contains("SLOWER") && text.contains("run05 (c500000000)") && text.contains("run06 (c600000000)"),
                text);
    }

    @Test
    void runsOnAnotherTestbedAreAnotherHistory() throws IOException {
        tenRunsWithAStepAtSix();
        run(root, "other", Instant.parse("2026-11-20T02:00:00Z"), "c99", "cpu B", 300, 99);
        RunHistory h = RunHistory.read(root, Criteria.defaults().withResamples(500));
        assertEquals(2, h.series().size());
        HistoryReport report = new HistoryReport(h, ChangePoints.Params.defaults());
        assertEquals(1, report.found().size(), "one run at 3x on another machine is no change point");
    }

    @Test
    void unfinishedComparisonAndCorruptFoldersAreSkippedOrLeftOut() throws IOException {
        tenRunsWithAStepAtSix();
        Files.createDirectories(root.resolve(".incomplete-x")).resolve("jmh-default.json").toFile().createNewFile();
        Files.createDirectories(root.resolve("compare-a-vs-b"));
        Path bad = Files.createDirectories(root.resolve("broken"));
        Files.writeString(bad.resolve("jmh-default.json"), "{not json");
        RunHistory h = RunHistory.read(root, Criteria.defaults().withResamples(500));
        assertEquals(10, h.runs().size());
        assertEquals(1, h.skipped().size(), h.skipped().toString());
        assertTrue(h.skipped().get(0).startsWith("broken: "), h.skipped().get(0));
    }

    @Test
    void theCommandWritesSelfContainedReports() throws IOException {
        tenRunsWithAStepAtSix();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HistoryCommand.run(new String[] {"-Dtaskbench.history.dir=" + root}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String html = Files.readString(root.resolve("history").resolve("history.html"));
        assertTrue(html.contains("<svg"), "one trend per row");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "loads nothing from outside");
        assertTrue(Files.readString(root.resolve("history").resolve("history.md")).contains("| SLOWER | +10."));
        int bad = HistoryCommand.run(new String[] {"-Dtaskbench.history.maxP=NaN", "-Dtaskbench.history.dir=" + root},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, bad);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-Dtaskbench.history.maxP=NaN is not valid"));
    }
}
