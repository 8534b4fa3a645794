package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
