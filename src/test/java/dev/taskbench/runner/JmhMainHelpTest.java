package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code -Dtaskbench.help} before {@code -jar} (any value but false) or after it, where JMH's CLI would refuse it. */
class JmhMainHelpTest {

    @Test
    void helpIsAskedBeforeOrAfterDashJar() {
        assertTrue(JmhMain.helpAsked("", new String[0]), "java -Dtaskbench.help -jar ...");
        assertTrue(JmhMain.helpAsked("true", new String[0]));
        assertFalse(JmhMain.helpAsked("false", new String[0]));
        assertFalse(JmhMain.helpAsked(null, new String[] {"-l"}));
        assertTrue(JmhMain.helpAsked(null, new String[] {"-Dtaskbench.help"}));
        assertTrue(JmhMain.helpAsked(null, new String[] {"Connection", "-Dtaskbench.help=true"}));
        assertFalse(JmhMain.helpAsked(null, new String[] {"-Dtaskbench.help=false"}));
    }
}
