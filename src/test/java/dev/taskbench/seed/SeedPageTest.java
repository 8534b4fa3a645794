package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import dev.taskbench.report.SpanChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed run's page: the seed's question first, the stacks' table as a table, the rest as the console printed it. */
class SeedPageTest {
    private static StacksTable.Tables tables() {
        Report.Table writes = new Report.Table(StacksTable.columns("writes/s"), List.of(
                StacksTable.cells("warm", "taskbench (JVM)", "selector", "", "2,942", "9.9 ms", "1.00x"),
                StacksTable.cells("warm", "Node/Express, PM2", "node", "", "1,170", "21.0 ms", "0.40x"),
                StacksTable.cells("warm", "Django, PyPy", "pypy-9", "", StacksTable.NOT_MEASURED, "-", "-")), null);
        return new StacksTable.Tables("The seed's own stacks beside the JVM: 10 users", writes,
                List.of("pypy-9: not measured: pypy-9 exited with code 1; its log ends: <boom>"),
                List.of("warm: the fastest JVM model (selector) over the fastest Node configuration (node): 2.51x over"
                        + " 1 round(s)"), Optional.empty(),
                List.of("Node without cluster is its best on the write test: warm: holds (node 1,170/s)"),
                Optional.of(SpanChart.of("Writes/s, cold and warm", "writes/s", List.of(
                        new SpanChart.Span("selector (JVM)", "warm", 2942, 2900, 3000),
                        new SpanChart.Span("node", "warm", 1170, 1100, 1200)), "over 3 rounds", "seed-writes")));
    }

    private static SeedPage page() {
        SeedPage page = new SeedPage();
        page.plan("taskbench seed: about 19 min: ...");
        page.printed("The seed's write test: 10 users\nstack      writes/s\ntaskbench     4,285\n");
        page.peers(tables());
        page.took("taskbench seed: planned about 19 min, took 9 min 32 s");
        return page;
    }

    @Test
    void thePageLeadsWithTheSeedsQuestionThenTheStacksAsATable() {
        String html = ReportFormat.HTML.render(page().report("20261207-031500-seed"));
        int lead = html.indexOf("<section id=\"findings\">");
        int stacks = html.indexOf("<section id=\"stacks\">");
        int printed = html.indexOf("<h2>The seed&#39;s write test: 10 users</h2>");
        assertTrue(lead > 0 && stacks > lead && printed > stacks, html);
        assertTrue(html.contains("<h1>taskbench seed run 20261207-031500-seed</h1>"), html);
        assertTrue(html.contains("<li>warm: the fastest JVM model (selector) over the fastest Node configuration (node):"
                + " 2.51x over 1 round(s)</li>"), html);
        assertTrue(html.contains("<td>node</td>") && html.contains("<td class=\"n\">1,170</td>"), html);
        assertTrue(html.contains("pypy-9: not measured: pypy-9 exited with code 1; its log ends: &lt;boom&gt;"), html);
        assertTrue(html.contains("<pre>stack      writes/s\ntaskbench     4,285</pre>"), "as the console aligned it: " + html);
        assertTrue(html.contains("planned about 19 min, took 9 min 32 s"), html);
        int chart = html.indexOf("<h3>Writes/s, cold and warm</h3>");
        assertTrue(chart > stacks && chart < printed && html.indexOf("<svg", chart) > chart, "the chart in the stacks' section");
    }

    @Test
    void theConsoleSetsTheSameTableOutWithItsNotesUnderIt() {
        String text = tables().text();
        List<String> lines = text.lines().toList();
        assertEquals("The seed's own stacks beside the JVM: 10 users", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warm  | Node/Express, PM2 | node ") && l.endsWith("0.40x")),
                text);
        assertTrue(text.contains("\n  pypy-9: not measured: pypy-9 exited with code 1") && text.contains(
                "\n" + PeerFindings.TITLE + "\n  Node without cluster is its best"), text);
    }

    @Test
    void aRunWritesItsPageAndConsoleInAFolderOfItsOwn(@TempDir Path results) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 12, 7, 3, 15, 0);
        Path first = SeedPage.newFolder(results, now);
        Path second = SeedPage.newFolder(results, now);
        assertEquals(results.resolve("20261207-031500-seed"), first);
        assertEquals(results.resolve("20261207-031500-seed-2"), second, "the same second: the next name");
        page().write(first, first.getFileName().toString(), "everything printed\n");
        assertTrue(Files.readString(first.resolve("report.html")).contains("<table>"));
        assertTrue(Files.readString(first.resolve("report.md")).contains("| warm | Node/Express, PM2 | node |"));
        assertEquals("everything printed\n", Files.readString(first.resolve(SeedPage.CONSOLE), StandardCharsets.UTF_8));
    }
}
