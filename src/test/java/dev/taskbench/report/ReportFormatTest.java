package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Table;
import dev.taskbench.results.RunResults;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Any report in any format: a new format is one class, and every format writes every kind of block. */
class ReportFormatTest {
    static final Criteria O = Criteria.defaults().withResamples(2000);

    @TempDir
    static Path dir;
    static RunResults aa1;
    static RunResults xint;

    @BeforeAll
    static void load() throws IOException {
        aa1 = RunResults.read(ReportsTest.copy("pool-aa1.json", dir.resolve("pool-aa1.json")));
        xint = RunResults.read(ReportsTest.copy("pool-xint.json", dir.resolve("pool-xint.json")));
    }

    /**
     * A format CI could read, written here and nowhere else: JUnit XML, a test case per table
     * row, failed when a cell says SLOWER or GREW. Nothing outside this class knows of it.
     */
    static final class JUnitXml implements ReportFormat {
        @Override
        public String render(Report r) {
            StringBuilder b = new StringBuilder("<testsuite name=\"" + HtmlFormat.esc(String.valueOf(r.title())) + "\">\n");
            tables(r.blocks()).forEach(t -> t.rows().forEach(row -> {
                String name = row.stream().limit(2).map(Cell::text).collect(Collectors.joining(" "));
                b.append("<testcase name=\"").append(HtmlFormat.esc(name)).append("\">");
                row.stream().filter(c -> c.tag() != null && Set.of("SLOWER", "GREW").contains(c.tag())).findFirst()
                        .ifPresent(c -> b.append("<failure message=\"").append(c.tag()).append("\"/>"));
                b.append("</testcase>\n");
            }));
            return b.append("</testsuite>\n").toString();
        }

        private static List<Table> tables(List<Block> blocks) {
            return blocks.stream().flatMap(x -> x instanceof Table t ? List.of(t).stream()
                    : x instanceof Report.Section s ? tables(s.blocks()).stream() : List.<Table>of().stream()).toList();
        }
    }

    @Test
    void aNewFormatIsOneClassAndWritesARunAComparisonAndAPivot() throws Exception {
        ReportFormat junit = new JUnitXml();
        Document comparison = xml(junit.render(ComparisonReport.of(Comparison.compare(aa1, xint, O))));
        assertEquals(2, comparison.getElementsByTagName("testcase").getLength());
        assertEquals(2, comparison.getElementsByTagName("failure").getLength(), "both rows are SLOWER");

        Document run = xml(junit.render(RunReport.of(aa1, O)));
        assertEquals(2, run.getElementsByTagName("testcase").getLength());
        assertEquals(0, run.getElementsByTagName("failure").getLength(), "a run alone fails nothing");

        Map<String, Path> matrix = new LinkedHashMap<>();
        for (String set : List.of("interpreter", "c2")) {
            matrix.put(set, Path.of("src", "test", "resources", "jmh", "matrix-smoke", "jmh-" + set + ".json"));
        }
        Path file = dir.resolve("pivot.xml");
        junit.write(Pivot.read(matrix, List.of(), O).report(), file);
        Document pivot = xml(Files.readString(file));
        assertTrue(pivot.getElementsByTagName("testcase").getLength() > 4, "the pivot, its scaling and its curves");
    }

    /** One block of each kind: a new kind fails here until every format writes it. */
    @Test
    void everyFormatWritesEveryKindOfBlock() {
        Report.Items items = new Report.Items("i1", "a list", List.of(Report.Text.of("plain ").code("code")));
        List<Block> blocks = List.of(
                new Report.Section("s", "a section", "its legend", false, List.of(new Report.Paragraph("inside"))),
                new Report.Headline(Report.Tone.FAIL, "Gate: FAIL", "1 row(s)"),
                new Report.Paragraph("a paragraph"),
                items,
                new Table(List.of(Report.Column.left("name"), Report.Column.right("n"),
                        Report.Column.left("why").onlyOnAPage()),
                        List.of(List.of(Cell.of("a"), new Cell("1", "SLOWER", true), Cell.of("because"))), "a caption"),
                new Report.Chart("a chart", () -> "<svg></svg>", "a figure", true),
                new Report.Folded("folded", List.of(new Report.Paragraph("folded paragraph"))),
                new Report.Contents(List.of(items)),
                new Report.Links("l", "Links", "files beside", List.of(new Report.Links.Line("row",
                        List.of(new Report.Links.Link("profiles/row/cpu.html", "cpu"))))),
                new Report.Footnote("a footnote"),
                new Report.Verbatim("col  <b>\n```x   2\n"));
        assertEquals(Set.of(Report.Block.class.getPermittedSubclasses()),
                blocks.stream().map(Object::getClass).collect(Collectors.toSet()), "one block of each kind");
        Report report = new Report("a title", "a legend", blocks);

        String text = ReportFormat.TEXT.render(report);
        assertTrue(text.startsWith("a title (a legend)\n"), text);
        assertTrue(text.contains("a section (its legend)") && text.contains("Gate: FAIL (1 row(s))")
                && text.contains("a list\n  plain code") && text.contains("folded paragraph")
                && text.contains("\ncol  <b>\n```x   2\n"), "verbatim lines as they are: " + text);
        assertFalse(text.contains("because") || text.contains("<svg") || text.contains("cpu") || text.contains("a footnote"),
                "no page-only column, chart, link or footnote on a terminal: " + text);

        String md = ReportFormat.MARKDOWN.render(report);
        assertTrue(md.contains("**Gate: FAIL** (1 row(s))") && md.contains("- plain `code`")
                && md.contains("| a | **1** |\n\n_a caption_") && md.contains("_a footnote_")
                && md.contains("```text\ncol  <b>\n'''x   2\n```\n"), "no fence ends inside the verbatim: " + md);
        assertFalse(md.contains("because") || md.contains("<svg"), md);

        String html = ReportFormat.HTML.render(report);
        for (String part : List.of("<section id=\"s\">", "<p class=\"fail\">Gate: FAIL (1 row(s))</p>",
                "<h3 id=\"i1\">a list</h3>", "<td class=\"SLOWER\">1</td>", "<td>because</td>",
                "<figure><figcaption>a figure</figcaption><svg></svg></figure>", "<details><summary>folded</summary>",
                "<nav class=\"toc\"><a href=\"#i1\">a list</a></nav>", "<a href=\"profiles/row/cpu.html\">cpu</a>",
                "<p><small>a footnote</small></p>", "<p><small>a caption</small></p>",
                "<pre>col  &lt;b&gt;\n```x   2</pre>")) {
            assertTrue(html.contains(part), part + " in " + html);
        }
        assertFalse(html.contains("its legend"), "a page has the footnote, not the legend");
        assertTrue(Arrays.asList(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML).stream()
                .allMatch(f -> !f.render(new Report(null, null, List.of())).contains("null")));
    }

    private static Document xml(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
