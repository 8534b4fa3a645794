package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.Processes;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.Jdks;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
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

    /** {@code mvn jmh:run -Dtaskbench.gate=true -Dbase=baseline}, as the README shows it: the runner is given its base. */
    @Test
    void theRunGoalPassesTheBaseItIsGatedAgainst() {
        Properties p = new Properties();
        p.setProperty("base", "baseline");
        p.setProperty("candidate", "not-for-a-run");
        assertEquals(Map.of("base", "baseline"), ForkedMainMojo.passedSettings(p, new RunMojo().extraSettings()));
    }

    /** Every goal fails on a -Dtaskbench.* it does not know, in one line naming the nearest, before its child starts. */
    @Test
    void anUnknownSettingFailsTheGoal() throws Exception {
        Properties p = new Properties();
        p.setProperty("taskbench.profile", "smoke");
        p.setProperty("taskbench.jvm", "/usr/lib/jvm/x");
        p.setProperty("skipTests", "true");
        ForkedMainMojo.refuseUnknown(p);
        p.setProperty("taskbench.flagset", "c2");
        String why = assertThrows(MojoFailureException.class, () -> ForkedMainMojo.refuseUnknown(p)).getMessage();
        assertEquals("-Dtaskbench.flagset=c2: no such setting; did you mean taskbench.flagsets?", why);
    }

    /** jmh:serve and jmh:seed start one JVM: one flag set, its options, or a one-line reason why not. */
    @Test
    void serveAndSeedTakeOneFlagSet() throws Exception {
        Properties p = new Properties();
        assertEquals(FlagSet.DEFAULT, ForkedMainMojo.flagSet(p));
        p.setProperty("taskbench.flagsets", "interpreter");
        assertEquals(List.of("-Xint"), ForkedMainMojo.flagSet(p).jvmOptions());
        p.setProperty("taskbench.flagsets", "c1+serial");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), ForkedMainMojo.flagSet(p).jvmOptions());
        p.setProperty("taskbench.flagsets", "c1,c2");
        String two = assertThrows(MojoFailureException.class, () -> ForkedMainMojo.flagSet(p)).getMessage();
        assertTrue(two.contains("takes one flag set") && !two.contains("\n"), two);
        p.setProperty("taskbench.flagsets", "nosuch");
        String unknown = assertThrows(MojoFailureException.class, () -> ForkedMainMojo.flagSet(p)).getMessage();
        assertTrue(unknown.startsWith("unknown flag set 'nosuch'; known: "), unknown);
        assertTrue(new ServeMojo().takesFlagSet() && new SeedMojo().takesFlagSet());
        assertFalse(new RunMojo().takesFlagSet(), "jmh:run's flag sets are its forks', a matrix");
    }

    @Test
    void aFlagSetWhoseJdkIsNotInstalledSaysSoInOneLine() {
        String why = assertThrows(MojoFailureException.class,
                () -> ForkedMainMojo.java(new FlagSet("jdk99", List.of(), 99), Jdks.discover(null))).getMessage();
        assertTrue(why.startsWith("flag set jdk99 needs JDK 99, and none was found ("), why);
        assertFalse(why.contains("\n"), why);
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
        assertTrue(child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "child ended"); // isAlive lags the JDK's reaper
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
