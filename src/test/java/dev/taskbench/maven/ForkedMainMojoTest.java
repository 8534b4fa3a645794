package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
