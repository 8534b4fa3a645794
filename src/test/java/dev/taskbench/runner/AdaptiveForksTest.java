package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Candidate and baseline interleaved, with rows that start undecided: each gets fork pairs until
 * decided or the cap. Real JMH runs; the "baseline build" is these very classes behind a
 * manifest-only jar, so no package phase is needed.
 */
class AdaptiveForksTest {
    private Properties saved;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void saveProperties() {
        saved = (Properties) System.getProperties().clone();
        System.setProperty("jmh.ignoreLock", "true");
    }

    @AfterEach
    void restoreProperties() {
        System.setProperties(saved);
    }

    /** A jar whose manifest names this test JVM's class path and the JMH main the shaded jar has. */
    static Path manifestJar(Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JmhMain.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("baseline.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar;
    }

    @Test
    void undecidedRowsGetForkPairsUpToTheCap(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        String[] args = {"-Dtaskbench.results=" + results, "-Dtaskbench.profile=smoke",
            "-Dtaskbench.baseline.jar=" + manifestJar(dir), "-Dtaskbench.adaptive.maxForks=4",
            "-Djmh.include=ConnectionPoolOverheadBenchmark.baseline", "-Djmh.args=-f 3 -wi 1 -w 100ms -i 1 -r 100ms"};
        int code = SuiteRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        // three forks a side can never be significant (best p 0.1): the row is undecided, one more pair
        assertTrue(said.contains("1 row(s) undecided after 3 fork pair(s)"), said);
        assertTrue(said.contains("fork pair 4, flag set default: ConnectionPoolOverheadBenchmark.baseline"), said);
        Path run;
        try (Stream<Path> s = Files.list(results)) {
            run = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().startsWith("compare-")).findFirst().orElseThrow();
        }
        assertEquals(4, forks(run.resolve("jmh-default.json")), "the candidate's forks, capped");
        assertEquals(4, forks(run.resolve("baseline").resolve("jmh-default.json")), "as many baseline forks");
        try (Stream<Path> s = Files.list(run.resolve("baseline"))) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertTrue(left.isEmpty(), "round files are merged and removed: " + left);
        }
    }

    private static int forks(Path jmhJson) throws Exception {
        JsonNode row = new ObjectMapper().readTree(jmhJson.toFile()).get(0);
        return row.get("primaryMetric").get("rawData").size();
    }
}
