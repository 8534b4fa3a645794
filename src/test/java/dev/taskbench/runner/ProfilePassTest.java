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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real profiled run of one tiny benchmark: a flame graph per row that opens offline, linked from the report. */
class ProfilePassTest {
    /** A tag that makes a browser fetch something: script, link, img, iframe with an http(s) src or href. */
    private static final Pattern REMOTE = Pattern.compile(
            "<(script|link|img|iframe)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);

    private Properties saved;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void saveProperties() {
        saved = (Properties) System.getProperties().clone();
        // a behaviour check, not a measurement
        System.setProperty("jmh.ignoreLock", "true");
    }

    @AfterEach
    void restoreProperties() {
        System.setProperties(saved);
    }

    @Test
    void leavesAFlameGraphPerRowOutsideTheResults(@TempDir Path tmp) throws Exception {
        String[] args = {"-Dtaskbench.results=" + tmp.resolve("results"), "-Dtaskbench.profile=smoke",
            "-Djmh.include=ConnectionPoolOverheadBenchmark.baseline", "-Dtaskbench.profilers=cpu",
            "-D" + Profiling.CACHE + "=" + tmp.resolve("cache")};
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, SuiteRunner.run(args, ps, ps), out.toString(StandardCharsets.UTF_8));
        Path run;
        try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
            run = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst()
                    .orElseThrow();
        }
        List<Path> rows = ProfilePass.rows(run.resolve(ProfilePass.FOLDER));
        assertEquals(1, rows.size(), out.toString(StandardCharsets.UTF_8));
        Path graph = rows.get(0).resolve("cpu.html");
        String html = Files.readString(graph);
        assertTrue(html.contains("<canvas") || html.contains("<svg"), "a flame graph: " + graph);
        Matcher remote = REMOTE.matcher(html);
        assertTrue(!remote.find(), () -> "loads from outside: " + remote.group());
        assertTrue(Files.readString(rows.get(0).resolve("cpu.collapsed")).contains("ConnectionPoolOverheadBenchmark"),
                "collapsed stacks, kept for diffs, hold the benchmark's own frames");
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
}
