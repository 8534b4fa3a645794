package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunMojoTest {

    @Test
    void onlySuiteAndJmhSettingsArePassedToTheRunner() {
        Properties p = new Properties();
        p.setProperty("jmh.include", "Connection");
        p.setProperty("taskbench.profile", "smoke");
        p.setProperty("taskbench.jvm", "/usr/lib/jvm/x");
        p.setProperty("skipTests", "true");
        p.setProperty("maven.repo.local", "/x");
        assertEquals(Map.of("jmh.include", "Connection", "taskbench.profile", "smoke"), RunMojo.passedSettings(p));
    }
}
