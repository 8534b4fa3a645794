package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.CatalogueReads;
import dev.taskbench.config.Setting.Use;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    /** The settings these program arguments give; other tests of settings read them the same way. */
    static RunSettings read(String... args) {
        return RunSettings.from(Settings.parse(args, Map.of()));
    }

    /** The one-line error these program arguments give. */
    static String error(String... args) {
        String m = assertThrows(TaskbenchException.class, () -> read(args)).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    @Test
    void defaultsAreAStandardRunWithoutGate() {
        RunSettings s = read();
        assertEquals(Profile.STANDARD, s.request().profile());
        assertFalse(s.gate());
        assertFalse(s.interleave());
        assertNull(s.base());
        assertFalse(s.timesReferences());
        assertTrue(read("-Dtaskbench.flagsets=c1,c2").timesReferences(), "references come with flag sets");
        assertFalse(read("-Dtaskbench.flagsets=c1", "-Dtaskbench.reference=off").timesReferences());
    }

    @Test
    void theGateIsABooleanAsInEveryCommandAndTheBaseIsDashDBase() {
        RunSettings s = read("-Dtaskbench.gate=true", "-Dbase=nightly-1");
        assertTrue(s.gate());
        assertEquals("nightly-1", s.base());
        assertFalse(read("-Dtaskbench.gate=false").gate());
        assertTrue(error("-Dtaskbench.gate=true").contains("-Dbase=<run name>"));
        String old = error("-Dtaskbench.gate=nightly-1");
        assertTrue(old.contains("use -Dtaskbench.gate=true -Dbase=nightly-1"), old);
    }

    @Test
    void bimodalRowsAreExplainedInTheMeasuringProfilesOnly() {
        assertEquals(RunSettings.DEFAULT_EXPLAIN_MODES, read().explainModes());
        assertEquals(RunSettings.DEFAULT_EXPLAIN_MODES, read("-Dtaskbench.profile=full").explainModes());
        assertEquals(0, read("-Dtaskbench.profile=smoke").explainModes());
        assertEquals(0, read("-Dtaskbench.profile=steady").explainModes());
        assertEquals(2, read("-Dtaskbench.profile=smoke", "-Dtaskbench.modes.explain=2").explainModes());
        assertTrue(error("-Dtaskbench.modes.explain=-1").contains("taskbench.modes.explain"));
    }

    @Test
    void progressIsSaidEachForkOnATerminalOnceAMinuteInCiOrAsAsked() {
        assertEquals(Optional.of(Duration.ZERO), RunSettings.progress(Settings.parse(new String[0], Map.of()), true));
        assertEquals(Optional.of(Duration.ofSeconds(60)), RunSettings.progress(Settings.parse(new String[0],
                Map.of("CI", "true")), true));
        assertEquals(Optional.of(Duration.ofSeconds(60)), RunSettings.progress(Settings.parse(new String[0], Map.of()),
                false));
        assertEquals(Optional.of(Duration.ofSeconds(5)), RunSettings.progress(Settings.parse(new String[] {
            "-Dtaskbench.progress.every=5"}, Map.of()), false));
        assertEquals(Optional.empty(), read("-Dtaskbench.progress=false").progress());
        assertTrue(error("-Dtaskbench.progress.every=often").contains("taskbench.progress.every"));
        assertTrue(error("-Dtaskbench.progress=quiet").contains("taskbench.progress"));
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertTrue(error("-Dtaskbench.interleave=yes").contains("taskbench.interleave"));
        assertTrue(error("-Dtaskbench.reference=sometimes").contains("taskbench.reference"));
        assertTrue(error("-Dtaskbench.run.id=../x").contains("taskbench.run.id"));
        assertTrue(error("-Dtaskbench.ceiling=sometimes").contains("is not one of bracket, after, off"));
        assertTrue(error("-Dtaskbench.profile=fast").contains("unknown profile 'fast'"));
        assertTrue(error("Connection").contains("unexpected argument 'Connection'"));
    }

    @Test
    void candidateOnlyJvmArgsNeedABaselineAndAreTokenisedLikeJmhArgs() {
        assertTrue(error("-Dtaskbench.candidate.jvmArgs=-Xint").contains("needs -Dtaskbench.baseline.jar"));
        assertEquals(java.util.List.of(), read().candidateJvmArgs());
        assertEquals(12, read().adaptiveForks(), "the standard profile's cap");
        assertEquals(0, read("-Dtaskbench.profile=smoke").adaptiveForks());
        assertEquals(Profile.STEADY, read("-Dtaskbench.profile=steady").request().profile());
        assertEquals(0, read("-Dtaskbench.profile=steady").adaptiveForks(), "steady adds no forks");
        assertTrue(error("-Dtaskbench.adaptive.maxForks=-1").startsWith("-Dtaskbench.adaptive.maxForks=-1 is not valid"));
    }

    /**
     * jmh:run reads only declared keys, with their environment variables, and every key the
     * catalogue gives it except those the goal and the database chain read.
     */
    @Test
    void readsOnlyTheCataloguesKeys() {
        Set<String> others = CatalogueReads.check(Use.run, RunSettings::from, CatalogueReads.elsewhere(
                SettingsCatalogue.JVM, SettingsCatalogue.DB_URL, SettingsCatalogue.DB_USER, SettingsCatalogue.DB_PASSWORD));
        assertEquals(Set.of(RunSettings.BASE, RunRequest.JMH_ARGS, RunRequest.JMH_INCLUDE), others);
    }
}
