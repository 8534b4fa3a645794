package dev.taskbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.config.CatalogueReads;
import dev.taskbench.config.Setting.Use;
import dev.taskbench.config.SettingsCatalogue;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * jmh:serve, jmh:compare and jmh:history read only declared keys, with their environment
 * variables, and every key the catalogue gives them except those the goal (the JVM, the flag
 * set), the frame (debug) and the database chain read.
 */
class CommandSettingsCatalogueTest {

    @Test
    void serveReadsOnlyTheCataloguesKeys() {
        Set<String> others = CatalogueReads.check(Use.serve, ServeSettings::from, CatalogueReads.elsewhere(
                SettingsCatalogue.JVM, SettingsCatalogue.DEBUG, SettingsCatalogue.FLAGSETS,
                SettingsCatalogue.FLAGSETS_FILE, SettingsCatalogue.JDKS, SettingsCatalogue.DB_URL,
                SettingsCatalogue.DB_USER, SettingsCatalogue.DB_PASSWORD));
        assertEquals(Set.of(), others);
    }

    @Test
    void compareReadsOnlyTheCataloguesKeys() {
        Set<String> others = CatalogueReads.check(Use.compare, CompareSettings::from, CatalogueReads.elsewhere(
                SettingsCatalogue.JVM, SettingsCatalogue.DEBUG), CompareSettings.BASE, "a", CompareSettings.CANDIDATE, "b");
        assertEquals(Set.of(CompareSettings.BASE, CompareSettings.CANDIDATE), others);
    }

    @Test
    void historyReadsOnlyTheCataloguesKeys() {
        Set<String> others = CatalogueReads.check(Use.history, HistoryCommand.HistorySettings::from,
                CatalogueReads.elsewhere(SettingsCatalogue.JVM, SettingsCatalogue.DEBUG));
        assertEquals(Set.of(), others);
    }
}
