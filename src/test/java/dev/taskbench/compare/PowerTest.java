package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class PowerTest {

    /** The standard profile's design: 5 forks a side, about 110 rows. */
    @Test
    void fiveForksAmongAHundredAndTenRowsCannotFlagALoneRow() {
        assertEquals(2.0 / 252 * 110, Power.minReachableQ(5, 5, 110), 1e-12); // 0.873
        assertEquals(8, Power.forksNeeded(110, 0.05, 3));
        assertTrue(Power.minReachableQ(7, 7, 110) > 0.05); // 2/3432 * 110 = 0.064
        assertEquals(2.0 / 12870 * 110, Power.minReachableQ(8, 8, 110), 1e-12); // 0.017
    }

    @Test
    void fewRowsNeedFewForks() {
        assertEquals(4, Power.forksNeeded(1, 0.05, 3)); // 3 a side: 0.1; 4 a side: 2/70 = 0.029
        assertEquals(5, Power.forksNeeded(6, 0.05, 3)); // 2/252 * 6 = 0.048
        assertEquals(6, Power.forksNeeded(7, 0.05, 3)); // 2/252 * 7 = 0.056; 2/924 * 7 = 0.015
        assertEquals(10, Power.forksNeeded(1, 0.05, 10)); // never below the minimum
        assertEquals(1, Power.minReachableQ(2, 2, 5), 1e-12);
    }

    @Test
    void aboveTheExactLimitTheBoundIsTheApproximationsFullSeparation() {
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i;
            b[i] = 100 + i;
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        assertEquals(p, MannWhitney.minimumP(30, 30), p * 1e-9);
        assertEquals(p, MannWhitney.test(a, b).p(), p * 1e-9);
    }
}
