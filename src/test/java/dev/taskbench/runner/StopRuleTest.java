package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.config.Settings;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.StopLog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stop rule on rows with known forks, read through the interval the reports and findings use. */
class StopRuleTest {
    private static final StopRule STANDARD = new StopRule(0.10, 3, 8, 5);
    private static final StopRule TO_THE_CAP = new StopRule(0.10, 3, 8, 0);

    /** The rule on a row with these fork scores, as {@link RowStops} asks it. */
    private static StopRule.Decision judge(StopRule rule, double... forks) {
        BenchmarkResult row = new BenchmarkResult(BenchmarkKey.of("a.B.c", Map.of(), "avgt", 1), "default", "us/op",
                Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN, Double.NaN, List.of());
        return rule.judge(RunSummary.median(row, Criteria.defaults()), forks, 3);
    }

    @Test
    void tightForksStopAtTheMinimum() {
        StopRule.Decision d = judge(STANDARD, 100, 101, 102);
        assertTrue(d.stop());
        assertEquals(StopLog.Kind.WIDTH, d.kind());
        assertEquals("width 2% <= 10% after 3 forks", d.reason(), "three forks: their range over the median");
    }

    @Test
    void fewerForksThanTheMinimumNeverStop() {
        assertFalse(judge(STANDARD, 100, 100).stop(), "two identical forks are still two");
    }

    @Test
    void aNoisyRowTheCapCanDecideGoesOnPastTheFixedForks() {
        double[] forks = {100, 106, 94, 105, 95, 103, 97, 100};
        for (int n = 3; n <= 5; n++) {
            StopRule.Decision d = judge(STANDARD, Arrays.copyOf(forks, n));
            assertFalse(d.stop(), n + " forks: " + d.reason());
        }
        assertTrue(STANDARD.neededForks(Arrays.copyOf(forks, 5)) <= 8, "its spread at 5 forks asks for the cap or less");
        StopRule.Decision d = judge(STANDARD, forks);
        assertTrue(d.stop(), d.reason());
        assertTrue(d.kind() == StopLog.Kind.WIDTH || d.kind() == StopLog.Kind.CAP, d.reason());
    }

    @Test
    void aRowSpreadByATenthIsGivenUpAtTheFixedForks() {
        double[] forks = {100, 107, 93, 108, 92};
        assertFalse(judge(STANDARD, Arrays.copyOf(forks, 4)).stop(), "before reachAt, only the width and the cap");
        StopRule.Decision d = judge(STANDARD, forks);
        assertEquals(StopLog.Kind.OUT_OF_REACH, d.kind(), d.reason());
        assertTrue(d.reason().startsWith("out of reach: width "), d.reason());
        assertEquals(StopLog.Kind.CAP, judge(TO_THE_CAP, 100, 107, 93, 108, 92, 104, 96, 101).kind(),
                "reachAt 0: the same row runs to the cap");
    }

    @Test
    void aRowInTwoModesIsOutOfTheCapsReachAtTheFixedForks() {
        assertFalse(judge(STANDARD, 100, 150, 100).stop(), "before reachAt, only the width and the cap");
        assertFalse(judge(STANDARD, 100, 150, 100, 150).stop());
        StopRule.Decision d = judge(STANDARD, 100, 150, 100, 150, 100);
        assertTrue(d.stop());
        assertEquals(StopLog.Kind.OUT_OF_REACH, d.kind());
        assertTrue(d.reason().matches("out of reach: width 50% after 5 forks; at their spread it needs"
                + " \\d+ forks for 10%, more than the cap of 8"), d.reason());
        d = judge(TO_THE_CAP, 100, 150, 100, 150, 100, 150, 100);
        assertFalse(d.stop(), "reachAt 0: every open row gets the cap");
        assertEquals(StopLog.Kind.CAP, judge(TO_THE_CAP, 100, 150, 100, 150, 100, 150, 100, 150).kind());
    }

    @Test
    void aWideSpreadIsOutOfReachOneStrayForkIsNot() {
        assertEquals(StopLog.Kind.OUT_OF_REACH, judge(STANDARD, 100, 120, 80, 125, 75).kind(), "forks a fifth apart");
        assertTrue(STANDARD.neededForks(new double[] {100, 120, 100, 100, 100}) <= 3,
                "the stray fork is left out of the forecast");
        assertFalse(judge(STANDARD, 100, 120, 100, 100, 100).stop());
        assertEquals(1000, STANDARD.neededForks(new double[] {100, 0, 100, 100, 100}), "no log of 0");
    }

