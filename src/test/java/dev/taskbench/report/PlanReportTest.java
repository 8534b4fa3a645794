package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.PlanLog;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan per row, as the console, report.md and report.html say it from one section. */
class PlanReportTest {
    private static final String PLANNED = "B.a avgt t1: 4 forks x 1 iteration, warm-up 2 x 500 ms (steady after 0.6 s"
            + " in 9 of 10 forks, run r0; variance 80% between forks, from 3 earlier runs)";
    private static final String PROFILE = "B.b avgt t1: 3 forks x 2 iterations, warm-up 1 x 500 ms (from the profile:"
            + " no earlier run of this testbed)";

    private static PlanLog log() {
        return new PlanLog("earlier runs of this testbed", List.of("r0", "r1", "r2", "r3"), List.of(
                new PlanLog.Planned("default", BenchmarkKey.of("a.B.a", Map.of(), "avgt", 1), 4, 1, "2 x 500 ms", true,
                        PLANNED),
                new PlanLog.Planned("default", BenchmarkKey.of("a.B.b", Map.of(), "avgt", 1), 3, 2, "1 x 500 ms", false,
                        PROFILE)));
    }

    @Test
    void theConsoleSaysEachRowsPlanUnderItsCounts() {
        String text = PlanReport.text(log());
        assertTrue(text.contains("Plan per row") && text.contains("1 of 2 row(s) planned from 4 earlier runs"), text);
        assertTrue(text.contains(PLANNED) && text.contains(PROFILE), text);
    }

    @Test
    void theReportsReadThePlanAsMetadataJsonHoldsIt() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> metadata = Map.of(PlanLog.METADATA_KEY, json.convertValue(log(),
                new TypeReference<Map<String, Object>>() { }));
        RunResults run = new RunResults(Path.of("r"), "r", metadata, List.of());
        Report report = new Report("Run r", null, List.of(PlanReport.of(run).orElseThrow()));
        String md = ReportFormat.MARKDOWN.render(report);
        assertTrue(md.contains("## Plan per row") && md.contains("warm-up 2 x 500 ms"), md);
        String html = ReportFormat.HTML.render(report);
        assertTrue(html.contains("Plan per row") && html.contains("from the profile: no earlier run of this testbed"),
                html);
        assertTrue(PlanReport.of(new RunResults(Path.of("r"), "r", Map.of(), List.of())).isEmpty(), "an older run");
    }
}
