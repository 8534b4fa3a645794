package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The findings lead every run report, on the committed real standard run. */
class FindingsReportTest {
    private static final RunResults BASELINE = RunResults.read(Path.of("results", "baseline"));
    private static final RunResults MATRIX = RunResults.read(Path.of("src", "test", "resources", "jmh", "matrix-smoke"));

    @Test
    void markdownLeadsWithTheFindingsGroupedAsDeclared() {
        String md = ReportFormat.MARKDOWN.render(RunReport.of(BASELINE, Criteria.defaults()));
        List<String> sections = Pattern.compile("(?m)^## .*$").matcher(md).results().map(m -> m.group()).toList();
        assertEquals(List.of("## Run " + BASELINE.runId(), "## Findings", "## " + ModesReport.TITLE, "## All rows"), sections);
        int findings = md.indexOf("## Findings");
        assertTrue(md.indexOf("### Fresh connection vs pool", findings) > findings, md);
        assertTrue(md.indexOf("### " + MarkdownFormat.esc(Findings.CEILING_GROUP)) > findings);
        assertTrue(md.contains("- A new DriverManager connection per operation takes "), md);
    }

    @Test
    void htmlLeadsWithTheFindingsAndOneChartPerGroupPlusTheDecodersOnEachInput() throws Exception {
        Criteria o = Criteria.defaults();
        String html = ReportFormat.HTML.render(RunReport.of(BASELINE, o));
        Path out = Path.of("target", "findings-report", "report.html");
        ReportFiles.save(out, html); // to look at in a browser
        int findings = html.indexOf("<section id=\"findings\">");
        int rows = html.indexOf("<section id=\"rows\">");
        assertTrue(findings > 0 && rows > findings, "findings first");
        String section = html.substring(findings, rows);
        List<Answer> answers = Findings.of(BASELINE, o);
        long groups = answers.stream().map(Answer::group).distinct().count();
        long fields = answers.stream().filter(a -> !a.field().isEmpty()).count();
        assertEquals(5, fields, "the fastest other decoder, on each of five inputs");
        assertEquals(groups + fields, count(section, "<svg"), "one chart per group, one per input's field");
        assertTrue(section.contains("dashed line: the floor, floorStrings"), "the floor is drawn on each input");
        assertTrue(html.substring(rows).contains("<details>"), "the per-method charts are folded away");
        ReportsTest.assertSelfContained(html);
        for (String svg : ReportsTest.svgs(html)) {
            ReportsTest.assertWellFormed(svg);
        }
        ReportsTest.assertUniqueIds(html);
        assertTrue(Files.size(out) > 0);
    }

    /** Whether run-to-run drift is in the intervals is said: in the footnote, and on each line that holds it. */
    @Test
    void theFootnoteAndEachLineSayWhetherTheIntervalHoldsRunToRunDrift() {
        Criteria o = Criteria.defaults();
        List<Answer> answers = Findings.of(BASELINE, o);
        String alone = FindingsReport.text(answers, o);
        assertTrue(alone.startsWith("Findings (95% intervals in brackets, from this run's forks alone)"), alone);
        assertFalse(alone.contains("earlier runs"), alone);
        assertTrue(FindingsReport.footnote(o, answers).contains("Run-to-run drift is in none of the intervals"));
        List<Answer> held = Findings.of(BASELINE, o, (of, to) -> of.key().benchmark().endsWith("ConnectionBenchmark.oneUser")
                ? Optional.of(new Drift.Spread(0.05, 4)) : Optional.empty());
        long n = held.stream().filter(a -> a.drift().isPresent()).count();
        assertTrue(n > 0);
        String text = FindingsReport.text(held, o);
        assertTrue(text.startsWith("Findings (95% intervals in brackets, " + n + " of " + held.size()
                + " with the run-to-run drift of earlier runs)"), text);
        assertTrue(FindingsReport.footnote(o, held).contains("Where a line says so (" + n + " of " + held.size()
                + "), its interval also holds"));
        for (Answer a : held) {
            String line = FindingsReport.line(a);
            assertEquals(a.drift().isPresent(), line.contains("a run-to-run drift of \u00b15.1% from 4 earlier runs"), line);
        }
    }

    @Test
    void aMatrixShowsItsFlagSetFindingsAndTheTerminalListsEveryAnswer() {
        Criteria o = Criteria.defaults();
        String html = ReportFormat.HTML.render(RunReport.of(MATRIX, o));
        ReportFiles.save(Path.of("target", "findings-report", "matrix.html"), html); // to look at in a browser
        assertTrue(html.contains("Interpreter, C1 and C2 on the opaque loop"), html);
        ReportsTest.assertSelfContained(html);
        List<Answer> answers = Findings.of(MATRIX, o);
        String text = FindingsReport.text(answers, o);
        assertTrue(text.startsWith("Findings (95% intervals in brackets, from this run's forks alone)"), text);
        for (Answer a : answers) {
            assertTrue(text.contains(a.sentence()), a.sentence());
        }
    }

    @Test
    void aRunWithoutDeclaredRowsSaysSo() {
        RunResults evil = ReportsTest.evilRun("evil");
        assertTrue(ReportFormat.MARKDOWN.render(RunReport.of(evil, Criteria.defaults())).contains("None of the declared questions"));
        assertFalse(ReportFormat.HTML.render(RunReport.of(evil, Criteria.defaults())).contains("<nav"));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
