package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.StopLog;
import dev.taskbench.results.StopLog.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopsReportTest {
    private static StopLog.Stop stop(String method, int forks, Kind kind, String reason) {
        return new StopLog.Stop("default", BenchmarkKey.of("a.B." + method, Map.of(), "avgt", 1), forks, kind, reason);
    }

    @Test
    void countsTheRowsAtTheMinimumInBetweenAndNamesThoseOutOfReachAndAtTheCap() {
        StopLog log = new StopLog("width <= 10% of the median, 3 to 8 forks", 3, 8, List.of(
                stop("a", 3, Kind.WIDTH, "width 2% <= 10% after 3 forks"),
                stop("b", 3, Kind.WIDTH, "width 4% <= 10% after 3 forks"),
                stop("c", 5, Kind.WIDTH, "width 9% <= 10% after 5 forks"),
                stop("d", 7, Kind.WIDTH, "width 8% <= 10% after 7 forks"),
                stop("e", 8, Kind.CAP, "cap 8 forks reached, width 23%"),
                stop("f", 5, Kind.OUT_OF_REACH, "out of reach: width 50% after 5 forks; at their spread"
                        + " it needs 48 forks for 10%, more than the cap of 8")));
        assertEquals("Rule: width <= 10% of the median, 3 to 8 forks. 2 row(s) stopped at 3 forks, 2 at 5\u20137,"
                + " 1 out of the cap's reach at 5: B.f avgt t1, 1 at the cap of 8: B.e avgt t1.",
                StopsReport.summary(log, false));
        assertEquals("Rule: width <= 10% of the median, 3 to 8 forks. 2 row(s) stopped at 3 forks, 2 at 5\u20137,"
                + " 1 out of the cap's reach at 5, 1 at the cap of 8.", StopsReport.counts(log),
                "the console's line: the same counts, without the names");
        assertTrue(StopsReport.hasReasons(Optional.of(log)));
        assertEquals(Optional.of("cap 8 forks reached, width 23%"),
                StopsReport.reason(Optional.of(log), log.rows().get(4).row()));
    }

    @Test
    void fixedForksAreOneLineAndNoColumn() {
        StopLog log = new StopLog("fixed: -f 5", 5, 5, List.of(stop("a", 5, Kind.FIXED, "fixed: -f 5")));
        assertEquals("Forks fixed: -f 5: 1 row(s).", StopsReport.summary(log, false));
        assertFalse(StopsReport.hasReasons(Optional.of(log)), "every row would say the same");
        assertFalse(StopsReport.hasReasons(Optional.empty()), "a run without a log has the table it had");
    }

    @Test
    void aComparisonCountsPairsDecidedAndUndecided() {
        StopLog log = new StopLog("beside a baseline jar: fork pairs until the comparison decides, 4 to 12 pairs", 4,
                12, List.of(stop("a", 4, Kind.DECIDED, "comparison decided after 4 pairs"),
                        stop("b", 12, Kind.UNDECIDED, "undecided after 12 pairs, the cap: q 0.2")));
        assertEquals("Rule: beside a baseline jar: fork pairs until the comparison decides, 4 to 12 pairs. 1 row(s)"
                + " decided after 4 pairs, 1 undecided: B.b avgt t1.", StopsReport.summary(log, false));
    }
}
