package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    static final double[] FIVE = {100, 102, 98, 101, 99};

    static BenchmarkKey key(String method, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return BenchmarkKey.of("dev.taskbench.x.SomeBenchmark." + method, p, "avgt", 1);
    }

    static BenchmarkResult result(String flagSet, BenchmarkKey key, String unit, double[] forks, double... alloc) {
        List<Double> f = Arrays.stream(forks).boxed().toList();
        Optional<List<Double>> a = alloc.length == 0 ? Optional.empty()
                : Optional.of(Arrays.stream(alloc).boxed().toList());
        return new BenchmarkResult(key, flagSet, unit, f, a, Double.NaN);
    }

    static RunResults run(String id, BenchmarkResult... rs) {
        return new RunResults(Path.of(id), id, Map.of(), List.of(rs));
    }

    static double[] times(double[] v, double factor) {
        return Arrays.stream(v).map(x -> x * factor).toArray();
    }

    static Row only(Comparison c) {
        assertEquals(1, c.rows().size());
        return c.rows().get(0);
    }

    @Test
    void matchesByFlagSetAndKeyAndListsTheRest() {
        BenchmarkKey a = key("a");
        BenchmarkKey b = key("b", "x", "1", "y", "2");
        BenchmarkKey bReordered = key("b", "y", "2", "x", "1");
        BenchmarkKey c = key("c");
        RunResults base = run("base", result("default", a, "ns/op", FIVE), result("default", b, "ns/op", FIVE));
        RunResults cand = run("cand", result("default", bReordered, "ns/op", FIVE),
                result("default", c, "ns/op", FIVE), result("c1", a, "ns/op", FIVE));
        Comparison cmp = Comparison.compare(base, cand, Criteria.defaults());
        assertEquals(b, only(cmp).key());
        assertEquals("default", only(cmp).flagSet());
        assertEquals(List.of(a), cmp.onlyInBase().stream().map(BenchmarkResult::key).toList());
        assertEquals(List.of("default/" + c.label(), "c1/" + a.label()), cmp.onlyInCandidate().stream()
                .map(r -> r.flagSet() + "/" + r.key().label()).toList());
        assertEquals("base", cmp.baseName());
        assertEquals("cand", cmp.candidateName());
    }

    @Test
    void modeAndThreadsAreKeyParts() {
        BenchmarkKey avgt = BenchmarkKey.of("p.B.m", Map.of(), "avgt", 1);
        BenchmarkKey thrpt = BenchmarkKey.of("p.B.m", Map.of(), "thrpt", 1);
        BenchmarkKey tenThreads = BenchmarkKey.of("p.B.m", Map.of(), "avgt", 10);
        Comparison cmp = Comparison.compare(run("b", result("default", avgt, "ns/op", FIVE)),
                run("c", result("default", thrpt, "ops/s", FIVE), result("default", tenThreads, "ns/op", FIVE)),
                Criteria.defaults());
        assertTrue(cmp.rows().isEmpty());
        assertEquals(1, cmp.onlyInBase().size());
        assertEquals(2, cmp.onlyInCandidate().size());
    }

    @Test
    void timeUnitsHigherIsSlower() {
        Row r = compareOne("ns/op", FIVE, times(FIVE, 1.2));
        assertEquals(Verdict.SLOWER, r.verdict());
        assertEquals(1.2, r.ratio().estimate(), 1e-12);
        assertEquals(2.0 / 252, r.p(), 1e-12);
        assertEquals(Verdict.FASTER, compareOne("ms/op", FIVE, times(FIVE, 0.8)).verdict());
        assertEquals(Verdict.SLOWER, compareOne("us/op", FIVE, times(FIVE, 1.2)).verdict()); // sample mode too
        assertEquals(Verdict.SLOWER, compareOne("s/op", FIVE, times(FIVE, 1.2)).verdict()); // single shot
    }

    @Test
    void throughputHigherIsFaster() {
        assertEquals(Verdict.FASTER, compareOne("ops/s", FIVE, times(FIVE, 1.2)).verdict());
        Row r = compareOne("ops/ms", FIVE, times(FIVE, 0.8));
        assertEquals(Verdict.SLOWER, r.verdict());
        assertEquals(1.25, r.timeRatio().orElseThrow().estimate(), 1e-12);
    }

    @Test
    void aSignificantChangeBelowTheMinimumEffectIsSame() {
        double[] tight = {1000, 1001, 1002, 1003, 1004, 1005};
        Row r = compareOne("ns/op", tight, times(tight, 1.03));
        assertTrue(r.q() <= 0.05);
        assertEquals(Verdict.SAME, r.verdict());
        assertTrue(r.reason().startsWith("below the 5% minimum effect"), r.reason());
        Comparison loose = Comparison.compare(run("b", result("default", key("m"), "ns/op", tight)),
                run("c", result("default", key("m"), "ns/op", times(tight, 1.03))), Criteria.defaults().withMinEffect(0.02));
        assertEquals(Verdict.SLOWER, only(loose).verdict());
    }

    @Test
    void overlappingForksAreSame() {
        Row r = compareOne("ns/op", FIVE, new double[] {101, 99, 100, 97, 103});
        assertEquals(Verdict.SAME, r.verdict());
        assertTrue(r.reason().startsWith("not significant"), r.reason());
    }

    @Test
    void tooFewForksAreUnknown() {
        Row two = compareOne("ns/op", new double[] {1, 2}, new double[] {10, 20});
        assertEquals(Verdict.UNKNOWN, two.verdict());
        assertTrue(two.reason().contains("need 3 per side"), two.reason());
        assertTrue(Double.isNaN(two.p()));
        // three against three passes the fork floor but can never be significant: still UNKNOWN, not SAME
        Row three = compareOne("ns/op", new double[] {1, 2, 3}, new double[] {10, 20, 30});
        assertEquals(Verdict.UNKNOWN, three.verdict());
        assertTrue(three.reason().contains("cannot reach"), three.reason());
        assertEquals(Verdict.SLOWER, compareOne("ns/op", new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40})
                .verdict());
        assertEquals(Verdict.UNKNOWN, compareOne("counts", FIVE, times(FIVE, 2)).verdict());
    }

    @Test
    void differentUnitsAreUnknown() {
        Comparison c = Comparison.compare(run("b", result("default", key("m"), "ns/op", FIVE)),
                run("c", result("default", key("m"), "us/op", FIVE)), Criteria.defaults());
        assertEquals(Verdict.UNKNOWN, only(c).verdict());
        assertTrue(only(c).reason().contains("units differ"));
    }

    @Test
    void aLoneShiftedRowThatBenjaminiHochbergCannotConfirmIsUnknownNotSame() {
        double[] base = {100, 101, 102, 103, 104, 105};
        double[] cand = {108, 109, 110, 111, 112, 104.5}; // exact p = 4/924 alone
        List<BenchmarkResult> b = new ArrayList<>();
        List<BenchmarkResult> c = new ArrayList<>();
        b.add(result("default", key("shifted"), "ns/op", base));
        c.add(result("default", key("shifted"), "ns/op", cand));
        for (int i = 0; i < 19; i++) {
            b.add(result("default", key("same" + i), "ns/op", base));
            c.add(result("default", key("same" + i), "ns/op", new double[] {101.5, 100.5, 104.5, 102.5, 103.5, 105.5}));
        }
        Comparison alone = Comparison.compare(run("b", b.get(0)), run("c", c.get(0)), Criteria.defaults());
        assertEquals(Verdict.SLOWER, only(alone).verdict());
        Comparison many = Comparison.compare(new RunResults(Path.of("b"), "b", Map.of(), b),
                new RunResults(Path.of("c"), "c", Map.of(), c), Criteria.defaults());
        Row shifted = many.rows().stream().filter(r -> r.key().equals(key("shifted"))).findFirst().orElseThrow();
        assertEquals(shifted.p() * 20, shifted.q(), 1e-12);
        assertEquals(Verdict.UNKNOWN, shifted.verdict(), "its interval lies wholly above 1: a change not confirmed");
        assertTrue(shifted.reason().contains("excludes 1, but not significant among 20 rows"), shifted.reason());
        assertEquals(19, many.count(Verdict.SAME));
    }

    @Test
    void allocationToleranceIsOnePercentPlusSixteenBytes() {
        double[] t = times(FIVE, 10);
        Row same = compareAlloc(t, new double[] {400, 400, 400}, new double[] {419, 419.5, 420});
        assertEquals(AllocationVerdict.SAME, same.allocation().verdict());
        assertEquals(20, same.allocation().tolerance(), 1e-12);
        Row grew = compareAlloc(t, new double[] {400, 400, 400}, new double[] {421, 421, 500});
        assertEquals(AllocationVerdict.GREW, grew.allocation().verdict());
        assertEquals(Verdict.SAME, grew.verdict());
        assertTrue(grew.gateFailure().orElseThrow().startsWith("allocates 21.0 B/op more"));
        assertEquals(AllocationVerdict.SHRANK, compareAlloc(t, new double[] {400}, new double[] {300}).allocation()
                .verdict());
        Row missing = compareOne("ns/op", FIVE, FIVE);
        assertEquals(AllocationVerdict.MISSING, missing.allocation().verdict());
        assertTrue(missing.gateFailure().isEmpty());
    }

    /**
     * An A/A pair measured on this suite: a row allocating ~660 KB per call wobbled between two
     * values from fork to fork, and the medians landed 1.06% apart. Overlapping forks are not growth.
     */
    @Test
    void allocationThatWobblesBetweenForksIsNotGrowth() {
        double[] t = times(FIVE, 10);
        double lo = 661_000;
        double hi = 668_000;
        Row wobble = compareAlloc(t, new double[] {lo, hi, lo, hi, lo}, new double[] {hi, hi, lo, hi, hi});
        assertTrue(wobble.allocation().difference() > wobble.allocation().tolerance());
        assertEquals(AllocationVerdict.SAME, wobble.allocation().verdict());
        assertTrue(wobble.gateFailure().isEmpty());
        Row shifted = compareAlloc(t, new double[] {lo, hi, lo, hi, lo},
                new double[] {lo * 1.005, hi * 1.005, lo * 1.005, hi * 1.005, hi * 1.005});
        assertEquals(AllocationVerdict.SAME, shifted.allocation().verdict(), "forks still overlap");
        Row grown = compareAlloc(t, new double[] {lo, hi, lo, hi, lo},
                new double[] {lo * 1.05, hi * 1.05, lo * 1.05, hi * 1.05, hi * 1.05});
        assertEquals(AllocationVerdict.GREW, grown.allocation().verdict());
        Row shrunk = compareAlloc(t, new double[] {lo * 1.05, hi * 1.05, lo * 1.05}, new double[] {lo, hi, hi});
        assertEquals(AllocationVerdict.SHRANK, shrunk.allocation().verdict());
    }

    @Test
    void gateListsTheRowsThatCausedIt() {
        BenchmarkResult slowB = result("default", key("slow"), "ns/op", FIVE, 64);
        BenchmarkResult slowC = result("default", key("slow"), "ns/op", times(FIVE, 1.5), 64);
        BenchmarkResult fastB = result("default", key("fast"), "ns/op", FIVE, 64);
        BenchmarkResult fastC = result("default", key("fast"), "ns/op", times(FIVE, 0.5), 64);
        BenchmarkResult allocB = result("default", key("alloc"), "ns/op", FIVE, 64);
        BenchmarkResult allocC = result("default", key("alloc"), "ns/op", FIVE, 128);
        BenchmarkResult fewB = result("default", key("few"), "ns/op", new double[] {1, 2});
        BenchmarkResult fewC = result("default", key("few"), "ns/op", new double[] {10, 20});
        Comparison c = Comparison.compare(run("b", slowB, fastB, allocB, fewB), run("c", slowC, fastC, allocC, fewC),
                Criteria.defaults());
        assertFalse(c.passesGate());
        assertEquals(List.of(key("alloc"), key("slow")), c.gateFailures().stream().map(Row::key).toList());
        assertEquals(1, c.count(Verdict.FASTER));
        assertEquals(1, c.count(Verdict.UNKNOWN));
        Comparison same = Comparison.compare(run("b", fastB), run("c", fastB), Criteria.defaults());
        assertTrue(same.passesGate());
    }

    @Test
    void geometricMeanOfTimeRatios() {
        BenchmarkResult aB = result("default", key("a"), "ns/op", FIVE);
        BenchmarkResult aC = result("default", key("a"), "ns/op", times(FIVE, 1.25));
        BenchmarkResult bB = result("default", key("b"), "ops/s", FIVE);
        BenchmarkResult bC = result("default", key("b"), "ops/s", times(FIVE, 1.25)); // faster: time ratio 0.8
        Comparison c = Comparison.compare(run("b", aB, bB), run("c", aC, bC), Criteria.defaults());
        Interval g = c.geometricMean().orElseThrow();
        assertEquals(1.0, g.estimate(), 1e-12);
        assertTrue(g.contains(1));
        Comparison one = Comparison.compare(run("b", aB), run("c", aC), Criteria.defaults());
        assertEquals(1.25, one.geometricMean().orElseThrow().estimate(), 1e-12);
        assertTrue(Comparison.compare(run("b"), run("c"), Criteria.defaults()).geometricMean().isEmpty());
    }

    @Test
    void reproducible() {
        double[] noisy = {100, 140, 90, 120, 95, 130};
        Row a = compareOne("ns/op", noisy, times(noisy, 1.1));
        Row b = compareOne("ns/op", noisy, times(noisy, 1.1));
        assertEquals(a, b);
    }

    @Test
    void flagSetsOfOneRun() {
        RunResults r = run("r", result("default", key("m"), "ns/op", FIVE), result("c1", key("m"), "ns/op",
                times(FIVE, 2)), result("c1", key("n"), "ns/op", FIVE));
        Comparison c = Comparison.compareFlagSets(r, "default", "c1", Criteria.defaults());
        assertEquals(Verdict.SLOWER, only(c).verdict());
        assertEquals("default \u2192 c1", only(c).flagSet());
        assertEquals(1, c.onlyInCandidate().size());
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> Comparison.compareFlagSets(r, "default", "nope", Criteria.defaults()));
        assertEquals("run r has no flag set nope (it has default, c1)", e.getMessage());
    }

    /** 110 rows of 5 forks a side, the standard profile: a lone fully separated row cannot be flagged. */
    @Test
    void aRowThatCouldNotBeFlaggedAloneIsUnknownNotSame() {
        double[] overlap = {101, 99, 100, 97, 103};
        Comparison c = manyRows(110, FIVE, overlap, times(FIVE, 1.5));
        Row shifted = c.rows().stream().filter(r -> r.key().equals(key("shifted"))).findFirst().orElseThrow();
        assertEquals(2.0 / 252, shifted.p(), 1e-12);
        assertEquals(2.0 / 252 * 110, shifted.minReachableQ(), 1e-12);
        assertEquals(8, shifted.forksNeeded());
        assertEquals(Verdict.UNKNOWN, shifted.verdict());
        assertTrue(shifted.reason().contains("5 vs 5 forks cannot reach q <= 0.05 among 110 rows alone"),
                shifted.reason());
        assertTrue(shifted.reason().contains("need 8 forks per side"), shifted.reason());
        // the overlapping rows' intervals lie inside the 5% band: SAME by equivalence, not by the test
        assertEquals(1, c.count(Verdict.UNKNOWN));
        assertEquals(109, c.count(Verdict.SAME));
        Row steady = c.rows().stream().filter(r -> r.verdict() == Verdict.SAME).findFirst().orElseThrow();
        assertTrue(steady.reason().contains("inside the 5% minimum effect"), steady.reason());
        assertTrue(c.passesGate()); // the gate's own verdict: coverage is what fails
        assertEquals(1, c.coverageFailures().size());
        assertTrue(c.coverageFailures().get(0).contains("UNKNOWN"), c.coverageFailures().get(0));
    }

    /** Without the band (no minimum effect), nothing that cannot be flagged is SAME. */
    @Test
    void withoutAMinimumEffectThereIsNoEquivalence() {
        double[] overlap = {101, 99, 100, 97, 103};
        Comparison c = manyRows(110, FIVE, overlap, times(FIVE, 1.5), Criteria.defaults().withMinEffect(0));
        assertEquals(110, c.count(Verdict.UNKNOWN));
        assertEquals(0, c.count(Verdict.SAME));
    }

    /** A wide interval that reaches past the band is no evidence of sameness: UNKNOWN. */
    @Test
    void anIntervalReachingPastTheBandStaysUnknown() {
        double[] wide = {80, 120, 100, 90, 110};
        Comparison c = manyRows(110, FIVE, wide, times(FIVE, 1.5));
        assertEquals(110, c.count(Verdict.UNKNOWN));
    }

    @Test
    void eightForksAmongAHundredAndTenRowsFlagALoneRow() {
        double[] eight = {100, 102, 98, 101, 99, 100.5, 99.5, 101.5};
        double[] overlap = {101, 99, 100, 97, 103, 100.2, 98.8, 101.2};
        Comparison c = manyRows(110, eight, overlap, times(eight, 1.5));
        Row shifted = c.rows().stream().filter(r -> r.key().equals(key("shifted"))).findFirst().orElseThrow();
        assertEquals(Verdict.SLOWER, shifted.verdict(), shifted.reason());
        assertEquals(2.0 / 12870 * 110, shifted.minReachableQ(), 1e-12);
        assertEquals(109, c.count(Verdict.SAME));
        assertTrue(c.coverageFailures().isEmpty(), c.coverageFailures().toString());
    }

    /** Rows that move together can be flagged even where a lone row could not: their verdicts stand. */
    @Test
    void rowsFlaggedTogetherKeepTheirVerdicts() {
        List<BenchmarkResult> b = new ArrayList<>();
        List<BenchmarkResult> c = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            b.add(result("default", key("m" + i), "ns/op", FIVE));
            c.add(result("default", key("m" + i), "ns/op", times(FIVE, 1.5)));
        }
        Comparison cmp = Comparison.compare(new RunResults(Path.of("b"), "b", Map.of(), b),
                new RunResults(Path.of("c"), "c", Map.of(), c), Criteria.defaults());
        assertEquals(20, cmp.count(Verdict.SLOWER));
        assertTrue(cmp.rows().get(0).minReachableQ() > 0.05);
        assertEquals(2.0 / 252, cmp.rows().get(0).q(), 1e-12);
    }

    @Test
    void untestedRowsSayWhatForksWouldDo() {
        Row three = compareOne("ns/op", new double[] {1, 2, 3}, new double[] {10, 20, 30});
        assertEquals(0.1, three.minReachableQ(), 1e-12); // alone in the family it would join
        assertEquals(4, three.forksNeeded());
        Row units = compareOne("counts", FIVE, FIVE);
        assertTrue(Double.isNaN(units.minReachableQ()));
        assertEquals(0, units.forksNeeded());
        Row fine = compareOne("ns/op", FIVE, FIVE);
        assertEquals(2.0 / 252, fine.minReachableQ(), 1e-12);
        assertEquals(4, fine.forksNeeded());
    }

    @Test
    void coverageNamesWhatTheGateCannotJudge() {
        BenchmarkResult aB = result("default", key("a"), "ns/op", FIVE);
        BenchmarkResult bB = result("default", key("b"), "ns/op", FIVE);
        BenchmarkResult cC = result("c1", key("c"), "ns/op", FIVE);
        BenchmarkResult fewB = result("default", key("few"), "ns/op", new double[] {1, 2});
        BenchmarkResult fewC = result("default", key("few"), "ns/op", new double[] {1, 2});
        Comparison c = Comparison.compare(run("base", aB, bB, fewB), run("cand", aB, cC, fewC), Criteria.defaults());
        assertEquals(new Comparison.Coverage(2, 1, 1, 1), c.coverage());
        assertEquals(List.of("1 row only in base: default/" + key("b").label(),
                "1 row only in cand: c1/" + key("c").label(),
                "1 row UNKNOWN: default/" + key("few").label() + " (2 vs 2 forks, need 3 per side)"),
                c.coverageFailures());
        assertEquals(List.of(), c.coverageFailures(k -> k.equals(key("a"))));
        assertEquals(1, c.coverageFailures(k -> k.equals(key("b"))).size());

        Comparison nothing = Comparison.compare(run("base", aB), run("cand", cC), Criteria.defaults());
        assertEquals(new Comparison.Coverage(0, 1, 1, 0), nothing.coverage());
        assertEquals("no rows matched between base and cand", nothing.coverageFailures().get(0));
        assertEquals(List.of("no rows matched between base and cand"), nothing.coverageFailures(k -> false));
        assertTrue(nothing.passesGate()); // why the gate needs coverage
        assertTrue(Comparison.compare(run("base", aB), run("cand", aB), Criteria.defaults()).coverageFailures()
                .isEmpty());
    }

    private static Comparison manyRows(int m, double[] base, double[] overlap, double[] shifted) {
        return manyRows(m, base, overlap, shifted, Criteria.defaults());
    }

    private static Comparison manyRows(int m, double[] base, double[] overlap, double[] shifted, Criteria criteria) {
        List<BenchmarkResult> b = new ArrayList<>();
        List<BenchmarkResult> c = new ArrayList<>();
        b.add(result("default", key("shifted"), "ns/op", base));
        c.add(result("default", key("shifted"), "ns/op", shifted));
        for (int i = 1; i < m; i++) {
            b.add(result("default", key("same" + i), "ns/op", base));
            c.add(result("default", key("same" + i), "ns/op", overlap));
        }
        return Comparison.compare(new RunResults(Path.of("b"), "b", Map.of(), b),
                new RunResults(Path.of("c"), "c", Map.of(), c), criteria);
    }

    private static Row compareOne(String unit, double[] base, double[] cand) {
        return only(Comparison.compare(run("b", result("default", key("m"), unit, base)),
                run("c", result("default", key("m"), unit, cand)), Criteria.defaults()));
    }

    private static Row compareAlloc(double[] forks, double[] allocBase, double[] allocCand) {
        return only(Comparison.compare(run("b", result("default", key("m"), "ns/op", forks, allocBase)),
                run("c", result("default", key("m"), "ns/op", forks, allocCand)), Criteria.defaults()));
    }
}
