package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which of the JVM's threads the write round's CPU breakdown counts as the server's, by their kernel names. */
class CpuMeterTest {

    @Test
    void everyModelsServingThreadsAreTheServers() {
        for (String comm : new String[] {"taskbench-http-", "taskbench-worke", "ForkJoinPool-1-", "MasterPoller",
            "Read-Poller", "vert.x-eventloo"}) {
            assertTrue(CpuMeter.isServerThread(comm), comm);
        }
    }

    @Test
    void theUsersTheCompilerAndTheCollectorAreNot() {
        for (String comm : new String[] {"taskbench-user-", "C2 CompilerThre", "GC Thread#0", "main",
            "HttpClient-1-Wo", "taskbench-hikar"}) {
            assertFalse(CpuMeter.isServerThread(comm), comm);
        }
    }
}
