package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers on recorded real JMH runs (src/test/resources/jmh). */
class ReportsTest {
    static final Criteria O = Criteria.defaults().withResamples(2000);
    static final String EVIL = "<script>alert('x')</script> | *a* & \"b\"";

    @TempDir
    static Path dir;
    static RunResults aa1;
    static RunResults aa2;
    static RunResults xint;
    static RunResults twoFlagSets;

    @BeforeAll
    static void load() throws IOException {
        aa1 = RunResults.read(copy("pool-aa1.json", dir.resolve("pool-aa1.json")));
        aa2 = RunResults.read(copy("pool-aa2.json", dir.resolve("pool-aa2.json")));
        xint = RunResults.read(copy("pool-xint.json", dir.resolve("pool-xint.json")));
        Path run = dir.resolve("20260101-000000-standard");
        copy("pool-aa1.json", run.resolve("jmh-default.json"));
        copy("pool-xint.json", run.resolve("jmh-xint.json"));
        twoFlagSets = RunResults.read(run);
    }

    static Path copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = ReportsTest.class.getResourceAsStream("/jmh/" + fixture)) {
            return Files.write(to, in.readAllBytes());
        }
    }

    @Test
    void textTableForTheTerminal() {
        String same = ReportFormat.TEXT.render(ComparisonReport.of(Comparison.compare(aa1, aa2, O)));
        assertTrue(same.startsWith("Comparison pool-aa1 \u2192 pool-aa2 (medians of per-fork scores;"), same);
        assertTrue(same.contains("ConnectionPoolOverheadBenchmark.oneUser [poolSize=10, source=hikari] avgt t1"));
        assertTrue(same.contains("2 rows: 0 faster, 0 slower, 2 same, 0 unknown"), same);
        assertTrue(same.contains("\nGate: pass (no significant regression)\n"), same);
        String slower = ReportFormat.TEXT.render(ComparisonReport.of(Comparison.compare(aa1, xint, O)));
        assertTrue(slower.contains("\nGate: FAIL (2 row(s))\n"), slower);
        assertEquals(2, slower.lines().filter(l -> l.contains(" SLOWER ")).count(), slower);
        assertTrue(slower.contains("112.0 -> 163.3 | GREW"), slower);
        // every table line fits the rule under the header
        List<String> lines = slower.lines().toList();
        int rule = lines.indexOf(lines.stream().filter(l -> l.matches("[-|]+")).findFirst().orElseThrow());
        int width = lines.get(rule).length();
        assertTrue(lines.get(rule - 1).startsWith("flag set | benchmark"), slower);
        assertTrue(lines.get(rule - 1).length() <= width && lines.get(rule + 1).length() <= width);

        String run = ReportFormat.TEXT.render(RunReport.of(twoFlagSets, O));
        assertEquals(2 + 4, run.lines().filter(l -> l.contains("|")).count(), run); // header, rule, 2 keys x 2 flag sets
        StringBuilder out = new StringBuilder();
        ReportFormat.TEXT.writeOut(RunReport.of(twoFlagSets, O), out);
        assertEquals(run, out.toString());
    }

    @Test
    void markdownSummary() throws IOException {
        Comparison c = Comparison.compare(aa1, xint, O);
        String md = ReportFormat.MARKDOWN.render(ComparisonReport.of(c));
        assertTrue(md.startsWith("## Comparison pool-aa1 \u2192 pool-xint\n\n**Gate: FAIL** (2 row(s))"), md);
        assertTrue(md.contains("### Rows that fail the gate"));
        List<String> table = md.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + 2, table.size());
        for (String row : table) {
            assertEquals(14, unescapedPipes(row), row); // 13 columns
        }
        assertTrue(md.contains("| **SLOWER** |"));
        Path file = dir.resolve("reports/compare.md");
        ReportFormat.MARKDOWN.write(ComparisonReport.of(c), file);
        assertEquals(md, Files.readString(file));
        String run = ReportFormat.MARKDOWN.render(RunReport.of(twoFlagSets, O));
        assertTrue(run.contains("Flag sets: default, xint"));
        assertEquals(4 + 2, run.lines().filter(l -> l.startsWith("|")).count());
    }

    @Test
    void markdownEscapesText() {
        String md = ReportFormat.MARKDOWN.render(ComparisonReport.of(Comparison.compare(evilRun("base"), evilRun("cand"), O)));
        assertFalse(md.contains("<script"), md);
        assertTrue(md.contains("&lt;script&gt;"), md);
        for (String row : md.lines().filter(l -> l.startsWith("|")).toList()) {
            assertEquals(14, unescapedPipes(row), row);
        }
    }

    @Test
    void htmlComparisonIsSelfContainedWithAChart() throws Exception {
        Comparison c = Comparison.compare(aa1, xint, O);
        Path file = dir.resolve("reports/compare.html");
        ReportFormat.HTML.write(ComparisonReport.of(c), file);
        String html = Files.readString(file);
        assertEquals(List.of("compare.html"), listNames(file.getParent(), ".html"));
        assertSelfContained(html);
        List<String> svgs = svgs(html);
        assertEquals(1, svgs.size());
        assertWellFormed(svgs.get(0));
        assertTrue(svgs.get(0).contains("time ratio candidate/base"));
        assertTrue(html.contains("<td class=\"SLOWER\">SLOWER</td>"));
        assertTrue(html.contains("Gate: FAIL (2 row(s))"));
    }

    @Test
    void htmlRunHasAChartPerBenchmarkWithEveryFlagSet() throws Exception {
        String html = ReportFormat.HTML.render(RunReport.of(twoFlagSets, O));
        assertSelfContained(html);
        List<String> svgs = svgs(html.substring(html.indexOf("<section id=\"rows\">")));
        assertEquals(1, svgs.size()); // one benchmark method: params are the categories, flag sets the series
        assertWellFormed(svgs.get(0));
        assertTrue(svgs.get(0).contains(">xint<") && svgs.get(0).contains(">default<"), "legend lists flag sets");
        assertTrue(html.contains("<h3>ConnectionPoolOverheadBenchmark.oneUser avgt t1 (ns/op)</h3>"));
    }

    @Test
    void htmlEscapesTextInTablesAndCharts() throws Exception {
        RunResults evil = evilRun("<run>");
        String comparison = ReportFormat.HTML.render(ComparisonReport.of(Comparison.compare(evil, evilRun("cand"), O)));
        String run = ReportFormat.HTML.render(RunReport.of(evil, O));
        assertEquals(1, svgs(comparison).size());
        assertEquals(2, svgs(run).size());
        for (String html : List.of(comparison, run)) {
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("<run>"), html);
            assertTrue(html.contains("&lt;script&gt;"));
            assertSelfContained(html);
            for (String svg : svgs(html)) {
                assertWellFormed(svg);
            }
            assertUniqueIds(html);
        }
    }

    /** Two benchmark methods (two charts on one page) whose params carry markup. */
    static RunResults evilRun(String id) {
        List<BenchmarkResult> rs = new ArrayList<>();
        for (String method : List.of("a.Evil.first", "a.Evil.second")) {
            BenchmarkKey key = BenchmarkKey.of(method, Map.of("p", EVIL), "avgt", 1);
            rs.add(new BenchmarkResult(key, "default", "ns/op", List.of(10.0, 11.0, 12.0, 10.5, 11.5),
                    Optional.of(List.of(24.0, 24.0, 24.0, 24.0, 24.0)), Double.NaN));
        }
        return new RunResults(Path.of(id), id, Map.of(), rs);
    }

    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String forbidden : List.of("<script", "<link", "<iframe", "<img", " src=", "@import")) {
            assertFalse(lower.contains(forbidden), "external resource or script: " + forbidden);
        }
        assertFalse(Pattern.compile("href=(?![\"']#)").matcher(lower).find(), "a link out of the page");
        assertFalse(Pattern.compile("url\\((?!#)").matcher(lower).find(), "url() other than a same-document #id");
        // the only URLs are XML namespace names, which a browser never fetches
        Matcher m = Pattern.compile("https?://[^'\"\\s]*").matcher(html);
        while (m.find()) {
            assertTrue(Set.of("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
                    "http://www.jfree.org/jfreesvg/svg").contains(m.group()), m.group());
        }
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
    }

    static void assertWellFormed(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertUniqueIds(String html) {
        Matcher m = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]").matcher(html);
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
        assertFalse(ids.isEmpty());
    }

    static List<String> svgs(String html) {
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static int unescapedPipes(String row) {
        int n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }

    static List<String> listNames(Path folder, String suffix) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix) || n.endsWith(".tmp"))
                    .sorted().toList();
        }
    }
}
