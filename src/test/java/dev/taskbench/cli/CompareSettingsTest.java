package dev.taskbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.config.Settings;
import dev.taskbench.results.ProfileEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jmh:compare}'s settings, read once: the two runs, the results folder, the criteria, the gate. */
class CompareSettingsTest {
    static Settings of(String... kv) {
        Properties p = new Properties();
        p.setProperty("base", "a");
        p.setProperty("candidate", "b");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return new Settings(p, Map.of());
    }

    @Test
    void defaultsAreNoGateTheDefaultCriteriaAndResultsUnderTheProject() {
        CompareSettings c = CompareSettings.from(of("taskbench.basedir", "/p"));
        assertEquals("a", c.base());
        assertEquals("b", c.candidate());
        assertFalse(c.gate());
        assertFalse(c.acrossTestbeds());
        assertEquals(Criteria.defaults(), c.criteria());
        assertEquals(Path.of("/p/results"), c.resultsRoot());
    }

    @Test
    void theRunsMayComeFromTheEnvironment() {
        CompareSettings c = CompareSettings.from(new Settings(new Properties(),
                Map.of("TASKBENCH_BASE", "x", "TASKBENCH_CANDIDATE", "y")));
        assertEquals("x", c.base());
        assertEquals("y", c.candidate());
    }

    @Test
    void theGateIsABooleanInAnyCase() {
        assertTrue(CompareSettings.from(of(Criteria.GATE, "true")).gate());
        assertTrue(CompareSettings.from(of(Criteria.GATE, "TRUE")).gate());
        assertFalse(CompareSettings.from(of(Criteria.GATE, "false")).gate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "baseline", "1"})
    void anythingElseAsTheGateIsAOneLineErrorNamingIt(String value) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> CompareSettings.from(of(Criteria.GATE, value)));
        assertEquals("-Dtaskbench.gate=" + value + " is not valid: it takes true or false; to gate against a run, use"
                + " -Dtaskbench.gate=true -Dbase=" + value, e.getMessage());
    }

    @Test
    void theGateMayBeForcedAcrossTestbeds() {
        assertTrue(CompareSettings.from(of("taskbench.gate.acrossTestbeds", "true")).acrossTestbeds());
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> CompareSettings.from(of("taskbench.gate.acrossTestbeds", "yes")));
        assertEquals("-Dtaskbench.gate.acrossTestbeds=yes is not valid: it takes true or false", e.getMessage());
    }

    @Test
    void theEffectSizeIsReadOnce() {
        assertEquals(0.1, CompareSettings.from(of(Criteria.EFFECT, "0.1")).criteria().minEffect());
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> CompareSettings.from(of(Criteria.EFFECT, "NaN")));
        assertTrue(e.getMessage().startsWith("-Dtaskbench.effect=NaN is not valid"), e.getMessage());
    }

    @Test
    void aBadGateFailsTheCommandWithOneLineBeforeAnyRunIsRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CompareCommand.run(new String[] {"-Dbase=nope", "-Dcandidate=nope", "-Dtaskbench.gate=baseline"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("taskbench: -Dtaskbench.gate=baseline is not valid: it takes true or false; to gate against a run,"
                + " use -Dtaskbench.gate=true -Dbase=baseline", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void regressionsAreProfiledOnlyWhenAskedOnCpuByDefault() {
        assertEquals(Optional.empty(), CompareSettings.from(of()).profileRegressions());
        assertEquals(Optional.of(ProfileEvent.cpu),
                CompareSettings.from(of(CompareSettings.PROFILE_REGRESSIONS, "TRUE")).profileRegressions());
        assertEquals(Optional.of(ProfileEvent.wall), CompareSettings.from(of(CompareSettings.PROFILE_REGRESSIONS,
                "true", CompareSettings.PROFILE_EVENT, "wall")).profileRegressions());
    }

    @Test
    void aBadProfileSettingIsOneLineNamingWhatItTakes() {
        TaskbenchException flag = assertThrows(TaskbenchException.class,
                () -> CompareSettings.from(of(CompareSettings.PROFILE_REGRESSIONS, "yes")));
        assertEquals("-Dtaskbench.profile.regressions=yes is not valid: it takes true or false", flag.getMessage());
        TaskbenchException event = assertThrows(TaskbenchException.class,
                () -> CompareSettings.from(of(CompareSettings.PROFILE_EVENT, "gpu")));
        assertEquals("-Dtaskbench.profile.event=gpu is not valid: it takes one of cpu, alloc, wall, lock",
                event.getMessage());
    }
}
