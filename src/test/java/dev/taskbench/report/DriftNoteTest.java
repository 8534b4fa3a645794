package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #24 item 6 in the report: whether drift between two separate runs was held against the rows. */
class DriftNoteTest {
    static final Criteria C = Criteria.defaults().withResamples(1000);

    static RunResults run(String folder) {
        return new RunResults(Path.of(folder), Path.of(folder).getFileName().toString(), Map.of(), List.of(
                new BenchmarkResult(BenchmarkKey.of("x.B.m", Map.of(), "avgt", 1), "default", "ns/op",
                        List.of(100.0, 100.2, 99.8, 100.1, 99.9), Optional.empty(), Double.NaN)));
    }

    static String text(Comparison c) {
        return ReportFormat.TEXT.render(ComparisonReport.of(c));
    }

    @Test
    void withoutHistoryItSaysDriftIsNotAccountedForAndRecommendsTheBaselineJar() {
        String page = text(ComparisonReports.compare(run("r/a"), run("r/b"), C, Drift.NONE));
        assertTrue(page.contains("Separate runs, not interleaved: drift between them is not accounted for"), page);
        assertTrue(page.contains("-Dtaskbench.baseline.jar"), page);
    }

    @Test
    void withHistoryItSaysHowManyRowsHeldTheirChangeAgainstIt() {
        Drift fourPercent = row -> Optional.of(new Drift.Spread(0.04, 5));
        String page = text(ComparisonReports.compare(run("r/a"), run("r/b"), C, fourPercent));
        assertTrue(page.contains("Separate runs, not interleaved: 1 of 1 rows must also move beyond their run-to-run "
                + "drift on this testbed (2.77 times its spread"), page);
    }

    @Test
    void rowsWithoutHistoryAreCountedApart() {
        RunResults a = run("r/a");
        BenchmarkResult other = new BenchmarkResult(BenchmarkKey.of("x.B.n", Map.of(), "avgt", 1), "default", "ns/op",
                List.of(50.0, 50.1, 49.9, 50.2, 49.8), Optional.empty(), Double.NaN);
        RunResults two = new RunResults(a.source(), "a", Map.of(), List.of(a.results().get(0), other));
        RunResults twoB = new RunResults(Path.of("r/b"), "b", Map.of(), List.of(run("r/b").results().get(0), other));
        Drift onlyM = row -> row.key().benchmark().equals("x.B.m") ? Optional.of(new Drift.Spread(0.04, 5))
                : Optional.empty();
        String page = text(ComparisonReports.compare(two, twoB, C, onlyM));
        assertTrue(page.contains("1 of 2 rows must also move beyond their run-to-run drift"), page);
        assertTrue(page.contains("; the rest (1) have fewer than 3 other runs."), page);
    }

    @Test
    void interleavedRunsSayNothingOfDrift() {
        String page = text(ComparisonReports.compare(run("r/b/baseline"), run("r/b"), C, Drift.NONE));
        assertTrue(!page.contains("Separate runs"), page);
    }
}
