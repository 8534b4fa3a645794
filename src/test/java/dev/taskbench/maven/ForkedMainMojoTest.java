package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.Processes;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedMainMojoTest {

    @Test
    void onlySuiteAndJmhSettingsArePassedToTheRunner() {
        Properties p = new Properties();
        p.setProperty("jmh.include", "Connection");
        p.setProperty("taskbench.profile", "smoke");
        p.setProperty("taskbench.jvm", "/usr/lib/jvm/x");
        p.setProperty("skipTests", "true");
        p.setProperty("base", "run-a");
        p.setProperty("maven.repo.local", "/x");
        assertEquals(Map.of("jmh.include", "Connection", "taskbench.profile", "smoke", "base", "run-a"), ForkedMainMojo.passedSettings(p, java.util.Set.of("base")));
    }

    /**
     * Ctrl-C under Maven: the child is asked to end, then whatever of its tree outlived it is
     * killed (here a grandchild that ignores SIGTERM), and its private folder is removed.
     */
    @Test
    void stoppingAGoalEndsTheChildsWholeTreeAndRemovesItsFolder(@TempDir Path dir) throws Exception {
        Path privateDir = Files.createDirectories(dir.resolve("private"));
        Files.writeString(privateDir.resolve("taskbench-db-1.properties"), "password=x");
        Path pidFile = dir.resolve("grandchild.pid");
        Process child = new ProcessBuilder("bash", "-c", "(trap '' TERM; sleep 300) & echo $! > " + pidFile
                + "; wait").start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ProcessHandle grandchild = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
        ForkedMainMojo.stop(child, privateDir);
        assertFalse(child.isAlive());
        assertTrue(Processes.awaitGone(List.of(grandchild), Duration.ofSeconds(5)), "grandchild " + grandchild.pid());
        assertFalse(Files.exists(privateDir));
    }

    /** A goal names its main class by string: a moved or renamed main must fail here, not in a user's shell. */
    @Test
    void everyGoalStartsAClassWithAMain() throws Exception {
        for (ForkedMainMojo goal : List.of(new RunMojo(), new CompareMojo(), new ServeMojo(), new SeedMojo(),
                new HistoryMojo())) {
            Method main = Class.forName(goal.mainClass()).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class, goal.mainClass());
        }
    }
}
