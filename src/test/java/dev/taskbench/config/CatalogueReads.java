package dev.taskbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.config.Setting.Use;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Holds a command's typed settings to the catalogue: every {@code taskbench.*} key its reader asks
 * for is declared, with the environment variable it is asked with, and names the command; and every
 * key the catalogue says the command reads is asked for here, unless it is read elsewhere (the
 * Maven goal, the database chain, the frame of {@link Command}).
 */
public final class CatalogueReads {
    private CatalogueReads() {
    }

    /**
     * Runs {@code reader} on settings of {@code kv} pairs (no environment) and checks its reads both
     * ways; answers the keys outside the namespace it asked for ({@code base}, {@code jmh.include}).
     */
    public static Set<String> check(Use use, Consumer<Settings> reader, Set<Setting> elsewhere, String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        Map<String, String> asked = new HashMap<>();
        reader.accept(Settings.observed(p, Map.of(), (key, env) -> asked.put(key, env == null ? "" : env)));
        assertFalse(asked.isEmpty(), "the reader asked for nothing");
        Set<String> others = new TreeSet<>();
        for (Map.Entry<String, String> e : asked.entrySet()) {
            if (!e.getKey().startsWith(SettingsCatalogue.NAMESPACE)) {
                others.add(e.getKey());
                continue;
            }
            Setting s = SettingsCatalogue.find(e.getKey()).orElse(null);
            assertTrue(s != null, use + " reads " + e.getKey() + ", which the catalogue does not declare");
            assertTrue(s.readBy().contains(use), use + " reads " + s.key() + ", but the catalogue says only "
                    + s.readBy());
            assertEquals(s.env() == null ? "" : s.env(), e.getValue(), use + " reads " + s.key()
                    + " with another environment variable than the catalogue's");
        }
        Set<String> missed = SettingsCatalogue.all().stream()
                .filter(s -> s.readBy().contains(use) && !elsewhere.contains(s) && !asked.containsKey(s.key()))
                .map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missed, "the catalogue says " + use + " reads these, but its settings never ask");
        return others;
    }

    public static Set<Setting> elsewhere(Setting... settings) {
        return Set.copyOf(Arrays.asList(settings));
    }
}
