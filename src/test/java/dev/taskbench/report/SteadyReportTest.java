package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.WarmupPlan;
import dev.taskbench.runner.ResultsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers on a synthetic steady run of 60 iterations of 100 ms a fork: a row whose forks
 * all warm up for 3 s is named against its declared 2 s warm-up; a row with a fork that never
 * settles is named apart; a flat row is not.
 */
class SteadyReportTest {
    static final String DECODE = "dev.taskbench.form.FormParsingBenchmark.decode";
    static final String POOL = "dev.taskbench.pool.ConnectionBenchmark.oneUser";
    static final double NOISE = 0.01;
    static final WarmupPlan DECLARED = new WarmupPlan(Optional.of("4 x 500 ms"), 2.0, 2.0, 0.1);
    static final WarmupPlan UNDECLARED = new WarmupPlan(Optional.empty(), Double.NaN, 0.5, 0.1);

    /** 60 iterations near {@code level}, from {@code start} near {@code then}; noise from a seed. */
    static double[] fork(long seed, double level, double then, int start) {
        MersenneTwister random = new MersenneTwister(seed);
        double[] out = new double[60];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i < start ? level : then) * Math.exp(NOISE * random.nextGaussian());
        }
        return out;
    }

    static double[] flat(long seed) {
        return fork(seed, 150, 150, 0);
    }

    static double[] warmup(long seed) {
        return fork(seed, 600, 150, 30);
    }

    static double[] neverSteady(long seed) {
        return fork(seed, 150, 220, 50);
    }

    static BenchmarkResult row(String benchmark, String param, List<double[]> forks) {
        List<List<Double>> iterations = forks.stream().map(f -> Arrays.stream(f).boxed().toList()).toList();
        List<Double> scores = forks.stream().map(f -> Arrays.stream(f).average().orElseThrow()).toList();
        return new BenchmarkResult(BenchmarkKey.of(benchmark, Map.of(param.split("=")[0], param.split("=")[1]), "avgt", 1), "default",
                "ns/op", scores, Optional.empty(), Double.NaN, Double.NaN, iterations);
    }

    /** taskbench: 10 forks warm up for 3 s; tomcat: 7 flat, 2 warm up, 1 never steady; the pool: flat. */
    static RunResults run() {
        List<double[]> slow = new ArrayList<>();
        List<double[]> mixed = new ArrayList<>();
        List<double[]> quiet = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            slow.add(warmup(f));
            mixed.add(f < 7 ? flat(100 + f) : f < 9 ? warmup(100 + f) : neverSteady(100 + f));
            quiet.add(flat(200 + f));
        }
        Map<String, Object> metadata = Map.of("profile", "steady", WarmupPlan.METADATA_KEY,
                Map.of(DECODE, DECLARED.toMetadata(), POOL, UNDECLARED.toMetadata()));
        return new RunResults(Path.of(""), "steady-1", metadata, List.of(row(DECODE, "contender=taskbench",
                slow), row(DECODE, "contender=tomcat", mixed), row(POOL, "source=hikari", quiet)));
    }

    @Test
    void eachRowCountsItsForksAndTheRowsWarmedTooShortlyAreNamed() {
        Section s = new Section(SteadyReport.of(run()).orElseThrow());
        assertTrue(s.rows().contains("flat 7, warm-up 2, no steady state 1"), s.rows());
        assertTrue(s.rows().contains("warm-up 10 | consistent | 3.0 s [3.0 s, 3.0 s] | 4 x 500 ms (2.0 s) | 2.0 s"),
                s.rows());
        assertTrue(s.rows().contains("flat 10 | consistent | 0.0 s [0.0 s, 0.0 s] | none | 500 ms"), s.rows());
        assertEquals(List.of(
                "FormParsingBenchmark.decode [contender=taskbench] avgt t1: steady after 3.0 s in 10 of 10 forks"
                        + " (consistent: 10 warm-up); the declared 4 x 500 ms warms 2.0 s;"
                        + " the standard profile warms 2.0 s"), s.named(), "warmed shorter than it is steady");
        assertEquals(List.of(
                "FormParsingBenchmark.decode [contender=tomcat] avgt t1: steady after 0.0 s in 9 of 10 forks;"
                        + " never steady in 1 (bad inconsistent: 7 flat, 2 warm-up, 1 no steady state)"), s.never(),
                "steady within its warm-up, one fork never: named apart, its warm-up not blamed");
    }

    @Test
    void everyFormatShowsTheSectionAndTheConsoleToo() {
        Report report = RunReport.of(run(), Criteria.defaults());
        for (ReportFormat f : StandingReportTest.FORMATS) {
            String out = f.render(report);
            assertTrue(out.contains(SteadyReport.TITLE) && out.contains(SteadyReport.SHORT), f + ": " + out);
            assertTrue(out.contains("the declared 4 x 500 ms warms 2.0 s"), f + ": " + out);
        }
        assertTrue(SteadyReport.text(run()).contains("flat 7, warm-up 2, no steady state 1"));
    }

    @Test
    void aRunThatRecordedNoWarmupPlansHasNoSection() {
        RunResults standard = new RunResults(Path.of(""), "r1", Map.of("profile", "standard"), run().results());
        assertTrue(SteadyReport.of(standard).isEmpty());
        assertEquals("", SteadyReport.text(standard));
        assertFalse(SteadyStateFile.applies(standard));
    }

    @Test
    void theFileHoldsEachForksClassAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SteadyStateFile.NAME);
        ResultsStore.writeJson(file, SteadyStateFile.of(run()));
        JsonNode forks = new ObjectMapper().readTree(file.toFile()).get("forks");
        assertEquals(30, forks.size());
        JsonNode first = forks.get(0);
        assertEquals("FormParsingBenchmark.decode [contender=taskbench] avgt t1", first.get("row").asText());
        assertEquals(1, first.get("fork").asInt());
        assertEquals("warm-up", first.get("class").asText());
        assertEquals(3.0, first.get("steadyAfterSeconds").asDouble(), 1e-9);
        assertEquals(30, first.get("steadyIteration").asInt());
        JsonNode levels = first.get("levels");
        assertEquals(600, levels.get(0).get("level").asDouble(), 600 * 0.02);
        assertEquals(150, levels.get(levels.size() - 1).get("level").asDouble(), 150 * 0.02);
        JsonNode never = forks.get(19);
        assertEquals("no steady state", never.get("class").asText());
        assertTrue(never.get("steadyAfterSeconds").isNull());
    }

    /** The section's table rows and named rows as plain text. */
    record Section(String rows, List<String> named, List<String> never) {
        Section(Report.Section s) {
            this(s.blocks().stream().filter(b -> b instanceof Report.Table).map(b -> ((Report.Table) b).rows()
                    .stream().map(r -> String.join(" | ", r.stream().map(Report.Cell::text).toList()))
                    .reduce("", (a, c) -> a + c + "\n")).findFirst().orElse(""), items(s, SteadyReport.SHORT),
                    items(s, SteadyReport.NEVER));
        }

        private static List<String> items(Report.Section s, String title) {
            return s.blocks().stream().filter(b -> b instanceof Report.Items i && title.equals(i.title()))
                    .flatMap(b -> ((Report.Items) b).items().stream()).map(SteadyReportTest::plain).toList();
        }
    }

    static String plain(Report.Text t) {
        return String.join("", t.parts().stream().map(Report.Text.Part::text).toList());
    }
}
