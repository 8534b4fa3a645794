package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.declare.Finding;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.DetectableChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Known answers: an undecided finding prints its reason, never its ratio; a bimodal row says so in every format. */
class StandingReportTest {
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML);
    static final String DECODER = "dev.taskbench.FormParsingBenchmark.decode";
    static final String SENTENCE = "On the seed body taskbench's decoder is 0.714x [0.392x, 6.08x] as fast as tomcat.";

    static BenchmarkResult row(String decoder, double... forks) {
        return new BenchmarkResult(BenchmarkKey.of(DECODER, Map.of("decoder", decoder), "avgt", 1), "default",
                "ns/op", java.util.Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN);
    }

    static Answer answer(BenchmarkResult of, BenchmarkResult to, Interval ratio) {
        return new Answer("Decoders", "", SENTENCE, "", ratio, Finding.Better.LOWER, Answer.Kind.TIME_RATIO, of,
                Optional.of(to), of.forkScores().size(), to.forkScores().size(), List.of());
    }

    @Test
    void aFindingOnDisagreeingForksIsUndecidedWithItsReasonNotARatio() {
        BenchmarkResult disturbed = row("taskbench", 150, 1278, 1593, 189, 2332);
        BenchmarkResult tomcat = row("tomcat", 590, 600, 595, 585, 605);
        Answer a = answer(disturbed, tomcat, new Interval(0.714, 0.392, 6.08, 0.95));
        String line = FindingsReport.line(a);
        assertTrue(line.startsWith(FindingsReport.UNDECIDED), line);
        assertTrue(line.contains("forks disagree: 150 to 2,332 ns"), line);
        assertFalse(line.contains("0.714"), "no bare ratio: " + line);
        assertEquals(Charts.UNDECIDED, Charts.colour(a), "the chart's mark reads as undecided");
        Report report = new Report("r", null, List.of(FindingsReport.of(List.of(a), Criteria.defaults())));
        for (ReportFormat f : FORMATS) {
            String out = f.render(report);
            assertTrue(out.contains("Undecided"), f + ": " + out);
            assertFalse(out.contains("0.714"), f + ": " + out);
        }
        Report comparison = new Report("c", null, List.of(FindingsReport.of(List.of(new Findings.Pair(a, Optional.empty())))));
        assertTrue(ReportFormat.MARKDOWN.render(comparison).contains("Undecided"), "a comparison's findings too");
    }

    @Test
    void aNarrowFindingOnOneModeRowsKeepsItsRatio() {
        BenchmarkResult quick = row("taskbench", 150, 151, 149, 150, 152);
        BenchmarkResult tomcat = row("tomcat", 590, 600, 595, 585, 605);
        Answer a = answer(quick, tomcat, new Interval(0.254, 0.25, 0.26, 0.95));
        assertEquals(SENTENCE, FindingsReport.line(a));
    }

    /** The hog run with re-runs off: the floor finding read 0.894x [0.751x, 1.18x] on forks all disturbed. */
    @Test
    void aNarrowDistanceToTheFloorOnDisturbedForksIsUndecidedToo() {
        BenchmarkResult busy = row("taskbench", 1995, 2608, 2090, 1900, 1677).withDisturbedForks(5);
        BenchmarkResult floor = row("floor", 2393, 2277, 2215, 2232, 1734).withDisturbedForks(5);
        Answer a = new Answer("Decoders", "", SENTENCE, "", new Interval(0.894, 0.751, 1.18, 0.95), Finding.Better.NEITHER,
                Answer.Kind.TIME_RATIO, busy, Optional.of(floor), 5, 5, List.of());
        String line = FindingsReport.line(a);
        assertTrue(line.startsWith(FindingsReport.UNDECIDED), line);
        assertTrue(line.contains("5 of 5 disturbed"), line);
        Answer quiet = new Answer("Decoders", "", SENTENCE, "", new Interval(3.44, 2.55, 4.73, 0.95), Finding.Better.NEITHER,
                Answer.Kind.TIME_RATIO, row("taskbench", 150, 151, 149), Optional.of(row("floor", 44, 43, 45)), 3, 3,
                List.of());
        assertEquals(SENTENCE, FindingsReport.line(quiet), "a quiet distance to a reference keeps its ratio");
    }

    @Test
    void aBimodalRowSaysSoInEveryFormatAndBesideTheFindingThatRestsOnIt() {
        BenchmarkResult bimodal = row("tomcat", 150, 151, 149, 199, 201);
        RunResults run = new RunResults(Path.of(""), "r1", Map.of(), List.of(bimodal));
        String modes = "2 modes: 3 forks near 150 ns/op, 2 near 200 ns/op";
        Report report = RunReport.of(run, Criteria.defaults());
        for (ReportFormat f : FORMATS) {
            assertTrue(f.render(report).contains(modes), f + ": " + f.render(report));
        }
        assertTrue(ModesReport.text(run).contains(modes), "the console");
        BenchmarkResult quick = row("taskbench", 50, 51, 49, 50, 52);
        String line = FindingsReport.line(answer(quick, bimodal, new Interval(0.3, 0.28, 0.33, 0.95)));
        assertTrue(line.startsWith(SENTENCE) && line.contains("more than one mode") && line.contains(modes), line);
    }

    @Test
    void aRunWithoutModesHasNoModesSection() {
        RunResults run = new RunResults(Path.of(""), "r1", Map.of(), List.of(row("taskbench", 150, 151, 149, 150, 152)));
        assertEquals("", ModesReport.text(run));
        assertFalse(ReportFormat.MARKDOWN.render(RunReport.of(run, Criteria.defaults())).contains(ModesReport.TITLE));
    }

    @Test
    void aQuietRowSaysWhatItCanSeeAndANoisyOneIsListedAtTheCap() {
        BenchmarkResult quiet = row("taskbench", 150, 151, 149, 150, 152);
        BenchmarkResult noisy = row("tomcat", 590, 1100, 300, 900, 450);
        RunResults run = new RunResults(Path.of(""), "r1", Map.of(RunReport.ADAPTIVE_CAP, 12), List.of(quiet, noisy));
        Criteria o = Criteria.defaults();
        String canSee = RunReport.canSee(RunReport.detectable(quiet, o, 2).orElseThrow(), 5);
        assertTrue(canSee.startsWith("\u00b1"), canSee);
        String md = ReportFormat.MARKDOWN.render(RunReport.of(run, o));
        String atCap = RunReport.canSee(RunReport.detectable(quiet, o, 2).orElseThrow(), 12);
        assertTrue(md.contains("| 5 | " + canSee + ", " + atCap + " at 12 |"), md);
        assertTrue(md.contains("then at the adaptive cap, 12 forks a side"), md);
        assertTrue(md.contains("cannot see a 10.0% change at the adaptive cap, 12 forks a side"), md);
        assertTrue(md.contains("decoder=tomcat") && !md.matches("(?s).*cannot see a 10.0%.*decoder=taskbench.*"), md);
    }

    @Test
    void aRowTheStopRuleEndedAtThreeForksSaysWhatItWouldSeeAtTheCap() {
        // 3 forks a side can never reach p 0.05: the quietest rows read "nothing" without the cap beside it
        BenchmarkResult quiet = row("taskbench", 150, 151, 149);
        RunResults run = new RunResults(Path.of(""), "r1", Map.of(RunReport.ADAPTIVE_CAP, 12), List.of(quiet));
        Criteria o = Criteria.defaults();
        DetectableChange d = RunReport.detectable(quiet, o, 1).orElseThrow();
        assertEquals("nothing", RunReport.canSee(d, 3));
        String cell = RunReport.canSee(d, 3, java.util.OptionalInt.of(12));
        assertTrue(cell.matches("nothing, \u00b1[0-9.]+% at 12"), cell);
        assertEquals("nothing", RunReport.canSee(d, 3, java.util.OptionalInt.empty()));
    }

    /**
     * plant-c1's comparison printed "is 3.39x [3.24x, 3.54x] as fast as the fastest other (base: 0.268 [0.257,
     * 0.274]x)": the base's time ratio beside the candidate's speed-up, and "base: not measured" where the base's
     * fastest other was another decoder.
     */
    @Test
    void aComparisonsBaseFigureReadsAsItsSentenceAndNamesItsOwnFastestOther() {
        BenchmarkResult tb = row("taskbench", 100, 101, 99);
        BenchmarkResult netty = row("netty", 339, 340, 338);
        BenchmarkResult tomcat = row("tomcat", 373, 372, 375);
        String says = "taskbench's decoder is {speedup} as fast as the fastest other.";
        Answer candidate = fastest(tb, netty, new Interval(0.295, 0.282, 0.309, 0.95), says, List.of(tb, netty, tomcat));
        Answer base = fastest(tb, tomcat, new Interval(0.268, 0.257, 0.274, 0.95), says, List.of(tb, netty, tomcat));
        String text = ReportFormat.TEXT.render(new Report("c", null,
                List.of(FindingsReport.of(Findings.paired(List.of(base), List.of(candidate), false)))));
        assertTrue(text.contains("is 3.39\u00d7 [3.24\u00d7, 3.55\u00d7] as fast as the fastest other.  (base: 3.73\u00d7 [3.65\u00d7, "
                + "3.89\u00d7], against tomcat)"), text);
    }

    private static Answer fastest(BenchmarkResult of, BenchmarkResult to, Interval ratio, String says,
            List<BenchmarkResult> field) {
        String sentence = says.replace("{speedup}", Findings.figure(says, ratio));
        return new Answer("Decoders", "", sentence, Findings.figure(says, ratio),
                ratio, Finding.Better.LOWER, Answer.Kind.TIME_RATIO, of, Optional.of(to), 3, 3, field);
    }
}
