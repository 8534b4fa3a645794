package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A finding's interval holds its run-to-run drift beside its forks' spread, each side on the log scale. */
class PairDriftTest {
    /** 2.0 [1.9, 2.2] and a drift of 3% a run over 4 runs: each side's log half-width and t(0.975, 3) x 0.03, in quadrature. */
    @Test
    void eachSideIsTheForksHalfWidthAndTheDriftInQuadrature() {
        Interval forks = new Interval(2.0, 1.9, 2.2, 0.95);
        Interval i = PairDrift.widen(forks, new Drift.Spread(0.03, 4));
        double z = 3.1824463052837078;
        assertEquals(2.0, i.estimate());
        assertEquals(2.0 * Math.exp(-Math.sqrt(Math.pow(Math.log(2.0 / 1.9), 2) + Math.pow(z * 0.03, 2))), i.low(), 1e-8);
        assertEquals(2.0 * Math.exp(Math.sqrt(Math.pow(Math.log(2.2 / 2.0), 2) + Math.pow(z * 0.03, 2))), i.high(), 1e-8);
        assertEquals(0.95, i.confidence());
    }

    /** One fork a side gives a point: the drift alone is then the interval (t(0.95, 2) at 90%). */
    @Test
    void aPointGetsTheDriftAloneAndNoDriftChangesNothing() {
        Interval point = new Interval(0.5, 0.5, 0.5, 0.90);
        double z = 2.9199855803537242;
        Interval i = PairDrift.widen(point, new Drift.Spread(0.1, 3));
        assertEquals(0.5 * Math.exp(-z * 0.1), i.low(), 1e-8);
        assertEquals(0.5 * Math.exp(z * 0.1), i.high(), 1e-8);
        Interval same = PairDrift.widen(new Interval(2.0, 1.9, 2.2, 0.95), new Drift.Spread(0, 5));
        assertEquals(1.9, same.low(), 1e-12);
        assertEquals(2.2, same.high(), 1e-12);
    }

    /** The fewer the runs the spread is from, the more of it: Student's t, the normal's quantile in the limit. */
    @Test
    void fewRunsWidenMoreThanMany() {
        assertEquals(4.302652729749464, PairDrift.quantile(0.95, 3), 1e-9);
        assertEquals(2.262157162798205, PairDrift.quantile(0.95, 10), 1e-9);
        assertEquals(1.96, PairDrift.quantile(0.95, 100_000), 1e-3);
    }
}
