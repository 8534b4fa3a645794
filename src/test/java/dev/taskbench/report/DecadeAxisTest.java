package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecadeAxisTest {
    @Test
    void twoDecadesAreLabelledAtOneTwoAndFive() {
        // the seed page's writes/s: Django near 60, the JVM near 4,000
        assertEquals(List.of(50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), DecadeAxis.labelled(46, 5200));
    }

    @Test
    void upToFourAndAHalfDecadesAreLabelledAtOneAndThree() {
        assertEquals(List.of(30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0), DecadeAxis.labelled(25, 20000));
    }

    @Test
    void widerRangesAreLabelledAtPowersOfTen() {
        assertEquals(List.of(100.0, 1000.0, 10000.0, 100000.0, 1000000.0), DecadeAxis.labelled(40, 4e6));
    }

    @Test
    void fractionsKeepTheirOwnDecades() {
        List<Double> l = DecadeAxis.labelled(0.04, 3);
        assertEquals(List.of(0.05, 0.1, 0.2, 0.5, 1.0, 2.0), l.stream().map(v -> Math.round(v * 1000) / 1000.0).toList());
        assertTrue(l.stream().allMatch(v -> v >= 0.04 && v <= 3));
    }
}
