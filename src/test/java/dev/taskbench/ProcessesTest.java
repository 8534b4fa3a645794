package dev.taskbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void capturesOutputAndExitCode() throws Exception {
        Processes.Outcome o = Processes.run(new ProcessBuilder("bash", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(30));
        assertEquals(3, o.exitCode());
        assertFalse(o.ok());
        assertEquals("out\n", o.stdout());
        assertEquals("err\n", o.stderr());
        Processes.Outcome merged = Processes.run(new ProcessBuilder("bash", "-c", "echo out; echo err >&2")
                .redirectErrorStream(true), Duration.ofSeconds(30));
        assertTrue(merged.ok());
        assertEquals("out\nerr\n", merged.stdout());
    }

    /** A hung program that keeps its output open is stopped at the limit instead of blocking the caller. */
    @Test
    void theLimitHoldsForAProgramThatHangs() {
        Processes.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Processes.run(
                new ProcessBuilder("bash", "-c", "echo started; sleep 60"), Duration.ofSeconds(1)));
        assertTrue(o.timedOut());
        assertEquals(-1, o.exitCode());
        assertEquals("started\n", o.stdout());
    }

    @Test
    void findsProgramsOnThePath() {
        assertTrue(Processes.onPath("bash").isPresent());
        assertFalse(Processes.onPath("no-such-taskbench-program").isPresent());
    }
}
