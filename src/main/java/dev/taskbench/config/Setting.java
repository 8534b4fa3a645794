package dev.taskbench.config;

import java.util.Set;

/**
 * One {@code -Dtaskbench.*} setting as {@link SettingsCatalogue} declares it: what users see in
 * {@code mvn jmh:help} and what every reader of the setting names. The default is text because
 * it is what users are told; the reader that owns the setting keeps the typed value.
 *
 * @param key the property, {@code -Dkey=value}
 * @param env the environment variable read when the property is unset, or null for none
 * @param dflt the default as users are told it
 * @param takes what values it takes, e.g. "true|false" or "whole number 0..10000"
 * @param about one sentence: what it does
 * @param readBy the commands that read it
 * @param internal true for a hand-off between the suite's own processes or a test's switch: declared so
 *                 that it is known, not listed for users
 */
public record Setting(String key, String env, String dflt, String takes, String about, Set<Use> readBy,
        boolean internal) {

    /** Who reads a setting: a Maven goal, JMH's own CLI, the JMH forks, or the tests. */
    public enum Use {
        run("mvn jmh:run"),
        serve("mvn jmh:serve"),
        seed("mvn jmh:seed"),
        compare("mvn jmh:compare"),
        history("mvn jmh:history"),
        jar("java -jar target/benchmarks.jar"),
        forks("benchmark forks and child processes"),
        tests("the tests");

        private final String command;

        Use(String command) {
            this.command = command;
        }

        /** How users start it. */
        public String command() {
            return command;
        }
    }

    public Setting {
        readBy = Set.copyOf(readBy);
        if (!key.startsWith(SettingsCatalogue.NAMESPACE) || readBy.isEmpty() || about.isBlank()) {
            throw new IllegalArgumentException("a setting needs a taskbench.* key, a reader and a sentence: " + key);
        }
    }

    /** {@code -Dkey}, as messages name it. */
    public String flag() {
        return "-D" + key;
    }
}
