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

    /** At the limit the whole tree ends, not only the direct child: a grandchild (pgbench under a shell) too. */
    @Test
    void theLimitEndsTheProgramsChildrenToo() throws Exception {
        Processes.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Processes.run(
                new ProcessBuilder("bash", "-c", "sleep 60 & echo $!; wait"), Duration.ofSeconds(1)));
        assertTrue(o.timedOut());
        long grandchild = Long.parseLong(o.stdout().trim());
        assertFalse(ProcessHandle.of(grandchild).map(Processes::running).orElse(false), "sleep " + grandchild);
    }

    /** A process that ignores the polite request is killed after the grace; one that obeys is not waited for. */
    @Test
    void endAsksThenKills() throws Exception {
        Process stubborn = new ProcessBuilder("bash", "-c", "trap '' TERM; echo trapped; sleep 60").start();
        Process polite = new ProcessBuilder("sleep", "60").start();
        // wait for the trap itself, not a guessed while: on a loaded machine bash may take longer to set it
        assertEquals("trapped", new java.io.BufferedReader(new java.io.InputStreamReader(stubborn.getInputStream())).readLine());
        long t0 = System.nanoTime();
        Processes.end(java.util.List.of(polite.toHandle()), Duration.ofSeconds(5));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(4).toNanos(), "the polite one ended at once");
        t0 = System.nanoTime();
        Processes.end(Processes.tree(stubborn.toHandle()), Duration.ofMillis(500));
        // the kill has landed (end waits for that), but Process.isAlive turns false only once the JDK's reaper
        // thread has collected the exit status, which on a busy machine can lag
        assertTrue(stubborn.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "killed");
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(500).toNanos(), "SIGTERM was ignored: killed after grace");
    }

    @Test
    void findsProgramsOnThePath() {
        assertTrue(Processes.onPath("bash").isPresent());
        assertFalse(Processes.onPath("no-such-taskbench-program").isPresent());
    }
}
