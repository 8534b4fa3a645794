package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.DetectableChange;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Issue #24 item 7 in a comparison: each row's "can see" at its forks and at the adaptive cap, and the blind rows listed. */
class ComparedDetectionTest {
    static final Criteria C = Criteria.defaults().withResamples(1000);
    static final double[] TIGHT = {100, 100.5, 99.5, 100.2, 99.8};
    static final double[] WIDE = {100, 130, 80, 115, 90};

    static BenchmarkResult row(String method, double... forks) {
        return new BenchmarkResult(BenchmarkKey.of("x.B." + method, Map.of(), "avgt", 1), "default", "ns/op",
                Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN);
    }

    static RunResults run(String id, int cap, BenchmarkResult... rows) {
        return new RunResults(Path.of(id), id, Map.of(RunReport.ADAPTIVE_CAP, cap), List.of(rows));
    }

    @Test
    void eachRowSaysWhatItCanSeeAtItsForksAndAtTheCap() {
        Comparison c = ComparisonReports.compare(run("a", 12, row("tight", TIGHT), row("wide", WIDE)),
                run("b", 12, row("tight", TIGHT), row("wide", WIDE)), C);
        ComparedDetection d = new ComparedDetection(c, OptionalInt.of(12));
        DetectableChange wide = DetectableChange.pooled(WIDE, WIDE, dev.taskbench.compare.Direction.LOWER_IS_BETTER, C, 2);
        String expected = "\u00b1" + Fmt.percent(wide.at(5).orElseThrow()).substring(1) + ", \u00b1"
                + Fmt.percent(wide.at(12).orElseThrow()).substring(1) + " at 12";
        assertEquals(expected, d.cell(c.rows().get(1)));
        assertEquals("\u00b15.0%, \u00b15.0% at 12", d.cell(c.rows().get(0)), "a tight row sees the minimum effect");
        assertTrue(wide.at(12).orElseThrow() > 0.10, "the wide row is the blind one");
        String page = ReportFormat.TEXT.render(ComparisonReport.of(c, List.of(), OptionalInt.of(12)));
        assertTrue(page.contains("Rows that cannot see a 10.0% change at the adaptive cap, 12 forks a side\n"
                + "  default B.wide avgt t1: " + wide.describe(12) + "\n"), page);
        assertTrue(!page.contains("B.tight avgt t1: can see"), page);
    }

    @Test
    void withoutACapTheRowsOwnForksAreTheMeasure() {
        Comparison c = ComparisonReports.compare(new RunResults(Path.of("a"), "a", Map.of(), List.of(row("wide", WIDE))),
                new RunResults(Path.of("b"), "b", Map.of(), List.of(row("wide", WIDE))), C);
        String page = ReportFormat.TEXT.render(ComparisonReport.of(c, List.of(), OptionalInt.empty()));
        assertTrue(page.contains("Rows that cannot see a 10.0% change at their forks (no adaptive cap recorded)"), page);
    }
}
