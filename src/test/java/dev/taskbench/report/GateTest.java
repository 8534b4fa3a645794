package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ExitCodes;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.RunSpec;
import dev.taskbench.results.Testbed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The gate's three outcomes, and the testbed and coverage rules that make it never blind and never cry wolf. */
class GateTest {
    static final Criteria C = Criteria.defaults().withResamples(1000);

    static BenchmarkResult row(String flagSet, String method, double centre, int forks) {
        List<Double> scores = IntStream.range(0, forks).mapToObj(i -> centre * (1 + 0.002 * (i - forks / 2.0)))
                .collect(Collectors.toList());
        return new BenchmarkResult(BenchmarkKey.of("x.B." + method, Map.of(), "avgt", 1), flagSet, "ns/op", scores,
                Optional.empty(), centre);
    }

    static RunResults run(String folder, String cpu, BenchmarkResult... rows) {
        Map<String, Object> metadata = Map.of(Testbed.METADATA_KEY,
                new Testbed(new TreeMap<>(Map.of("cpu.model", cpu))).toMetadata());
        return new RunResults(Path.of(folder), Path.of(folder).getFileName().toString(), metadata, Arrays.asList(rows));
    }

    static int gate(Comparison c, boolean across, StringBuilder said) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ComparisonReports.gateVerdict(c, across, new PrintStream(err, true, StandardCharsets.UTF_8));
        said.append(err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void aRegressionFailsWithItsOwnCode() {
        Comparison c = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10)),
                run("r/b", "X", row("default", "m", 150, 10)), C);
        StringBuilder said = new StringBuilder();
        assertEquals(ExitCodes.REGRESSION, gate(c, false, said));
        assertTrue(said.toString().contains("B.m"), said.toString());
    }

    @Test
    void aGateThatMatchedNothingOrMissesRowsCannotPass() {
        StringBuilder said = new StringBuilder();
        Comparison none = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10)),
                run("r/b", "X", row("c1", "m", 100, 10)), C);
        assertEquals(ExitCodes.NOT_JUDGED, gate(none, false, said));
        Comparison dropped = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10), row("default", "n", 5, 10)),
                run("r/b", "X", row("default", "m", 100, 10)), C);
        assertEquals(ExitCodes.NOT_JUDGED, gate(dropped, false, said));
        Comparison oneFork = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10)),
                run("r/b", "X", row("default", "m", 100, 1)), C);
        assertEquals(ExitCodes.NOT_JUDGED, gate(oneFork, false, said));
        assertTrue(said.toString().contains("cannot judge"), said.toString());
    }

    @Test
    void sameRowsOnOneTestbedWithEnoughForksPass() {
        StringBuilder said = new StringBuilder();
        Comparison same = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10)),
                run("r/b", "X", row("default", "m", 100, 10)), C);
        assertEquals(ExitCodes.OK, gate(same, false, said), said.toString());
    }

    @Test
    void otherTestbedsAreRefusedEvenWithARegressionUnlessForced() {
        StringBuilder said = new StringBuilder();
        Comparison c = Comparison.compare(run("r/a", "X", row("default", "m", 100, 10)),
                run("r/b", "Y", row("default", "m", 150, 10)), C);
        assertEquals(ExitCodes.NOT_JUDGED, gate(c, false, said));
        assertTrue(said.toString().contains("different testbeds"), said.toString());
        assertEquals(ExitCodes.REGRESSION, gate(c, true, new StringBuilder()));
        String table = ReportFormat.TEXT.render(ComparisonReport.of(c));
        assertTrue(table.contains("Gate: not judged (base and candidate ran on different testbeds; on the rows alone it"
                + " would fail, 1 row(s))"), "the table says what the gate says: " + table);
        assertTrue(ReportFormat.MARKDOWN.render(ComparisonReport.of(c)).contains("**Gate: not judged**"));
    }

    @Test
    void flagSetsPairAcrossRunsAndWithinOne() {
        RunResults a = run("r/a", "X", row("c2", "m", 100, 10), row("c1", "m", 300, 10));
        RunResults b = run("r/b", "X", row("c1", "m", 300, 10));
        Comparison within = Comparison.compareFlagSets(a, "c2", a, "c1", C);
        assertEquals(1, within.rows().size());
        assertEquals("c2", within.baseName());
        assertTrue(within.testbeds().interleaved(), "one run is one testbed");
        Comparison across = Comparison.compareFlagSets(a, "c2", b, "c1", C);
        assertEquals("a:c2", across.baseName());
        assertEquals(ExitCodes.REGRESSION, gate(across, false, new StringBuilder()));
    }

    @Test
    void runSpecsTakeAFlagSetAfterTheLastColonUnlessThePathExists() {
        Path root = Path.of("no-such-results");
        assertEquals(new RunSpec("20261128-standard", Optional.of("c1")), RunSpec.parse("20261128-standard:c1", root));
        assertEquals(new RunSpec("run", Optional.of("jdk25+c2-only")), RunSpec.parse("run:jdk25+c2-only", root));
        assertEquals(new RunSpec("baseline", Optional.empty()), RunSpec.parse("baseline", root));
        assertEquals(new RunSpec("a:b/c", Optional.empty()), RunSpec.parse("a:b/c", root));
    }
}
