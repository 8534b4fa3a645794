package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.RunResults;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison on real JMH runs recorded on this machine kind (see src/test/resources/jmh/README.md). */
class RecordedRunsTest {

    static RunResults fixture(String name) {
        try {
            return RunResults.read(Path.of(RecordedRunsTest.class.getResource("/jmh/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aaPairIsSame() {
        Comparison c = Comparison.compare(fixture("pool-aa1.json"), fixture("pool-aa2.json"), Criteria.defaults());
        assertEquals(2, c.rows().size());
        for (Row r : c.rows()) {
            assertEquals(Verdict.SAME, r.verdict(), r.key().label() + ": " + r.reason());
            assertEquals(AllocationVerdict.SAME, r.allocation().verdict(), r.key().label());
            assertTrue(r.exactP());
        }
        assertTrue(c.passesGate());
        assertTrue(c.onlyInBase().isEmpty() && c.onlyInCandidate().isEmpty());
    }

    @Test
    void interpreterOnlyIsSlowerAndFailsTheGate() {
        Comparison c = Comparison.compare(fixture("pool-aa1.json"), fixture("pool-xint.json"), Criteria.defaults());
        assertEquals(2, c.count(Verdict.SLOWER));
        for (Row r : c.rows()) {
            assertEquals(2.0 / 252, r.p(), 1e-12, r.key().label()); // five forks each, fully separated
            assertFalse(r.ratio().contains(1));
            assertTrue(r.ratio().low() > 5, r.ratio().toString());
        }
        assertEquals(2, c.gateFailures().size());
        assertTrue(c.geometricMean().orElseThrow().low() > 5);
        // without escape analysis hikari's borrow allocates its proxies: the tight allocation gate sees it
        Row hikari = c.rows().stream().filter(r -> r.key().params().get("source").equals("hikari")).findFirst()
                .orElseThrow();
        assertEquals(AllocationVerdict.GREW, hikari.allocation().verdict());
    }

    /**
     * C1 only (-XX:TieredStopAtLevel=1): hikari's five forks are all slower than every base fork, and
     * without C2's escape analysis it allocates more per op. agroal's forks on a busy machine
     * spread over two orders of magnitude, so five forks cannot tell, and the row stays SAME.
     */
    @Test
    void c1OnlyIsAModeratePlantedRegression() {
        Comparison c = Comparison.compare(fixture("pool-aa1.json"), fixture("pool-c1.json"), Criteria.defaults());
        Row hikari = row(c, "hikari");
        assertEquals(Verdict.SLOWER, hikari.verdict(), hikari.reason());
        assertTrue(hikari.ratio().estimate() > 2 && hikari.ratio().low() > 1.5, hikari.ratio().toString());
        assertEquals(AllocationVerdict.GREW, hikari.allocation().verdict());
        Row agroal = row(c, "agroal");
        assertEquals(Verdict.SAME, agroal.verdict(), agroal.reason());
        assertEquals(AllocationVerdict.SAME, agroal.allocation().verdict());
        assertEquals(List.of(hikari), c.gateFailures());
    }

    /** Three forks a side: even a real run cannot be called SAME, only UNKNOWN. */
    @Test
    void threeForksAreUnknown() {
        Comparison c = Comparison.compare(fixture("pool-sample.json"), fixture("pool-sample.json"), Criteria.defaults());
        assertEquals(Verdict.UNKNOWN, c.rows().get(0).verdict());
        assertTrue(c.rows().get(0).reason().contains("3 vs 3 forks cannot reach p <= 0.05"), c.rows().get(0).reason());
        assertTrue(c.passesGate());
        assertTrue(c.geometricMean().isEmpty());
    }

    static Row row(Comparison c, String source) {
        return c.rows().stream().filter(r -> r.key().params().get("source").equals(source)).findFirst().orElseThrow();
    }

    @Test
    void theOtherWayRoundIsFaster() {
        Comparison c = Comparison.compare(fixture("pool-xint.json"), fixture("pool-aa2.json"), Criteria.defaults());
        assertEquals(2, c.count(Verdict.FASTER));
        assertTrue(c.passesGate());
    }
}
