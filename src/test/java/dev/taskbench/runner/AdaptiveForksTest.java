package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.report.ComparisonReports;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fork pairs' stop rule judges each row as the published comparison will. */
class AdaptiveForksTest {
    private static final Criteria C = Criteria.defaults().withResamples(1000);
    /** Seven forks in two modes, 4 near 100 and 3 near 150; the candidate's are 15% slower in both. */
    private static final double[] TWO_MODES = {100, 101, 99, 100.5, 150, 151, 149};
    private static final double[] TWO_MODES_SLOWER = {115, 116.2, 113.8, 115.6, 172.5, 173.6, 171.4};

    private static BenchmarkResult row(String method, double... forks) {
        return new BenchmarkResult(BenchmarkKey.of("x.B." + method, Map.of(), "avgt", 1), "default", "ns/op",
                Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN);
    }

    /** The row with modes among 52 quiet rows, as a standard FormParsing comparison has them. */
    private static RunResults run(String id, double[] twoModes) {
        List<BenchmarkResult> rows = new ArrayList<>(List.of(row("modes", twoModes)));
        for (int i = 0; i < 52; i++) {
            rows.add(row("quiet" + i, 10, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98));
        }
        return new RunResults(Path.of("runs", id), id, Map.of(), rows);
    }

    @Test
    void aRowWhoseModesCannotDecideItYetGetsMorePairsAndEveryVerdictIsThePublishedOne() {
        RunResults base = run("base", TWO_MODES);
        RunResults candidate = run("candidate", TWO_MODES_SLOWER);
        Comparison here = AdaptiveForks.judge(base, candidate, C);
        Comparison published = ComparisonReports.compare(base, candidate, C);
        for (int i = 0; i < here.rows().size(); i++) {
            assertEquals(published.rows().get(i).verdict(), here.rows().get(i).verdict(),
                    published.rows().get(i).key() + ": " + published.rows().get(i).reason());
        }
        Row modes = here.rows().stream().filter(r -> r.key().benchmark().endsWith(".modes")).findFirst().orElseThrow();
        assertTrue(modes.byModes(), modes.reason());
        assertEquals(Verdict.UNKNOWN, modes.verdict(), modes.reason());
        assertTrue(AdaptiveForks.undecided(here).getOrDefault("default", List.of()).contains(modes.key()),
                "a row its modes cannot decide yet is undecided, so it gets another pair: " + modes.reason());
    }
}
