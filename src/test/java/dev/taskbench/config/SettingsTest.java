package dev.taskbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {
    enum Colour { RED, DARK_BLUE }

    static Settings of(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return new Settings(p, Map.of("ENV_N", "7"));
    }

    @Test
    void argumentsOverrideAndAnythingElseIsRefused() {
        Settings s = Settings.parse(new String[] {"-Dtaskbench.port=1", "-Dtaskbench.port=2"}, Map.of());
        assertEquals("2", s.get(SettingsCatalogue.PORT));
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> Settings.parse(new String[] {"--oops"}, Map.of()));
        assertTrue(e.getMessage().contains("'--oops'"), e.getMessage());
    }

    @Test
    void environmentIsTheFallbackAndBlankIsUnset() {
        assertEquals(7, of().integer("n", "ENV_N", 1, 0, 10));
        assertEquals(3, of("n", "3").integer("n", "ENV_N", 1, 0, 10));
        assertEquals(7, of("n", "  ").integer("n", "ENV_N", 1, 0, 10));
        assertEquals(1, of().integer("n", null, 1, 0, 10));
    }

    @Test
    void badNumbersAreOneLineErrorsNamingTheSetting() {
        for (String v : new String[] {"x", "11", "-1", "1.5"}) {
            TaskbenchException e = assertThrows(TaskbenchException.class, () -> of("n", v).integer("n", null, 1, 0, 10));
            assertTrue(e.getMessage().startsWith("-Dn=" + v + " is not valid"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        for (String v : new String[] {"NaN", "Infinity", "-0.1", "abc"}) {
            assertThrows(TaskbenchException.class, () -> of("e", v).decimal("e", null, 0.05, 0, 1));
        }
        assertEquals(0.2, of("e", "0.2").decimal("e", null, 0.05, 0, 1));
    }

    @Test
    void flagsAreTrueOrFalseNeverSilentlyFalse() {
        assertTrue(of("g", "TRUE").flag("g", null, false));
        assertFalse(of("g", "false").flag("g", null, true));
        assertTrue(of().flag("g", null, true));
        assertThrows(TaskbenchException.class, () -> of("g", "baseline").flag("g", null, false));
        assertThrows(TaskbenchException.class, () -> of("g", "yes").flag("g", null, false));
    }

    @Test
    void choicesMatchOneWayIgnoringCaseAndPunctuation() {
        assertEquals(Colour.DARK_BLUE, of("c", "darkBlue").choice("c", null, Colour.class, Colour.RED));
        assertEquals(Colour.DARK_BLUE, of("c", "dark-blue").choice("c", null, Colour.class, Colour.RED));
        assertEquals(Colour.RED, of().choice("c", null, Colour.class, Colour.RED));
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> of("c", "green").choice("c", null, Colour.class, Colour.RED));
        assertTrue(e.getMessage().contains("RED, DARK_BLUE"), e.getMessage());
        assertEquals(List.of(Colour.RED, Colour.DARK_BLUE),
                of("c", "red, dark_blue").choices("c", null, Colour.class, List.of()));
    }

    @Test
    void printingHidesPasswords() {
        String s = of("taskbench.db.password", "secret", "taskbench.db.user", "u").toString();
        assertFalse(s.contains("secret"), s);
        assertTrue(s.contains("taskbench.db.user=u"), s);
    }
}
