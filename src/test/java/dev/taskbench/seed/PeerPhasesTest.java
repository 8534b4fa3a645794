package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Timing;
import dev.taskbench.seed.peers.Peer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A phase of the seed's stacks is its count or its time limit, whichever comes first: the plan's
 * settings, and a table whose timed rows say so, on results from a fake clock.
 */
class PeerPhasesTest {
    /** One user writing {@code perUser} at {@code perSecond} on a fake clock, stopped at {@code limit} (zero: none). */
    static ClosedLoop.Result result(int perUser, double perSecond, Duration limit) throws Exception {
        AtomicLong now = new AtomicLong();
        long step = Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond);
        return ClosedLoop.run(new Timing(now::get), 1, perUser, limit.toNanos(), u -> (user, i) -> now.addAndGet(step));
    }

    @Test
    void thePlanIsTheModelsRoundsWritesOrTenSeconds() {
        PeersRound.Plan p = PeersRound.Plan.from(SeedSettingsTest.settings(PeersRound.PEERS, "node"));
        assertEquals(1000, p.writes(), "the models round's writes, so stacks and JVM models are measured alike");
        assertEquals(Duration.ofSeconds(10), p.phaseLimit());
        assertEquals("the first 1,000 form POSTs or the first 10 s, whichever came first", p.phase(10));
        assertEquals(999, p.writes(3), "shared evenly among 3 users");
        assertEquals(300, PeersRound.Plan.from(SeedSettingsTest.settings(PeersRound.PEERS, "node", ModelsGrid.WRITES, "300"))
                .writes(), "follows the models round's writes");
        assertEquals(10_000, PeersRound.Plan.from(SeedSettingsTest.settings(PeersRound.PEERS, "node", ModelsGrid.WRITES, "300",
                PeersRound.WRITES, "10000")).writes(), "peerWrites wins");
        assertEquals(7, new PeersRound.Plan(List.of(), Path.of("."), Duration.ofSeconds(1), 5, Duration.ZERO).writes(7),
                "at least one each");
        assertEquals("the first 7 form POSTs", PeersRound.phase(7, Duration.ZERO));
    }

    @Test
    void badPhaseSettingsAreOneLineNamingTheSetting() {
        for (String[] kv : List.of(new String[] {PeersRound.SECONDS, "0"}, new String[] {PeersRound.SECONDS, "10s"},
                new String[] {PeersRound.WRITES, "0"}, new String[] {PeersRound.WRITES, "many"})) {
            TaskbenchException e = assertThrows(TaskbenchException.class,
                    () -> PeersRound.Plan.from(SeedSettingsTest.settings(kv)));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("-D" + kv[0] + "=" + kv[1] + " is not valid"), e.getMessage());
        }
    }

    /** At 100 writes/s the 10 s limit comes before 10,000: timed, 1,000 reached; at 4,000/s the count comes first. */
    @Test
    void aSlowStackIsTimedAndAFastOneCounted() throws Exception {
        ClosedLoop.Result slow = result(10_000, 100, Duration.ofSeconds(10));
        assertTrue(slow.timed());
        assertEquals(1_000, slow.operations());
        assertEquals("100 writes/s (timed: 1,000 in 10 s)", PeersRound.said(slow, Duration.ofSeconds(10)));
        ClosedLoop.Result fast = result(10_000, 4_000, Duration.ofSeconds(10));
        assertFalse(fast.timed());
        assertEquals(10_000, fast.operations());
        assertEquals("4,000 writes/s", PeersRound.said(fast, Duration.ofSeconds(10)));
    }

    /** A timed row carries the marker and the legend says what it means; a table of counted rows has neither. */
    @Test
    void theTableMarksTimedRows() throws Exception {
        PeersRound.Plan plan = PeersRound.Plan.from(SeedSettingsTest.settings(PeersRound.PEERS, "node,django-1"));
        Duration limit = plan.phaseLimit();
        List<PeersRound.Cell> cells = List.of(
                new PeersRound.Cell(Peer.parse("node").get(0), 1, result(10_000, 4_000, limit),
                        result(10_000, 5_000, limit), null),
                new PeersRound.Cell(Peer.parse("django-1").get(0), 1, result(10_000, 100, limit),
                        result(10_000, 120, limit), null));
        String table = StacksTable.render(plan, List.of(), cells, 1, 10_000);
        assertTrue(table.contains("each phase the first 10,000 form POSTs or the first 10 s, whichever came first"), table);
        List<String> timed = table.lines().filter(l -> l.contains(" " + PeersRound.TIMED + " ")).toList();
        assertEquals(2, timed.size(), table);
        assertTrue(timed.stream().allMatch(l -> l.contains(" django-1 ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cold ") && l.contains(" node ") && !l.contains("timed")),
                table);
        assertTrue(table.contains("  timed: the stack had not written 10,000 rows when -Dtaskbench.seed.peerSeconds=10"
                + " ran out"), table);
        String counted = StacksTable.render(plan, List.of(), cells.subList(0, 1), 1, 10_000);
        assertFalse(counted.contains(PeersRound.TIMED), counted);
    }
}
