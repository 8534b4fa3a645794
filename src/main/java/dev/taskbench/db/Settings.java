package dev.taskbench.db;

import java.util.Map;
import java.util.Properties;

/** Reads a setting from a system property first, then from an environment variable. */
public final class Settings {
    private final Properties properties;
    private final Map<String, String> environment;

    public Settings(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System.getProperties(), System.getenv());
    }

    /** The value of {@code property}, else of {@code envVar}, else {@code null}; blanks count as unset. */
    public String get(String property, String envVar) {
        String v = properties.getProperty(property);
        if (v == null || v.isBlank()) {
            v = envVar == null ? null : environment.get(envVar);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String env(String envVar) {
        String v = environment.get(envVar);
        return v == null || v.isBlank() ? null : v;
    }
}
