package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
    /** The 15 p-values of Benjamini and Hochberg (1995), section 4.1. */
    static final double[] BH1995 = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
        0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};

    @Test
    void classicExampleRejectsFourAtFivePercent() {
        double[] q = BenjaminiHochberg.adjust(BH1995);
        assertEquals(4, Arrays.stream(q).filter(v -> v <= 0.05).count()); // the paper: 4 (Bonferroni: 3)
        // the same as R's p.adjust(p, "BH")
        assertArrayEquals(new double[] {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645,
            0.0765, 0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1}, q, 1e-6);
    }

    @Test
    void orderOfInputDoesNotMatter() {
        double[] shuffled = {BH1995[9], BH1995[3], BH1995[14], BH1995[0], BH1995[5]};
        double[] q = BenjaminiHochberg.adjust(shuffled);
        double[] sorted = BenjaminiHochberg.adjust(new double[] {BH1995[0], BH1995[3], BH1995[5], BH1995[9],
            BH1995[14]});
        assertEquals(sorted[0], q[3], 1e-15);
        assertEquals(sorted[1], q[1], 1e-15);
        assertEquals(sorted[4], q[2], 1e-15);
    }

    @Test
    void untestedRowsStayOutOfTheCount() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertTrue(Double.isNaN(q[1]));
        assertEquals(0.02, q[0], 1e-15);
        assertEquals(0.04, q[2], 1e-15);
    }
}
