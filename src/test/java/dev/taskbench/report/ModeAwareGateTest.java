package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ExitCodes;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Issue #24 item 5 at the level the gate runs it: two runs, {@link ComparisonReports#compare}, the
 * report in every format and the gate's lines. A row with modes is judged mode by mode, says so, and
 * its p is one member of the rows' Benjamini-Hochberg family.
 */
class ModeAwareGateTest {
    static final Criteria C = Criteria.defaults().withResamples(1000);
    static final double[] BASE = {150, 151, 149, 150.5, 149.5, 150.2, 200, 201, 199, 200.5};
    static final double[] FAST_MODE_MOVED = {178.5, 179.5, 177.5, 179, 178, 178.7, 200, 201.5, 199, 200};

    static BenchmarkResult row(String method, double... forks) {
        return new BenchmarkResult(BenchmarkKey.of("x.B." + method, Map.of(), "avgt", 1), "default", "ns/op",
                Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN);
    }

    static RunResults run(String id, List<BenchmarkResult> rows) {
        return new RunResults(Path.of("runs", id), id, Map.of(), rows);
    }

    static RunResults run(String id, BenchmarkResult... rows) {
        return run(id, List.of(rows));
    }

    static String gate(Comparison c) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = ComparisonReports.gateVerdict(c, true, new java.io.PrintStream(err, true,
                java.nio.charset.StandardCharsets.UTF_8));
        return code + " " + err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aMovedModeIsSlowerModeByModeInTheTableAndTheGate() {
        Comparison c = ComparisonReports.compare(run("a", row("m", BASE)), run("b", row("m", FAST_MODE_MOVED)), C);
        Row r = c.rows().get(0);
        assertTrue(r.byModes());
        assertEquals(Verdict.SLOWER, r.verdict(), r.reason());
        assertTrue(r.reason().startsWith("mode by mode: the fast mode moved +19% (q="), r.reason());
        String said = gate(c);
        assertTrue(said.startsWith(ExitCodes.REGRESSION + " "), said);
        assertTrue(said.contains("B.m avgt t1: slower: mode by mode: the fast mode moved +19%"), said);
        for (ReportFormat f : List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML)) {
            String page = f.render(ComparisonReport.of(c));
            assertTrue(page.contains("Rows compared mode by mode"), f + "\n" + page);
            assertTrue(page.contains("SLOWER: the fast mode moved +19%"), f + "\n" + page);
        }
    }

    @Test
    void aChangedSplitIsSlowerModeByMode() {
        double[] base = {150, 151, 149, 150.5, 149.5, 150.2, 150.8, 149.2, 150.1, 149.9, 200, 201};
        double[] candidate = {150, 151, 200, 201, 199, 200.5, 199.5, 200.2, 200.8, 199.2, 200.1, 199.9};
        Comparison c = ComparisonReports.compare(run("a", row("m", base)), run("b", row("m", candidate)), C);
        Row r = c.rows().get(0);
        assertEquals(Verdict.SLOWER, r.verdict(), r.reason());
        assertTrue(r.reason().startsWith("mode by mode: 10 of 12 forks now land in the slow mode, 2 of 12 before"),
                r.reason());
        assertTrue(gate(c).contains("slower: mode by mode: 10 of 12 forks now land in the slow mode"), gate(c));
    }

    /**
     * The mode row's one p (both questions, Bonferroni) is one of the family's m: among 20 rows the
     * moved mode's p of 2/924 per mode, doubled for two modes and again for two questions, is not
     * significant (q = 20 p), so the row is UNKNOWN and says more forks would decide it, where alone it
     * is SLOWER: a mode seen to move is not "the same".
     */
    @Test
    void theModeRowCountsOnceInTheCorrection() {
        List<BenchmarkResult> base = new ArrayList<>(List.of(row("m", BASE)));
        List<BenchmarkResult> candidate = new ArrayList<>(List.of(row("m", FAST_MODE_MOVED)));
        for (int i = 0; i < 19; i++) {
            double scale = 1 + i;
            double[] flat = Arrays.stream(new double[] {100, 100.1, 100.2, 99.9, 99.8, 100.05, 99.95, 100.15, 99.85, 100})
                    .map(x -> x * scale).toArray();
            base.add(row("n" + i, flat));
            candidate.add(row("n" + i, flat));
        }
        Comparison c = ComparisonReports.compare(run("a", base), run("b", candidate), C);
        Row r = c.rows().stream().filter(Row::byModes).findFirst().orElseThrow();
        double p = 2 * 2 * 2 * (2.0 / 924);
        assertEquals(p, r.p(), 1e-12);
        assertEquals(Math.min(1, p * 20), r.q(), 1e-12);
        assertEquals(Verdict.UNKNOWN, r.verdict(), r.reason());
        assertEquals("mode by mode: not significant among 20 rows (q=0.346): the fast mode moved +19%: more forks would "
                + "decide it", r.reason());
        assertEquals(1, c.rows().stream().filter(Row::byModes).count());
    }

    /** Both sides drawn from one bimodal row (60% near 150, 40% near 200, 10 forks): at most 2 pairs in 100 flagged. */
    @Test
    void aResampledAaStaysSame() {
        int flagged = 0;
        int byModes = 0;
        for (int seed = 0; seed < 100; seed++) {
            RandomGenerator g = new MersenneTwister(seed);
            Comparison c = ComparisonReports.compare(run("a", row("m", mixture(g))), run("b", row("m", mixture(g))), C);
            Row r = c.rows().get(0);
            byModes += r.byModes() ? 1 : 0;
            flagged += r.verdict() == Verdict.SLOWER || r.verdict() == Verdict.FASTER ? 1 : 0;
        }
        assertTrue(byModes >= 90, "mode by mode in " + byModes + " of 100");
        assertTrue(flagged <= 2, flagged + " of 100 A/A pairs flagged");
    }

    private static double[] mixture(RandomGenerator g) {
        double[] forks = new double[10];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = (g.nextDouble() < 0.6 ? 150 : 200) * Math.exp(0.015 * g.nextGaussian());
        }
        return forks;
    }

    @Test
    void aRowInOneModeKeepsTheRankTest() {
        double[] base = {100, 100.1, 100.2, 99.9, 99.8};
        Comparison c = ComparisonReports.compare(run("a", row("m", base)), run("b", row("m", base)), C);
        assertTrue(!c.rows().get(0).byModes());
        assertTrue(!ReportFormat.TEXT.render(ComparisonReport.of(c)).contains("Rows compared mode by mode"));
    }
}