    @Test
    void historyStartsARowAtTheForksItNeedsOrWhereTheRuleWouldGiveItUp() {
        assertEquals(3, STANDARD.forksFor(0.03 * 0.03), "3% between forks: the minimum");
        assertEquals(7, STANDARD.forksFor(0.05 * 0.05), "5%: seven, within the cap");
        assertEquals(5, STANDARD.forksFor(0.2 * 0.2), "a fifth between forks: out of the cap's reach, at reachAt");
        assertEquals(8, TO_THE_CAP.forksFor(0.2 * 0.2), "without reachAt, the cap");
    }

    @Test
    void historysStartComesBeforeTheReach() {
        double[] modes = {100, 150, 100, 150, 100};
        BenchmarkResult row = new BenchmarkResult(BenchmarkKey.of("a.B.c", Map.of(), "avgt", 1), "default", "us/op",
                Arrays.stream(modes).boxed().toList(), Optional.empty(), Double.NaN, Double.NaN, List.of());
        assertFalse(STANDARD.judge(RunSummary.median(row, Criteria.defaults()), modes, 7).stop(),
                "history planned 7 forks: they run first");
    }

    @Test
    void aRowThatTightensStopsInBetween() {
        assertFalse(judge(STANDARD, 100, 120, 100).stop(), "20% wide at three forks");
        assertFalse(judge(STANDARD, 100, 120, 100, 100).stop(), "still the extremes at four");
        StopRule.Decision d = judge(STANDARD, 100, 120, 100, 100, 100, 100, 100);
        assertTrue(d.stop(), d.reason());
        assertEquals("width 0% <= 10% after 7 forks", d.reason(), "one stray fork of seven leaves the interval");
    }

    @Test
    void aZeroMedianHasNoWidthAndRunsToTheCap() {
        assertEquals("unbounded", StopRule.percent(StopRule.relativeWidth(new dev.taskbench.compare.Interval(0, -1, 1,
                0.95))));
    }

    @Test
    void theProfilesRulesAndTheSettingsOverThem() {
        RunSettings standard = RunSettings.from(Settings.parse(new String[0], Map.of()));
        assertEquals(new StopRule(0.10, 3, 8, 5), standard.stopRule());
        assertEquals(new StopRule(0.10, 5, 15, 10), read("-Dtaskbench.profile=full").stopRule());
        assertNull(read("-Dtaskbench.profile=smoke").stopRule(), "smoke runs its fixed fork");
        assertNull(read("-Dtaskbench.profile=steady").stopRule(), "steady counts its 10 forks");
        assertNull(read("-Dtaskbench.stop.maxForks=0").stopRule(), "0 turns the rule off");
        assertEquals(new StopRule(0.05, 4, 6, 0), read("-Dtaskbench.stop.width=0.05", "-Dtaskbench.stop.minForks=4",
                "-Dtaskbench.stop.maxForks=6", "-Dtaskbench.stop.reachAt=0").stopRule());
        assertEquals(new StopRule(0.10, 2, 3, 1), read("-Dtaskbench.profile=smoke", "-Dtaskbench.stop.maxForks=3")
                .stopRule(), "a cap turns the rule on under smoke too");
    }

    @Test
    void badStopSettingsAreOneLineErrors() {
        assertTrue(error("-Dtaskbench.stop.width=0").startsWith("-Dtaskbench.stop.width=0 is not valid"));
        assertTrue(error("-Dtaskbench.stop.width=10%").startsWith("-Dtaskbench.stop.width=10% is not valid"));
        assertTrue(error("-Dtaskbench.stop.minForks=1").startsWith("-Dtaskbench.stop.minForks=1 is not valid"));
        assertTrue(error("-Dtaskbench.stop.reachAt=-1").startsWith("-Dtaskbench.stop.reachAt=-1 is not valid"));
        String above = error("-Dtaskbench.stop.minForks=9");
        assertTrue(above.contains("from 2 to taskbench.stop.maxForks (8)"), above);
    }

    @Test
    void aComparisonStartsWhereTheExactTestCanDecideARow() {
        assertEquals(4, Planner.startingPairs(read(), Profile.STANDARD), "3 a side can never reach p 0.05");
        assertEquals(5, Planner.startingPairs(read("-Dtaskbench.profile=full"), Profile.FULL), "full's minimum");
        assertEquals(1, Planner.startingPairs(read("-Dtaskbench.profile=smoke"), Profile.SMOKE), "smoke's fixed fork");
    }

    private static RunSettings read(String... args) {
        return RunSettingsTest.read(args);
    }

    private static String error(String... args) {
        return RunSettingsTest.error(args);
    }
}
