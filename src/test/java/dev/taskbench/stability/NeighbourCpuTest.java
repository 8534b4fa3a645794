package dev.taskbench.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourCpuTest {
    @TempDir
    Path proc;

    private final AtomicLong clock = new AtomicLong();

    /** A /proc/stat cpu line: user nice system idle iowait irq softirq steal guest guest_nice. */
    private void machine(long user, long system, long idle, long iowait, long steal) throws IOException {
        Files.writeString(proc.resolve("stat"), String.format("cpu  %d 0 %d %d %d 0 0 %d 0 0%ncpu0 1 2 3 4 5 6 7 8 0 0%n",
                user, system, idle, iowait, steal));
    }

    /** A /proc/pid/stat line whose command holds a space and a parenthesis, as real ones can. */
    private void process(long pid, long ppid, long utime, long stime, long cutime, long cstime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (java (fork) 1) S " + ppid + " 1 1 0 -1 4194304 10 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 30 0 100 0 0\n");
    }

    private void ended(long pid) throws IOException {
        Files.delete(proc.resolve(pid + "/stat"));
        Files.delete(proc.resolve(Long.toString(pid)));
    }

    /**
     * 2 cores for 1 s is 200 ticks. The runner (100) and its fork (101) use 90, a fork that ends is
     * reaped into the runner's children's time, another process uses 60 and the hypervisor steals 10.
     */
    @Test
    void othersAreTheBusyTicksLessStealLessTheWatchedTrees() throws IOException {
        NeighbourCpu cpu = new NeighbourCpu(proc, clock::get);
        machine(1000, 500, 3000, 100, 50);
        process(100, 1, 10, 5, 0, 0);
        process(101, 100, 200, 20, 0, 0);
        process(102, 101, 30, 0, 0, 0);
        process(500, 1, 7, 0, 0, 0);
        NeighbourCpu.Window w = cpu.start(List.of(100L));

        clock.set(1_000_000_000L);
        machine(1000 + 130, 500 + 20, 3000 + 35, 100 + 5, 50 + 10);
        process(100, 1, 10 + 5, 5 + 5, 30 + 40, 0); // reaped 102: its 30 before and 40 in the window
        process(101, 100, 200 + 40, 20, 0, 0);
        ended(102);
        process(500, 1, 7 + 60, 0, 0, 0);
        Disturbance d = w.stop();

        assertTrue(d.measured(), d::describe);
        assertEquals(1.0, d.seconds(), 1e-12);
        assertEquals(90.0 / 200, d.trees(), 1e-12); // 5 + 5 + 40 (reaped) + 40
        assertEquals(10.0 / 200, d.steal(), 1e-12);
        assertEquals((150.0 - 90) / 200, d.others(), 1e-12); // busy 200 - 40 idle - 10 steal = 150
        assertEquals("machine busy 30% beside it; steal 5%", d.describe());
    }

    @Test
    void aMachineWithoutProcStatSaysWhyAndMeasuresNothing() {
        NeighbourCpu cpu = new NeighbourCpu(proc.resolve("absent"), clock::get);
        String why = cpu.unavailable().orElseThrow();
        assertTrue(why.contains("Linux"), why);
        Disturbance d = cpu.start(List.of(1L)).stop();
        assertFalse(d.measured());
        assertTrue(Double.isNaN(d.others()));
        assertTrue(d.describe().startsWith("machine load not measured: no readable "), d.describe());
    }

    @Test
    void aWindowShorterThanATickIsNotMeasured() throws IOException {
        machine(1, 1, 1, 1, 0);
        Disturbance d = new NeighbourCpu(proc, clock::get).start(List.of()).stop();
        assertFalse(d.measured());
        assertTrue(d.describe().contains("shorter than one clock tick"), d.describe());
    }

    /** This machine's /proc: structure and sanity, not speed. */
    @Test
    void readsThisMachinesProc() {
        NeighbourCpu cpu = NeighbourCpu.system();
        assumeTrue(cpu.unavailable().isEmpty(), () -> cpu.unavailable().orElse(""));
        NeighbourCpu.Window w = cpu.start(List.of(ProcessHandle.current().pid()));
        long until = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        Disturbance d = w.stop();
        assertTrue(d.measured(), d::describe);
        assertTrue(sink > 0);
        assertTrue(d.seconds() >= 0.3 && d.seconds() < 60, () -> "window of " + d.seconds() + " s");
        for (double share : new double[] {d.others(), d.steal(), d.trees()}) {
            assertTrue(share >= 0 && share <= 1, d::toString);
        }
        assertTrue(d.others() + d.steal() + d.trees() <= 1 + 1e-9, d::toString);
        assertTrue(d.trees() > 0, () -> "this JVM spun for 0.3 s in its own tree: " + d);
        assertTrue(d.describe().startsWith("machine busy "), d.describe());
    }

    /** PostgreSQL's postmaster (its parent is init) is the root of its backends' tree; the backends are not roots. */
    @Test
    void treesOfACommandAreItsProcessesWhoseParentRunsSomethingElse() throws IOException {
        machine(0, 0, 0, 0, 0);
        process(1, 0, 0, 0, 0, 0);
        process(500, 1, 0, 0, 0, 0);
        process(501, 500, 0, 0, 0, 0);
        process(502, 500, 0, 0, 0, 0);
        process(600, 1, 0, 0, 0, 0);
        Files.writeString(proc.resolve("1/comm"), "init\n");
        Files.writeString(proc.resolve("500/comm"), "postgres\n");
        Files.writeString(proc.resolve("501/comm"), "postgres\n");
        Files.writeString(proc.resolve("502/comm"), "postgres\n");
        Files.writeString(proc.resolve("600/comm"), "java\n");
        NeighbourCpu cpu = new NeighbourCpu(proc, clock::get);
        assertEquals(List.of(500L), cpu.treesOf("postgres"));
        assertEquals(List.of(), cpu.treesOf("node"));
    }
}
