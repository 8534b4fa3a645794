package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.results.ProfileEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code -Dtaskbench.profilers}: named events, checked before anything runs. */
class ProfilingTest {
    private static Profiling of(String value) {
        Properties p = new Properties();
        p.setProperty(Profiling.PROFILERS, value);
        p.setProperty(Profiling.CACHE, "/tmp/cache");
        return Profiling.from(new Settings(p, Map.of()));
    }

    @Test
    void readsTheEventsInOrderOnceEach() {
        Profiling p = of("cpu, Alloc,wall,lock,cpu");
        assertEquals(List.of(ProfileEvent.cpu, ProfileEvent.alloc, ProfileEvent.wall, ProfileEvent.lock),
                p.events());
        assertEquals(Path.of("/tmp/cache"), p.cacheDir());
        assertTrue(p.on());
    }

    @Test
    void unsetIsOff() {
        assertFalse(Profiling.from(new Settings(new Properties(), Map.of())).on());
    }

    @Test
    void anUnknownEventIsOneLineNamingTheChoices() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> of("cpu,gpu"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + Profiling.PROFILERS + "=cpu,gpu"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu, alloc, wall, lock"), e.getMessage());
    }

    @Test
    void jmhIsToldOurLibraryOneEventAndBothOutputs() {
        String line = ProfilePass.initLine(Path.of("/c/lib.so"), ProfileEvent.wall, Path.of("/r"));
        assertEquals("libPath=/c/lib.so;event=wall;output=flamegraph,collapsed;direction=forward;dir=/r", line);
    }
}
