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
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dtaskbench.db.roundTripMs}: a real run whose write benchmark and proof of work go
 * through the delaying proxy; the metadata and the testbed say so, so such a run is never
 * gated against a loopback one.
 */
class InjectedRoundTripTest {
    @RegisterExtension
    final BehaviourRunProperties properties = new BehaviourRunProperties();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aRunThroughTheDelayRecordsItInItsTestbed(@TempDir Path tmp) throws Exception {
        String[] args = {"-Dtaskbench.results=" + tmp, "-Dtaskbench.profile=smoke",
            "-Djmh.include=InsertBenchmark.requestOneUser", "-Djmh.args=-p path=jdbcPrepared", "-Dtaskbench.ceiling=off",
            "-D" + RunSettings.ROUND_TRIP + "=3"};
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, SuiteRunner.run(args, ps, ps), () -> out.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("adding 3 ms to each round trip"), said);
        Path run;
        try (Stream<Path> s = Files.list(tmp)) {
            run = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).findFirst()
                    .orElseThrow();
        }
        JsonNode meta = new ObjectMapper().readTree(run.resolve("metadata.json").toFile());
        assertEquals(3, meta.path("database").path("injectedRoundTripMs").asInt(), meta.toString());
        assertEquals("3", meta.path("testbed").path("facts").path("network.injectedRoundTripMs").asText(),
                meta.path("testbed").toString());
    }

    @Test
    void aNegativeRoundTripIsOneLine(@TempDir Path tmp) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = SuiteRunner.run(new String[] {"-Dtaskbench.results=" + tmp, "-D" + RunSettings.ROUND_TRIP + "=-1"},
                ps, ps);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(code != 0, said);
        assertTrue(said.contains("-D" + RunSettings.ROUND_TRIP + "=-1 is not valid"), said);
    }
}
