package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowStabilityTest {
    static final BenchmarkKey KEY = BenchmarkKey.of("dev.taskbench.form.FormParsingBenchmark.taskbench", Map.of(), "avgt", 1);

    /** A row as JMH writes it: per fork, its iterations. */
    static BenchmarkResult row(String unit, double[]... forks) {
        List<List<Double>> iterations = Arrays.stream(forks).map(f -> Arrays.stream(f).boxed().toList()).toList();
        List<Double> scores = Arrays.stream(forks).map(f -> Arrays.stream(f).average().orElseThrow()).toList();
        return new BenchmarkResult(KEY, "default", unit, scores, Optional.empty(), Double.NaN, Double.NaN, iterations);
    }

    /** Three forks warm up and settle near 150 ns, two settle near 200 ns: the row is bimodal. */
    @Test
    void aRowIsReadForItsStateItsModesAndWhatItCanSee() {
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            forks.add(new Synthetic(f).steps(40, 0.01, 600, 0, f < 3 ? 150 : 200, 5));
        }
        RowStability s = RowStability.of(row("ns/op", forks.toArray(double[][]::new)), 0.1).orElseThrow();
        assertEquals(5, s.steadiness().counts().get(ForkClass.WARMUP));
        assertEquals("steady after 500 ms in 5 of 5 forks (consistent: 5 warm-up)", s.steadiness().describe());
        assertTrue(s.modes().multimodal());
        assertTrue(s.modes().describe("ns").startsWith("2 modes: 3 forks near 15"), s.modes().describe("ns"));
        assertEquals(0.0256, s.noise(), 0.01);
        assertTrue(s.detectable(Criteria.defaults(), 1).orElseThrow().describe(5).startsWith("can see \u00b1"));
        assertEquals(List.of(), s.suspects(List.of(), Optional.empty()));
    }

    @Test
    void aForkDisturbedBesideItIsSuspect() {
        double[][] forks = new double[5][];
        for (int f = 0; f < 5; f++) {
            forks[f] = new Synthetic(f).steps(20, 0.01, 150, 0);
        }
        RowStability s = RowStability.of(row("ns/op", forks), 0.1).orElseThrow();
        Disturbance quiet = new Disturbance(2, 0.02, 0, 0.5, Optional.empty());
        Disturbance busy = new Disturbance(2, 0.61, 0, 0.3, Optional.empty());
        List<SuspectForks.Suspect> suspects = s.suspects(List.of(quiet, quiet, busy, quiet, quiet), Optional.empty());
        assertEquals(List.of(2), suspects.stream().map(SuspectForks.Suspect::fork).toList());
        assertTrue(suspects.get(0).describe().endsWith("; machine busy 61% beside it"), suspects.get(0).describe());
    }

    @Test
    void aUnitWithNoDirectionOrAScoreOfZeroIsNotRead() {
        assertTrue(RowStability.of(row("widgets", new double[] {1, 2, 3, 4}), 0.1).isEmpty());
        assertTrue(RowStability.of(row("ns/op", new double[] {1, 0, 3, 4}), 0.1).isEmpty());
    }
}
