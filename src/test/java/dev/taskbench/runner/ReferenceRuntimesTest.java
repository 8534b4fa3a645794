package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.Processes;
import dev.taskbench.results.ReferenceResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The microbenchmarks' PyPy reference column: the seed's loop and form decoding run in the pypy3 the install script puts in place. */
class ReferenceRuntimesTest {
    private static final Path SCRIPTS = Path.of("scripts", "reference");

    @Test
    void pypyFillsItsColumnForTheLoopAndTheFormDecoding() {
        assumeTrue(Processes.installed("pypy3").isPresent(), "pypy3 is not installed (scripts/peers/install installs it)");
        ReferenceRuntimes r = ReferenceRuntimes.run(SCRIPTS, List.of("counter_loop", "form_decode"), List.of("pypy3"));
        assertEquals(List.of(), r.notes());
        assertEquals(List.of("counter_loop", "form_decode"), r.results().stream().map(ReferenceResult::benchmark).toList());
        for (ReferenceResult x : r.results()) {
            assertTrue(x.runtime().startsWith("PyPy "), x.toString());
            assertTrue(x.best() > 0 && x.median() >= x.best(), x.toString());
        }
    }

    @Test
    void aMissingInterpreterIsANoteNotAFailure() {
        ReferenceRuntimes r = ReferenceRuntimes.run(Path.of("no", "such", "folder"), List.of("counter_loop"));
        assertTrue(r.results().isEmpty());
        assertTrue(r.notes().get(0).startsWith("reference scripts not found at "), r.notes().toString());
    }
}
