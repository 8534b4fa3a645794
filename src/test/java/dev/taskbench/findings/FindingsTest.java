package dev.taskbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.compare.PairDrift;
import dev.taskbench.declare.Finding;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The declared questions against JMH's generated benchmark list, and their answers on recorded real runs. */
class FindingsTest {
    /** A real standard run of every benchmark, committed with the project. */
    private static final Path BASELINE = Path.of("results", "baseline");
    private static final Path MATRIX = Path.of("src", "test", "resources", "jmh", "matrix-smoke");
    private static final String POOL = "dev.taskbench.pool.ConnectionBenchmark";

    private static List<BenchmarkListEntry> benchmarkList() {
        return List.copyOf(BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of()));
    }

    @Test
    void everyDeclaredQuestionResolvesToRealRows() {
        List<BenchmarkListEntry> list = benchmarkList();
        List<String> problems = DeclarationCheck.problems(list, Set.copyOf(FlagSets.load(null).names()));
        assertEquals(List.of(), problems);
        List<Question> declared = Findings.declaredFor(list.stream().map(BenchmarkListEntry::getUsername).toList());
        assertTrue(declared.size() >= 30, "the issue's list of questions is declared: " + declared.size());
    }

    @Finding(group = "g", of = "noSuchMethod", to = "oneUser source=hikari", says = "{ratio}")
    @Finding(group = "g", of = "oneUser source=noSuchSource", to = "oneUser source=hikari", says = "{ratio}")
    @Finding(group = "g", of = "oneUser colour=red", to = "oneUser source=hikari", says = "{ratio}")
    @Finding(group = "g", of = "oneUser source=dbcp2", to = "oneUser source=hikari", says = "{colour} {ratio}")
    @Finding(group = "g", of = "oneUser source=dbcp2", ofFlagSet = "noSuchSet", toFlagSet = "c2", says = "{ratio}")
    @Finding(group = "g", of = "oneUser source=dbcp2", to = "tenUsers source=hikari /width", says = "{ratio}")
    private static final class Wrong {
    }

    @Test
    void aQuestionNamingWhatDoesNotExistIsAProblem() {
        Map<String, Map<String, Set<String>>> params = new LinkedHashMap<>();
        for (BenchmarkListEntry e : benchmarkList()) {
            Map<String, Set<String>> p = params.computeIfAbsent(e.getUsername(), k -> new LinkedHashMap<>());
            e.getParams().orElse(Map.of()).forEach((k, v) -> p.computeIfAbsent(k, x -> new LinkedHashSet<>())
                    .addAll(Arrays.asList(v)));
        }
        List<String> problems = DeclarationCheck.problems(params,
                Map.of(POOL, List.of(Wrong.class.getAnnotationsByType(Finding.class))), Set.of("c2"));
        String all = String.join("\n", problems);
        assertEquals(6, problems.size(), all);
        assertTrue(all.contains("no benchmark " + POOL + ".noSuchMethod"), all);
        assertTrue(all.contains("source=noSuchSource is not a value"), all);
        assertTrue(all.contains("has no parameter colour"), all);
        assertTrue(all.contains("{colour}"), all);
        assertTrue(all.contains("no flag set noSuchSet"), all);
        assertTrue(all.contains("no parameter width to divide by"), all);
    }

    private static List<Answer> baseline() {
        return Findings.of(RunResults.read(BASELINE), Criteria.defaults());
    }

    private static double median(BenchmarkResult r) {
        double[] f = r.forks();
        Arrays.sort(f);
        return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
    }

    private static BenchmarkResult row(RunResults run, String benchmark, Map<String, String> params) {
        return run.results().stream().filter(r -> r.key().benchmark().endsWith(benchmark)
                && r.key().params().equals(new java.util.TreeMap<>(params))).findFirst().orElseThrow();
    }

    @Test
    void freshAgainstPooledIsTheRatioOfForkMediansWithAnInterval() {
        RunResults run = RunResults.read(BASELINE);
        double expected = median(row(run, "ConnectionBenchmark.oneUser", Map.of("source", "driverManager",
                "poolSize", "10"))) / median(row(run, "ConnectionBenchmark.oneUser", Map.of("source", "hikari",
                "poolSize", "10")));
        Answer a = baseline().stream().filter(x -> x.of().key().benchmark().equals(POOL + ".oneUser")
                && x.of().key().params().get("source").equals("driverManager")).findFirst().orElseThrow();
        assertEquals(expected, a.ratio().estimate(), 1e-9);
        assertTrue(a.ratio().low() <= a.ratio().estimate() && a.ratio().estimate() <= a.ratio().high());
        assertTrue(a.ratio().low() > 1, "a fresh connection is dearer than a pooled one beyond doubt: " + a.ratio());
        assertEquals(5, a.ofForks());
        assertTrue(a.sentence().startsWith("A new DriverManager connection per operation takes "), a.sentence());
        assertTrue(a.sentence().contains("\u00d7 ["), "the ratio comes with its interval: " + a.sentence());
        assertEquals(Answer.Kind.TIME_RATIO, a.kind());
        // held against the pool, it is a distance to a reference: far above 1, yet no bad news
        assertTrue(a.reference() && a.good().isEmpty(), "news either way: " + a.good());
        assertEquals(a.ratio(), baseline().stream().filter(x -> x.sentence().equals(a.sentence())).findFirst()
                .orElseThrow().ratio(), "the same run gives the same interval");
    }

    /** Every time ratio with forks on both sides holds the drift its pair has; a pgbench share keeps its samples'. */
    @Test
    void aRatiosRunToRunDriftWidensItsIntervalAndItsSentence() {
        RunResults run = RunResults.read(BASELINE);
        Drift.Spread spread = new Drift.Spread(0.05, 4);
        List<Answer> alone = Findings.of(run, Criteria.defaults());
        List<Answer> held = Findings.of(run, Criteria.defaults(), (of, to) -> Optional.of(spread));
        assertEquals(alone.size(), held.size());
        int widened = 0;
        for (int i = 0; i < alone.size(); i++) {
            Answer a = alone.get(i);
            Answer h = held.get(i);
            assertEquals(a.ratio().estimate(), h.ratio().estimate(), 0.0);
            if (a.kind() == Answer.Kind.CEILING || a.ofForks() < 2 || a.toForks() < 2) {
                assertEquals(a.ratio(), h.ratio(), a.sentence());
                assertTrue(h.drift().isEmpty());
                continue;
            }
            widened++;
            assertEquals(PairDrift.widen(a.ratio(), spread), h.ratio(), a.sentence());
            assertTrue(h.ratio().low() < a.ratio().low() && h.ratio().high() > a.ratio().high(), h.sentence());
            assertEquals(Optional.of(spread), h.drift());
            assertTrue(h.sentence().contains(h.figure()) && !h.figure().equals(a.figure()), h.sentence());
            assertTrue(a.drift().isEmpty());
        }
        assertTrue(widened > 10, "the baseline's time ratios: " + widened);
    }

    @Test
    void theDecoderIsHeldAgainstTheFastestOtherAndTheFloorOnEachInput() {
        RunResults run = RunResults.read(BASELINE);
        List<Answer> decoding = baseline().stream().filter(a -> a.group().equals("Form decoding")).toList();
        assertEquals(10, decoding.size(), "5 inputs, 2 questions each");
        for (Answer a : decoding) {
            String input = a.of().key().params().get("input");
            assertEquals("taskbench", a.of().key().params().get("contender"));
            assertEquals("input=" + input, a.label());
            String to = a.to().orElseThrow().key().params().get("contender");
            if (a.sentence().contains("floor")) {
                assertEquals("floorStrings", to);
            } else {
                BenchmarkResult fastest = run.results().stream()
                        .filter(r -> r.key().benchmark().endsWith("FormParsingBenchmark.decode")
                                && r.key().params().get("input").equals(input)
                                && !Set.of("taskbench", "floorStrings").contains(r.key().params().get("contender")))
                        .min(Comparator.comparingDouble(FindingsTest::median)).orElseThrow();
                assertEquals(fastest.key().params().get("contender"), to, input);
                assertTrue(a.sentence().contains(to), a.sentence());
            }
        }
    }

    @Test
    void aBatchIsHeldAgainstSingleRowsPerRow() {
        RunResults run = RunResults.read(BASELINE);
        Answer a = baseline().stream().filter(x -> x.of().key().benchmark().endsWith("StatementBenchmark.batch")
                && x.to().orElseThrow().key().benchmark().endsWith("singleRow")).findFirst().orElseThrow();
        double expected = median(row(run, "StatementBenchmark.batch", Map.of("batchSize", "100",
                "prepareThreshold", "5", "reWriteBatchedInserts", "false"))) / 100
                / median(row(run, "StatementBenchmark.singleRow", Map.of("statement", "preparedT5")));
        assertEquals(expected, a.ratio().estimate(), 1e-9);
        assertTrue(a.sentence().contains("batch of 100 rows"), a.sentence());
    }

    @Test
    void everySingleRowWriteIsAShareOfItsPgbenchSamples() {
        RunResults run = RunResults.read(BASELINE);
        List<Answer> ceiling = baseline().stream().filter(a -> a.kind() == Answer.Kind.CEILING).toList();
        assertEquals(17, ceiling.size(), "every @SingleRowWrite row of the standard run");
        BenchmarkResult r = row(run, "InsertBenchmark.requestTenUsers", Map.of("path", "jdbcPrepared"));
        double[] rowsPerSecond = Arrays.stream(r.forks()).map(us -> 10 * 1e6 / us).sorted().toArray();
        double[] samples = r.pgbenchSamples();
        assertEquals(6, samples.length, "5 forks, a sample before and after each");
        Arrays.sort(samples);
        double expected = rowsPerSecond[2] / ((samples[2] + samples[3]) / 2);
        Answer a = ceiling.stream().filter(x -> x.of() == r || x.of().equals(r)).findFirst().orElseThrow();
        assertEquals(expected, a.ratio().estimate(), 1e-9);
        assertTrue(a.sentence().contains("% ["), a.sentence());
        assertEquals(Findings.CEILING_GROUP, a.group());
    }

    @Test
    void flagSetQuestionsAreAnsweredOnlyWhenBothFlagSetsRan() {
        RunResults run = RunResults.read(MATRIX);
        List<Answer> answers = Findings.of(run, Criteria.defaults());
        Answer interpreted = answers.stream().filter(a -> a.of().flagSet().equals("interpreter")).findFirst()
                .orElseThrow();
        assertEquals("c2", interpreted.to().orElseThrow().flagSet());
        double expected = median(interpreted.of()) / median(interpreted.to().orElseThrow());
        assertEquals(expected, interpreted.ratio().estimate(), 1e-9);
        assertTrue(interpreted.ratio().estimate() > 1, "the interpreter is slower: " + interpreted.ratio());
        assertFalse(interpreted.sentence().contains("["), "one fork a side has no interval to show: "
                + interpreted.sentence());
        assertFalse(answers.stream().anyMatch(a -> a.of().flagSet().equals("jdk25")),
                "no jdk17 ran, so JDK 25 against 17 is not asked");
    }

    @Test
    void aRunWithoutTheRowsAnswersNothing() {
        RunResults full = RunResults.read(BASELINE);
        RunResults onlyFresh = new RunResults(full.source(), "part", Map.of(), full.results().stream()
                .filter(r -> r.key().benchmark().equals(POOL + ".oneUser")
                        && !r.key().params().get("source").equals("hikari")).toList());
        assertEquals(List.of(), Findings.of(onlyFresh, Criteria.defaults()));
    }
}
