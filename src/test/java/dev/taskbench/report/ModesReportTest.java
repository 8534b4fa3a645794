package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.ModeExplanations.Difference;
import dev.taskbench.results.ModeExplanations.Fork;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bimodal row with its explanation: the modes, the JIT's differences and the files, in every format; without, as before. */
class ModesReportTest {
    static final BenchmarkResult BIMODAL = StandingReportTest.row("tomcat", 150, 151, 149, 199, 201);
    static final String FOLDER = "modes/FormParsingBenchmark.decode-decoder-tomcat-avgt-t1/";
    static final List<Difference> JIT = List.of(
            new Difference("FormParser.decode into FormParser.parse", "inlined (C2)",
                    "not inlined (C2): callee is too large"),
            new Difference("FormParser.parse", "no deopt", "2 deopts: unstable_if (reinterpret)"),
            new Difference("String.charAt", "C2 at 120 ms", "never compiled"),
            new Difference("FormParser.loop", "C2 at 1.5 s", "OSR only, C2 at 1.5 s"));

    static ModeExplanations.Row explained() {
        return new ModeExplanations.Row("default", BIMODAL.key(), "ns/op", List.of(150.0, 200.0),
                List.of(new Fork(152, 0, true), new Fork(148, 0, false), new Fork(203, 1, true)),
                FOLDER + "fast-vs-slow.html", FOLDER + "jit.md", JIT, 5, List.of());
    }

    static RunResults run(Object explanations) {
        Map<String, Object> metadata = explanations == null ? Map.of()
                : Map.of(ModeExplanations.METADATA_KEY, explanations);
        return new RunResults(Path.of(""), "r1", metadata, List.of(BIMODAL));
    }

    @Test
    void anExplainedRowShowsItsJitDifferencesAndFilesInEveryFormat() {
        RunResults run = run(new ModeExplanations(6, List.of(explained())));
        Report report = RunReport.of(run, Criteria.defaults());
        String md = ReportFormat.MARKDOWN.render(report);
        String html = ReportFormat.HTML.render(report);
        String console = ModesReport.text(run);
        for (String out : List.of(md, html, console)) {
            assertTrue(out.contains("2 modes: 3 forks near 150 ns/op, 2 near 200 ns/op"), out);
            assertTrue(out.contains("3 profiled fork(s): 152 ns/op, 148 ns/op near 150 ns/op; 203 ns/op near 200"
                    + " ns/op; compared 152 ns/op against 203 ns/op"), out);
            assertTrue(out.contains("slow fork (203 ns/op)"), out);
        }
        assertTrue(md.contains("| FormParser.decode into FormParser.parse | inlined (C2) | not inlined (C2): callee is"
                + " too large |"), md);
        assertTrue(md.contains("`" + FOLDER + "fast-vs-slow.html`"), md);
        assertTrue(md.contains("FormParser.loop"), "the page keeps every line the metadata holds");
        assertTrue(html.contains("<a href=\"" + FOLDER + "fast-vs-slow.html\">fast against slow flame graph</a>"), html);
        assertTrue(html.contains("<a href=\"" + FOLDER + "jit.md\">JIT differences</a>"), html);
        assertTrue(console.contains("String.charAt"), console);
        assertFalse(console.contains("FormParser.loop"), "the terminal prints the top " + ModesReport.CONSOLE_DIFFERENCES);
        assertTrue(console.contains("6 more in " + FOLDER + "jit.md"), console);
        assertTrue(console.contains(FOLDER + "fast-vs-slow.html"), console);
    }

    @Test
    void explanationsReadBackFromJsonRenderTheSame() {
        Object asJson = new ObjectMapper().convertValue(new ModeExplanations(6, List.of(explained())), Map.class);
        assertEquals(ModesReport.text(run(new ModeExplanations(6, List.of(explained())))), ModesReport.text(run(asJson)));
    }

    @Test
    void aRowWhoseSlowModeDidNotRecurSaysSoInOneLine() {
        ModeExplanations.Row once = new ModeExplanations.Row("default", BIMODAL.key(), "ns/op", List.of(150.0, 200.0),
                List.of(new Fork(152, 0, true), new Fork(148, 0, false)), null, null, List.of(), 0,
                List.of("2 profiled forks all landed near 150 ns/op; the slow mode did not recur"));
        String console = ModesReport.text(run(new ModeExplanations(2, List.of(once))));
        assertTrue(console.contains("the slow mode did not recur"), console);
        assertFalse(console.contains("fast fork ("), "no table without both sides");
    }

    @Test
    void withoutAnExplanationTheSectionIsAsBefore() {
        RunResults plain = run(null);
        RunResults other = run(new ModeExplanations(6, List.of()));
        assertEquals(ModesReport.text(plain), ModesReport.text(other));
        assertEquals(ReportFormat.HTML.render(RunReport.of(plain, Criteria.defaults())),
                ReportFormat.HTML.render(RunReport.of(other, Criteria.defaults())));
        assertFalse(ModesReport.text(plain).contains("Why"));
    }
}
