package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmh:seed}'s CPU round: a server JVM per cell, started with the cell's flag set. */
class CpuRoundTest {
    static CpuRound.Plan plan(String... kv) {
        return CpuRound.Plan.from(SeedSettingsTest.settings(kv));
    }

    @Test
    void eachCellIsAServerJvmOfItsOwnWithTheCellsFlagSet(@TempDir Path dir) throws Exception {
        Path sets = dir.resolve("sets.conf");
        // a flag set only the server JVM can refuse: proof that the cell's options reach the server, not the load
        Files.writeString(sets, "c1 = -XX:TieredStopAtLevel=1\nbroken = -XX:+NoSuchTaskbenchFlag\n");
        CpuRound.Plan plan = plan(CpuRound.FLAG_SETS, "c1,broken", CpuRound.WORKERS, "1,2", CpuRound.SECONDS, "1",
                CpuRound.START_SECONDS, "60", "taskbench.flagsets.file", sets.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SeedSettings o = SeedSettingsTest.of();
        List<CpuRound.Cell> cells = CpuRound.run(TestDatabase.info(), o, plan, out);
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, cells.size(), said);
        for (CpuRound.Cell c : cells) {
            if (c.flagSet().equals("c1")) {
                assertTrue(c.result().operations() >= o.users(), said);
            } else {
                assertNull(c.result(), said);
                assertTrue(c.failed().startsWith("its server JVM ended before it served (exit code "), c.failed());
            }
        }
        String table = CpuRound.render(o, plan, cells);
        assertTrue(table.contains("failed") && table.contains("c1 "), table);
        assertTrue(table.contains("c1: 1 -> 2 workers "), table);
    }

    @Test
    void theDefaultPlanIsTheSeedsAndBadPlansAreOneLine() {
        CpuRound.Plan dflt = plan();
        assertEquals(List.of("interpreter", "c2"), dflt.flagSets().stream().map(f -> f.name()).toList());
        assertEquals(List.of(1, 3, 6), dflt.workers());
        assertTrue(!plan(CpuRound.FLAG_SETS, "none").on(), "none skips the round");
        for (String[] kv : new String[][] {{CpuRound.WORKERS, "1,0"}, {CpuRound.WORKERS, "one"},
            {CpuRound.SECONDS, "0"}}) {
            TaskbenchException e = assertThrows(TaskbenchException.class, () -> plan(kv));
            assertTrue(e.getMessage().startsWith("-D" + kv[0] + "="), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        TaskbenchException unknown = assertThrows(TaskbenchException.class, () -> plan(CpuRound.FLAG_SETS, "pypy"));
        assertTrue(unknown.getMessage().startsWith("unknown flag set 'pypy'"), unknown.getMessage());
    }
}
