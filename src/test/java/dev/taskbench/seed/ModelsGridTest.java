package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jmh:seed}'s models round against the real PostgreSQL: every cell's rows read back, a delayed cell, a refused model. */
class ModelsGridTest {
    static ModelsGrid.Plan plan(String... kv) {
        return ModelsGrid.Plan.from(SeedSettingsTest.settings(kv));
    }

    /**
     * An empty table with its identity restarted, as {@code jmh:seed} starts its run: other test
     * classes share the table, and a row one of them left above the identity's next value would
     * fail a cell's insert as a duplicate key (400).
     */
    static void emptyTable() throws SQLException {
        try (Connection c = WriteConnections.DEFAULTS.apply(TestDatabase.info()).connect()) {
            TaskSchema.ensure(c);
            TaskSchema.truncate(c);
        }
    }

    @Test
    void everyModelAtEveryRoundTripWritesItsRowsOrSaysWhyNot() throws Exception {
        ModelsGrid.Plan plan = plan(ModelsGrid.MODELS, "selector,platform-2,virtual,eventloop-1", ModelsGrid.ROUND_TRIPS, "0,2",
                ModelsGrid.USERS, "3", ModelsGrid.WRITES, "30");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<ModelsGrid.Cell> cells;
        try (DatabaseLock lock = TestDatabase.lock()) {
            emptyTable();
            cells = ModelsGrid.run(WriteConnections.DEFAULTS.apply(TestDatabase.info()),
                    ServerConfig.defaults().withPoolSize(3), SeedSettingsTest.of(), plan, out);
        }
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(8, cells.size(), said);
        boolean virtualRuns = Runtime.version().feature() >= 21;
        for (ModelsGrid.Cell c : cells) {
            if (c.model().equals("virtual") && !virtualRuns) {
                assertNull(c.result(), said);
                assertTrue(c.refused().contains("jdk25"), c.refused());
            } else {
                assertNotNull(c.result(), c.model() + " at " + c.roundTripMs() + " ms: " + c.refused() + "\n" + said);
                assertEquals(30, c.result().operations(), said); // and each cell checked its 30 rows by marker
            }
        }
        String table = ModelsGrid.render(plan, cells);
        assertTrue(table.contains("+2 ms") && table.contains("loopback"), table);
        assertTrue(table.contains("gunicorn, 2 sync workers"), table);
        assertTrue(table.contains("Node/Express on PM2"), table);
        assertTrue(table.contains(virtualRuns ? "gevent" : "refused"), table);
    }

    @Test
    void roundsRunEveryModelAgainAndTheTableGivesMediansAndRatios() throws Exception {
        ModelsGrid.Plan plan = plan(ModelsGrid.MODELS, "selector,dispatch", ModelsGrid.ROUND_TRIPS, "0",
                ModelsGrid.USERS, "2", ModelsGrid.WRITES, "20", ModelsGrid.ROUNDS, "3");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<ModelsGrid.Cell> cells;
        try (DatabaseLock lock = TestDatabase.lock()) {
            emptyTable();
            cells = ModelsGrid.run(WriteConnections.DEFAULTS.apply(TestDatabase.info()),
                    ServerConfig.defaults().withPoolSize(2), SeedSettingsTest.of(), plan,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        assertEquals(List.of("selector 1", "dispatch 1", "selector 2", "dispatch 2", "selector 3", "dispatch 3"),
                cells.stream().map(c -> c.model() + " " + c.round()).toList(), "interleaved, one model after another");
        String table = ModelsGrid.render(plan, cells);
        assertTrue(table.contains("median of 3 rounds"), table);
        assertTrue(table.contains("over selector's in the same round: median [lowest, highest]"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("dispatch") && l.contains("[")), table);
        assertTrue(table.contains("6 of 6 cells were timed for under 2 s"), "20 writes are not a warm cell: " + table);
    }

    @Test
    void ratiosPairRoundsAndSkipRoundsWithoutFigures() {
        double nan = Double.NaN;
        assertEquals(List.of(0.9, 1.1), Arrays.stream(ModelsGrid.ratios(new double[] {100, 200, nan, 400},
                new double[] {90, 220, 50, nan})).boxed().toList());
        assertEquals(0, ModelsGrid.ratios(new double[] {nan}, new double[] {5}).length);
    }

    @Test
    void badPlansAreOneLine() {
        for (String[] kv : new String[][] {{ModelsGrid.MODELS, "selector,threads"}, {ModelsGrid.ROUND_TRIPS, "0,-5"},
            {ModelsGrid.USERS, "ten"}, {ModelsGrid.WRITES, "0"}, {ModelsGrid.ROUNDS, "0"},
            {ModelsGrid.MODELS, "selector,virtual,selector"}}) {
            TaskbenchException e = assertThrows(TaskbenchException.class, () -> plan(kv));
            assertTrue(e.getMessage().startsWith("-D" + kv[0] + "="), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertTrue(!plan(ModelsGrid.MODELS, "none").on(), "none skips the round");
    }
}
