package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.config.Settings;
import dev.taskbench.seed.peers.Peer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest seed run's cost per configuration, and the plan that reads it instead of each phase's bound. */
class SeedHistoryTest {
    private static final Settings ALL = SeedSettingsTest.settings(PeersRound.PEERS, "node,django-1");
    private static final String ROUNDS = SeedHistory.settings(10, PeersRound.Plan.from(ALL), 4);

    private static PeersRound.Cell cell(String peer, int round, double seconds) {
        return new PeersRound.Cell(Peer.parse(peer).get(0), round, null, null, null, seconds);
    }

    private static Path run(Path results, String name, String settings) {
        Path folder = results.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SeedHistory.write(folder, settings, List.of(cell("node", 1, 12), cell("node", 2, 14), cell("node", 3, 13),
                cell("django-1", 1, 33), new PeersRound.Cell(Peer.parse("pypy-1").get(0), 1, null, null, "not installed")),
                List.of(new PeersCpu.Cell(Peer.cpu(Peer.Stack.node, 3), 1, null, null, 9.5)));
        return folder;
    }

    @Test
    void theNewestRunGivesEachConfigurationsMedianRound(@TempDir Path results) {
        run(results, "20261206-010000-seed", ROUNDS);
        run(results, "20261207-031500-seed", ROUNDS);
        SeedHistory h = SeedHistory.newest(results, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertEquals("20261207-031500-seed", h.run());
        assertEquals(13, h.writeRound("node").orElseThrow(), 1e-9, "the median of its three rounds");
        assertEquals(33, h.writeRound("django-1").orElseThrow(), 1e-9);
        assertTrue(h.writeRound("pypy-1").isEmpty(), "a missing stack cost nothing and says nothing of its time");
        assertEquals(9.5, h.cpuCell("node-cluster-3").orElseThrow(), 1e-9);
        assertSame(SeedHistory.NONE, h.matching(SeedHistory.settings(10, PeersRound.Plan.from(SeedSettingsTest.settings(
                PeersRound.PEERS, "node", PeersRound.SECONDS, "30")), 4)), "phases of 30 s would not last as long");
    }

    @Test
    void aCorruptFileIsPassedOverInOneLineAndTheNextRunServes(@TempDir Path results) throws Exception {
        run(results, "20261206-010000-seed", ROUNDS);
        Path bad = Files.createDirectories(results.resolve("20261207-031500-seed"));
        Files.writeString(bad.resolve(SeedHistory.FILE), "{\"writes\": [1, 2");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        SeedHistory h = SeedHistory.newest(results, new PrintStream(said, true, StandardCharsets.UTF_8));
        assertEquals("20261206-010000-seed", h.run());
        String line = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("taskbench seed: cannot read ") && line.contains("seed.json") && line.strip()
                .endsWith("passed over"), line);
        assertSame(SeedHistory.NONE, SeedHistory.newest(results.resolve("none"), System.out));
    }

    /** node and django-1 as the history took them (13 s and 33 s a round) instead of 5 + 3 x 10 s each. */
    @Test
    void thePlanTakesEachMeasuredConfigurationAtWhatItTook(@TempDir Path results) {
        run(results, "20261207-031500-seed", ROUNDS);
        SeedHistory h = SeedHistory.newest(results, System.out).matching(ROUNDS);
        SeedClock c = SeedClock.plan(SeedSettings.from(ALL), ModelsGrid.Plan.from(ALL), CpuRound.Plan.from(ALL),
                PeersRound.Plan.from(ALL), stack -> true, h);
        SeedClock.Part stacks = c.parts().stream().filter(p -> p.what().startsWith("the seed's stacks:")).findFirst()
                .orElseThrow();
        assertEquals(13 + 33, stacks.seconds(), 1e-9);
        assertTrue(stacks.what().endsWith("(2 of 2 as long as in seed run 20261207-031500-seed)"), stacks.what());
        SeedClock.Part cpu = c.parts().stream().filter(p -> p.what().startsWith("the seed's stacks' CPU")).findFirst()
                .orElseThrow();
        assertTrue(cpu.what().contains("(1 of 6 as long as in seed run 20261207-031500-seed, the rest at their bound)"),
                cpu.what());
        assertEquals(9.5 + 5 * (SeedClock.PEER_SECONDS + SeedClock.cpuCell(CpuRound.Plan.from(ALL))), cpu.seconds(), 1e-9);
    }
}
