package dev.taskbench.runner;

import java.util.Properties;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that start the runner in the test JVM to check behaviour, not speed: JMH's
 * machine-wide lock is ignored (they may overlap a measurement elsewhere on the machine), and
 * every system property the test or the runner sets is undone after each test.
 */
final class BehaviourRunProperties implements BeforeEachCallback, AfterEachCallback {
    private Properties saved;

    @Override
    public void beforeEach(ExtensionContext context) {
        saved = (Properties) System.getProperties().clone();
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setProperties(saved);
    }

    /** Mid-test: the properties as they were before the test began. */
    void restore() {
        System.setProperties((Properties) saved.clone());
    }
}
