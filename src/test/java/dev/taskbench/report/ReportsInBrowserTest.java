package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskbench.cli.HistoryCommand;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.RunResults;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three HTML reports as a reader opens them, in headless Chromium: a test on the text cannot
 * see what the browser logs, what it fetches, or in which order it lays the page out. Made from
 * the committed real results: the standard run in {@code results/baseline}, a comparison of two
 * recorded JMH runs (the A run against its interpreter-only twin) and a history of four recorded
 * runs. Each page is opened once; a screenshot of the whole page goes to {@code target/browser/}
 * to look at, beside the reports and the browser's log.
 */
class ReportsInBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The page's layout as the browser built it: its title, the first piece of content (a
     * section by its id, else the element), and its charts that are not folded away, with those
     * the browser drew with no area.
     */
    static final String STRUCTURE = """
            (() => {
              const first = document.body.querySelector('section, table, figure, details, svg');
              const section = first && first.closest('section');
              const shown = [...document.querySelectorAll('svg')].filter(s => !s.closest('details:not([open])'));
              return {
                title: document.querySelector('h1')?.textContent ?? '',
                first: !first ? 'nothing' : section ? 'section#' + section.id : first.tagName.toLowerCase(),
                charts: shown.length,
                blankCharts: shown.filter(s => { const r = s.getBoundingClientRect(); return r.width < 1 || r.height < 1; }).length
              };
            })()""";

    @TempDir
    static Path dir;
    static final Map<String, Chromium.Visit> VISITS = new LinkedHashMap<>();

    @BeforeAll
    static void openEachReport() throws Exception {
        String why = "no " + Chromium.BINARY + ": the reports are not opened in a browser (Debian's chromium package;"
                + " .ci/run installs it)";
        if (!Files.isExecutable(Chromium.BINARY)) {
            System.out.println("ReportsInBrowserTest skipped: " + why);
        }
        assumeTrue(Files.isExecutable(Chromium.BINARY), why);
        Map<String, Path> pages = new LinkedHashMap<>();
        pages.put("run", runReport());
        pages.put("comparison", comparisonReport());
        pages.put("history", historyReport());
        try (Chromium browser = Chromium.start(dir.resolve("profile"), OUT.resolve("chromium.log"))) {
            for (Map.Entry<String, Path> p : pages.entrySet()) {
                VISITS.put(p.getKey(), browser.visit(p.getValue(), STRUCTURE, OUT.resolve(p.getKey() + ".png"), 1280,
                        900));
            }
        }
    }

    /** The standard run's report, as the runner writes it into the run folder. */
    static Path runReport() {
        Path file = OUT.resolve("run").resolve("report.html");
        ReportFormat.HTML.write(RunReport.of(RunResults.read(Path.of("results", "baseline")), Criteria.defaults()), file);
        return file;
    }

    /** {@code jmh:compare} of the A run against the planted regression: findings, a failed gate, the chart. */
    static Path comparisonReport() throws Exception {
        Path base = ReportsTest.copy("pool-aa1.json", dir.resolve("runs").resolve("pool-aa1").resolve("jmh-default.json"));
        Path candidate = ReportsTest.copy("pool-xint.json",
                dir.resolve("runs").resolve("pool-xint").resolve("jmh-default.json"));
        ComparisonReports.compareAndReport(OUT, base.getParent(), candidate.getParent(), Criteria.defaults(), QUIET);
        return OUT.resolve("compare-pool-aa1-vs-pool-xint").resolve("report.html");
    }

    /**
     * {@code jmh:history} over four recorded runs a day apart (A, A again, C1 only, interpreter
     * only), each with the standard run's metadata: one testbed, one commit per run.
     */
    static Path historyReport() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = (ObjectNode) json.readTree(Path.of("results", "baseline", "metadata.json").toFile());
        Path runs = dir.resolve("history-runs");
        List<String> fixtures = List.of("pool-aa1", "pool-aa2", "pool-c1", "pool-xint");
        for (int i = 0; i < fixtures.size(); i++) {
            Path run = runs.resolve(String.format("run%02d-%s", i + 1, fixtures.get(i)));
            ReportsTest.copy(fixtures.get(i) + ".json", run.resolve("jmh-default.json"));
            metadata.put("runId", run.getFileName().toString());
            metadata.put("startedAt", Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * i).toString());
            ((ObjectNode) metadata.get("git")).put("commit", "c" + (i + 1) + "00000000");
            json.writeValue(run.resolve("metadata.json").toFile(), metadata);
        }
        int code = HistoryCommand.run(new String[] {"-Dtaskbench.history.dir=" + runs,
            "-Dtaskbench.history.out=" + OUT.resolve("history")}, QUIET, QUIET);
        assertEquals(0, code, "jmh:history on the recorded runs");
        return OUT.resolve("history").resolve("history.html");
    }

    @Test
    void noReportMakesTheBrowserLogAnErrorOrThrow() {
        VISITS.forEach((page, v) -> assertEquals(List.of(), v.errors(), page + ": " + v.url()));
    }

    @Test
    void noReportFetchesAnythingButItsOwnFile() {
        VISITS.forEach((page, v) -> {
            // the browser's own request for the file: proof that the requests were seen at all
            assertTrue(v.requests().contains(v.url()), page + " requested " + v.requests());
            assertEquals(List.of(), v.leaving(), page + ": " + v.url());
        });
    }

    @Test
    void theFindingsAreARunsAndAComparisonsFirstSection() {
        for (String page : List.of("run", "comparison")) {
            assertEquals("section#findings", VISITS.get(page).structure().path("first").asText(),
                    page + ": " + VISITS.get(page).structure());
        }
    }

    @Test
    void everyChartInViewIsDrawn() {
        VISITS.forEach((page, v) -> {
            assertTrue(v.structure().path("charts").asInt() > 0, page + ": " + v.structure());
            assertEquals(0, v.structure().path("blankCharts").asInt(), page + ": " + v.structure());
        });
    }
}
