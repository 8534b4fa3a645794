package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.results.RunResults;
import java.net.URISyntaxException;
import java.nio.file.Path;
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
        Comparison c = Comparison.compare(fixture("pool-aa1.json"), fixture("pool-aa2.json"), Options.defaults());
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
        Comparison c = Comparison.compare(fixture("pool-aa1.json"), fixture("pool-xint.json"), Options.defaults());
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

    @Test
    void theOtherWayRoundIsFaster() {
        Comparison c = Comparison.compare(fixture("pool-xint.json"), fixture("pool-aa2.json"), Options.defaults());
        assertEquals(2, c.count(Verdict.FASTER));
        assertTrue(c.passesGate());
    }
}
