package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.seed.SeedFigures.Figure;
import dev.taskbench.seed.SeedFigures.Round;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's figures as it published them (seeds/node-vs-django-write-test.txt), each held once. */
class SeedFiguresTest {
    private static double seconds(String stack, String configuration, Round round) {
        List<Figure> found = SeedFigures.ALL.stream().filter(f -> f.stack().equals(stack)
                && f.configuration().equals(configuration) && f.round() == round).toList();
        assertEquals(1, found.size(), stack + ", " + configuration + ", " + round + ": " + found);
        return found.get(0).seconds();
    }

    @Test
    void theWriteRoundsAreThePublishedOnes() {
        assertEquals(36, seconds(SeedFigures.NODE, "1 process", Round.writes));
        assertEquals(92, seconds(SeedFigures.CPYTHON, "1 worker", Round.writes));
        assertEquals(52, seconds(SeedFigures.CPYTHON, "9 workers", Round.writes));
        assertEquals(65, seconds(SeedFigures.CPYTHON, "2 workers", Round.writes));
        assertEquals(58, seconds(SeedFigures.CPYTHON, "3 workers", Round.writes));
        assertEquals(60, seconds(SeedFigures.CPYTHON, "gevent, 1000 x 9 workers", Round.writes));
        assertEquals(44, seconds(SeedFigures.NODE, "PM2 cluster of 3", Round.writes));
        // the seed's "4347 seconds (73 mins)" and "5580 seconds (93 mins)": its seconds are held, not its minutes
        assertEquals(4347, seconds(SeedFigures.NODE, "3 workers", Round.million));
        assertEquals(5580, seconds(SeedFigures.CPYTHON, "9 workers", Round.million));
    }

    @Test
    void theCpuRoundsAreThePublishedOnes() {
        assertEquals(120, seconds(SeedFigures.NODE, "1 process", Round.cpu));
        assertEquals(2700, seconds(SeedFigures.CPYTHON, "1 worker", Round.cpu));
        assertEquals(86, seconds(SeedFigures.PYPY, "1 worker", Round.cpu));
        assertEquals(950, seconds(SeedFigures.CPYTHON, "3 workers", Round.cpu));
        assertEquals(36, seconds(SeedFigures.PYPY, "3 workers", Round.cpu));
        assertEquals(60, seconds(SeedFigures.NODE, "3 workers", Round.cpu));
        assertEquals(40, seconds(SeedFigures.NODE, "6 workers", Round.cpu));
        assertEquals(36, SeedFigures.peerCpu("pypy-3").orElseThrow().seconds());
        assertEquals(60, SeedFigures.peerCpu("node-cluster-3").orElseThrow().seconds());
        assertEquals(600, seconds(SeedFigures.CPYTHON, "6 workers", Round.cpu));
        assertEquals(20, seconds(SeedFigures.PYPY, "6 workers", Round.cpu));
    }

    /** Requests/s are recomputed from the times; whole ones as the reference quotes them (truncated). */
    @Test
    void ratesFollowFromTheTimes() {
        assertEquals(List.of(277, 108, 192), SeedFigures.report(Round.writes).stream()
                .map(f -> (int) f.perSecond()).toList());
        assertEquals(List.of(230, 179), SeedFigures.report(Round.million).stream().map(f -> (int) f.perSecond())
                .toList());
        assertEquals(10_000, Round.writes.count);
        assertEquals(1_000_000, Round.million.count);
        assertEquals(5000, Round.cpu.count);
    }

    /** A figure two tables quote is one figure under two labels, not two copies. */
    @Test
    void eachFigureIsHeldOnceAndEachLabelPointsAtIt() {
        Set<String> keys = new HashSet<>();
        for (Figure f : SeedFigures.ALL) {
            assertTrue(keys.add(f.stack() + " | " + f.configuration() + " | " + f.round()), f.toString());
        }
        Figure cpython = SeedFigures.cpu("interpreter", 1).orElseThrow();
        assertEquals("Django CPython, 1 worker (seed)", cpython.report());
        assertEquals("Django CPython, no extra workers", cpython.cpu().label());
        assertEquals(2700, cpython.seconds());
        Figure django = SeedFigures.grid("platform-1").orElseThrow();
        assertEquals("Django/DRF/gunicorn, 1 worker (seed)", django.report());
        assertEquals(92, django.seconds());
        assertEquals(SeedFigures.report(Round.writes).get(0), SeedFigures.grid("selector").orElseThrow());
        assertEquals(List.of("Node, 1 process (seed)", "Django CPython, 1 worker (seed)", "Django PyPy, 1 worker (seed)",
                "Node, 6 workers (seed)", "Django CPython, 6 workers (seed)", "Django PyPy, 6 workers (seed)"),
                SeedFigures.report(Round.cpu).stream().map(Figure::report).toList());
    }
}
