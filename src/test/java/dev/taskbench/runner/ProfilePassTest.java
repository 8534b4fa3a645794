package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real profiled runs of one tiny benchmark: a flame graph per row that opens offline, linked from the report, by either engine. */
class ProfilePassTest {
    /** A tag that makes a browser fetch something: script, link, img, iframe with an http(s) src or href. */
    private static final Pattern REMOTE = Pattern.compile(
            "<(script|link|img|iframe)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    final BehaviourRunProperties properties = new BehaviourRunProperties();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void leavesAFlameGraphPerRowOutsideTheResults(@TempDir Path tmp) throws Exception {
        Path run = profiledRun(tmp, "-Dtaskbench.profilers=cpu");
        List<Path> rows = ProfilePass.rows(run.resolve(ProfilePass.FOLDER));
        assertEquals(1, rows.size(), out.toString(StandardCharsets.UTF_8));
        assertOfflineFlameGraphWithTheBenchmarksFrames(rows.get(0), "cpu");
        String report = Files.readString(run.resolve("report.html"));
        String link = ProfilePass.FOLDER + "/" + rows.get(0).getFileName() + "/cpu.html";
        assertTrue(report.contains("href=\"" + link + "\""), report);
        JsonNode meta = new ObjectMapper().readTree(run.resolve("metadata.json").toFile());
        assertEquals("cpu", meta.path("profiles").path("events").get(0).asText(), meta.toString());
        JsonNode json = new ObjectMapper().readTree(run.resolve("jmh-default.json").toFile());
        assertEquals(1, json.size());
        assertEquals(1, json.get(0).path("primaryMetric").path("rawData").size(),
                "the smoke profile's one measured fork; the profiled fork is in no result");
        assertTrue(!Files.exists(run.resolve(ProfilePass.FOLDER).resolve(".raw-cpu")), "JMH's own folders are gone");
    }

    /** JFR's recording, converted by jfr-converter, leaves the same files; wall, which JFR cannot sample, says so. */
    @Test
    void theJfrEngineLeavesTheSameFilesPerEventItCanAnswer(@TempDir Path tmp) throws Exception {
        Path run = profiledRun(tmp, "-Dtaskbench.profilers=cpu,alloc,wall", "-D" + Profiling.ENGINE + "=jfr");
        String said = out.toString(StandardCharsets.UTF_8);
        List<Path> rows = ProfilePass.rows(run.resolve(ProfilePass.FOLDER));
        assertEquals(1, rows.size(), said);
        assertOfflineFlameGraphWithTheBenchmarksFrames(rows.get(0), "cpu");
        assertTrue(Files.size(rows.get(0).resolve("alloc.html")) > 0, said);
        assertTrue(!Files.exists(rows.get(0).resolve("wall.html")), said);
        assertTrue(said.contains("no wall profile from JFR"), said);
        assertTrue(said.contains("JMH's JFR profiler"), said);
        assertTrue(!Files.exists(run.resolve(ProfilePass.FOLDER).resolve(".raw-jfr")), "JMH's own folders are gone");
    }

    /** Where async-profiler ships no library (here: a platform it does not know), auto falls back to JFR and says why. */
    @Test
    void withoutAnAsyncProfilerLibraryAutoFallsBackToJfr(@TempDir Path tmp) throws Exception {
        System.setProperty("os.arch", "sparcv9");
        Path run = profiledRun(tmp, "-Dtaskbench.profilers=cpu");
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("ships no library for") && said.contains("JFR instead"), said);
        List<Path> rows = ProfilePass.rows(run.resolve(ProfilePass.FOLDER));
        assertEquals(1, rows.size(), said);
        assertOfflineFlameGraphWithTheBenchmarksFrames(rows.get(0), "cpu");
    }

    /** One smoke run of one tiny benchmark with {@code extra} options; its run folder. */
    private Path profiledRun(Path tmp, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-Dtaskbench.results=" + tmp.resolve("results"),
                "-Dtaskbench.profile=smoke", "-Djmh.include=ConnectionPoolOverheadBenchmark.baseline",
                "-D" + Profiling.CACHE + "=" + tmp.resolve("cache")));
        args.addAll(List.of(extra));
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, SuiteRunner.run(args.toArray(String[]::new), ps, ps), out.toString(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst()
                    .orElseThrow();
        }
    }

    private static void assertOfflineFlameGraphWithTheBenchmarksFrames(Path row, String event) throws Exception {
        Path graph = row.resolve(event + ".html");
        String html = Files.readString(graph);
        assertTrue(html.contains("<canvas") || html.contains("<svg"), "a flame graph: " + graph);
        Matcher remote = REMOTE.matcher(html);
        assertTrue(!remote.find(), () -> "loads from outside: " + remote.group());
        assertTrue(Files.readString(row.resolve(event + ".collapsed")).contains("ConnectionPoolOverheadBenchmark"),
                "collapsed stacks, kept for diffs, hold the benchmark's own frames");
    }
}
