package dev.taskbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare command on JMH JSON recorded by real runs (see src/test/resources/jmh/README.md). */
class CompareCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/jmh").toAbsolutePath();
    /** The profile folders JMH's async profiler names the two rows of the pool fixtures. */
    private static final String BENCHMARK = "dev.taskbench.pool.ConnectionPoolOverheadBenchmark.oneUser";
    private static final String HIKARI = BENCHMARK + "-AverageTime-poolSize-10-source-hikari";
    private static final String AGROAL = BENCHMARK + "-AverageTime-poolSize-10-source-agroal";
    private static final String LABEL = "taskbench: default  ConnectionPoolOverheadBenchmark.oneUser [poolSize=10, ";
    private static final String POOL = "java.lang.Thread.run;" + BENCHMARK + ";";
    private Properties saved;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void save() {
        saved = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    private int run(Path results, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "-Dtaskbench.results=" + results;
        System.arraycopy(args, 0, all, 1, args.length);
        return CompareCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anAaPairPassesTheGateAndWritesReports(@TempDir Path results) throws Exception {
        int code = run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-aa2.json"), "-Dtaskbench.gate=true");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Gate: pass"), out.toString(StandardCharsets.UTF_8));
        Path dir = results.resolve("compare-pool-aa1-vs-pool-aa2");
        assertTrue(Files.size(dir.resolve("report.md")) > 0 && Files.size(dir.resolve("report.html")) > 0);
    }

    @Test
    void aComparisonLeadsWithBothSidesFindings(@TempDir Path results) throws Exception {
        int code = run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-xint.json"));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(results.resolve("compare-pool-aa1-vs-pool-xint").resolve("report.md"));
        assertTrue(md.startsWith("## Comparison pool-aa1 \u2192 pool-xint\n\n## Findings: candidate, with the base's figure\n\n"
                + "### Pool bookkeeping"), md);
        // The pool-xint side's forks disagree (68,565 to 265,009 ns): the finding is undecided, with the base's figure.
        assertTrue(md.contains("- Undecided: ConnectionPoolOverheadBenchmark.oneUser agroal / hikari: ") && md.contains("(base: "), md);
        assertTrue(md.indexOf("**Gate: FAIL**") > md.indexOf("## Findings"), md);
        String html = Files.readString(results.resolve("compare-pool-aa1-vs-pool-xint").resolve("report.html"));
        assertTrue(html.indexOf("<section id=\"findings\">") < html.indexOf("<table>"), html);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Findings: candidate, with the base's figure"));
    }

    @Test
    void aPlantedRegressionFailsTheGateNamingTheRows(@TempDir Path results) {
        int code = run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-xint.json"), "-Dtaskbench.gate=true");
        assertEquals(CompareCommand.REGRESSION, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("taskbench: gate failed") && e.contains("source=hikari"), e);
    }

    @Test
    void withoutTheGateARegressionIsReportedButExitsZero(@TempDir Path results) {
        assertEquals(0, run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-xint.json")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("SLOWER"));
    }

    @Test
    void missingOrUnknownRunsAndBadEffectSizesAreReadableErrors(@TempDir Path results) throws Exception {
        assertEquals(1, run(results, "-Dbase=x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-Dbase=RUN -Dcandidate=RUN"));
        err.reset();
        Files.createDirectories(results.resolve("20260101-000000-smoke"));
        assertEquals(1, run(results, "-Dbase=nope", "-Dcandidate=nope2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("20260101-000000-smoke"), err.toString());
        err.reset();
        assertEquals(1, run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-aa2.json"), "-Dtaskbench.effect=five"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-Dtaskbench.effect"), err.toString());
    }

    @Test
    void aTruncatedResultNamesTheFile(@TempDir Path results) throws Exception {
        Path bad = results.resolve("cut.json");
        String whole = Files.readString(FIXTURES.resolve("pool-aa1.json"));
        Files.writeString(bad, whole.substring(0, whole.length() / 2));
        assertEquals(1, run(results, "-Dbase=" + bad, "-Dcandidate=" + FIXTURES.resolve("pool-aa2.json")));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("taskbench: ") && e.contains("cut.json") && !e.contains("\tat "), e);
    }

    /** A run folder as {@code jmh:run -Dtaskbench.profilers=cpu} leaves it: JMH's JSON and each row's stacks. */
    @Test
    void twoFoldersOfOneNameCompare(@TempDir Path results) throws Exception {
        // two interleaved runs' baseline/ folders: the same build, run apart, both named "baseline"
        recordRun(results.resolve("run-a").resolve("baseline"), "pool-aa1.json", Map.of());
        recordRun(results.resolve("run-b").resolve("baseline"), "pool-aa2.json", Map.of());
        int code = run(results, "-Dbase=" + results.resolve("run-a").resolve("baseline"),
                "-Dcandidate=" + results.resolve("run-b").resolve("baseline"), "-Dtaskbench.gate=true");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Gate: pass"), out.toString(StandardCharsets.UTF_8));
    }

    private static void recordRun(Path run, String fixture, Map<String, String> stacks) throws IOException {
        Files.createDirectories(run);
        Files.copy(FIXTURES.resolve(fixture), run.resolve("jmh-default.json"));
        for (Map.Entry<String, String> e : stacks.entrySet()) {
            Path row = Files.createDirectories(run.resolve("profiles").resolve(e.getKey()));
            Files.writeString(row.resolve("cpu.collapsed"), e.getValue());
        }
    }

    @Test
    void eachProfiledSlowerRowGetsADifferentialFlameGraphAndAMissingProfileIsNamed(@TempDir Path results)
            throws Exception {
        String agroal = POOL + "io.agroal.pool.ConnectionPool.getConnection 40\n";
        recordRun(results.resolve("before"), "pool-aa1.json", Map.of(AGROAL, agroal, HIKARI,
                POOL + "com.zaxxer.hikari.HikariDataSource.getConnection 60\n" + POOL + "ProxyConnection.close 40\n"));
        recordRun(results.resolve("after"), "pool-xint.json", Map.of(HIKARI,
                POOL + "com.zaxxer.hikari.HikariDataSource.getConnection 90\n" + POOL + "Interpreter 110\n"));
        int code = run(results, "-Dbase=before", "-Dcandidate=after", "-Dtaskbench.profile.regressions=true",
                "-Dtaskbench.gate=true");
        assertEquals(CompareCommand.REGRESSION, code, "the gate still judges: " + err.toString(StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        Path diff = results.resolve("compare-before-vs-after").resolve("diff").resolve(HIKARI).resolve("cpu.html");
        assertTrue(o.contains(LABEL + "source=hikari] avgt t1: SLOWER, differential flame graph in " + diff + "\n"), o);
        String html = Files.readString(diff);
        assertTrue(html.contains("<h1>Differential cpu flame graph: ConnectionPoolOverheadBenchmark.oneUser "
                + "[poolSize=10, source=hikari] avgt t1, before \u2192 after</h1>"), html);
        assertTrue(html.contains("<g><title>Interpreter: before 0.000, after 110, delta +110.0 (new)</title>"), html);
        assertTrue(o.contains(LABEL + "source=agroal] avgt t1: no cpu profile of this row in candidate after (no "
                + "profiles/" + AGROAL + "/cpu.collapsed); re-run that side with -Dtaskbench.profilers=cpu, or run both interleaved "
                + "(-Dtaskbench.baseline.jar with -Dtaskbench.profile.regressions=true profiles each SLOWER row on both "
                + "sides)\n"), o);
        assertFalse(Files.exists(diff.getParent().resolveSibling(AGROAL)), "no diff without both profiles");
    }

    @Test
    void withoutASlowerRowThereIsNoDiffAndItSaysSo(@TempDir Path results) {
        assertEquals(0, run(results, "-Dbase=" + FIXTURES.resolve("pool-aa1.json"),
                "-Dcandidate=" + FIXTURES.resolve("pool-aa2.json"), "-Dtaskbench.profile.regressions=true"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("taskbench: no SLOWER row, so no differential flame "
                + "graph\n"), out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(results.resolve("compare-pool-aa1-vs-pool-aa2").resolve("diff")));
    }

    @Test
    void aProfileTakenOnAnotherFlagSetIsSaid(@TempDir Path results) throws Exception {
        String stacks = POOL + "com.zaxxer.hikari.HikariDataSource.getConnection 60\n";
        recordRun(results.resolve("before"), "pool-aa1.json", Map.of(HIKARI, stacks));
        recordRun(results.resolve("after"), "pool-xint.json", Map.of(HIKARI, stacks));
        Files.writeString(results.resolve("after").resolve("metadata.json"), "{\"profiles\": {\"flagSet\": \"c1\"}}");
        run(results, "-Dbase=before", "-Dcandidate=after", "-Dtaskbench.profile.regressions=true");
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("/cpu.html (the candidate's profile ran on flag set c1, not the row's)\n"), o);
    }
}
