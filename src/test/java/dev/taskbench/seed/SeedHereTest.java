package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.seed.SideBySide.Phase;
import dev.taskbench.seed.SideBySide.Row;
import dev.taskbench.seed.peers.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every figure quoted from the seed's machine has this machine's beside it, or says how to measure it here. */
class SeedHereTest {
    private static final SeedHere HERE = SeedHere.of(List.of(
            new Row("node", Peer.parse("node").get(0), Phase.cold, new double[] {669, 700, 650}, new double[3], null),
            new Row("node", Peer.parse("node").get(0), Phase.warm, new double[] {1170}, new double[1], null),
            new Row("node-nginx", Peer.parse("node-nginx").get(0), Phase.cold, new double[] {500}, new double[1], null),
            new Row("django-1", Peer.parse("django-1").get(0), Phase.cold, new double[] {Double.NaN}, new double[1],
                    "django-1 exited with code 1"),
            new Row("selector", null, Phase.cold, new double[] {1918}, new double[1], null)),
            List.of(new PeersCpu.Row("Django, PyPy", "pypy-1", Peer.cpu(Peer.Stack.pypy, 1), 1, new double[] {46.3},
                    new double[1], null)));

    private static SeedFigures.Figure figure(SeedFigures.Round round, String peer) {
        return SeedFigures.ALL.stream().filter(f -> f.round() == round && peer.equals(f.peer())).findFirst().orElseThrow();
    }

    @Test
    void aMeasuredConfigurationStandsBesideItsQuotedFigure() {
        assertEquals("here 669/s cold", HERE.beside(figure(SeedFigures.Round.writes, "node")),
                "the median of the cold rounds, straight (the seed timed its first writes after start)");
        assertEquals(669, HERE.of(figure(SeedFigures.Round.writes, "node")), 1e-9);
        assertEquals("here 46.3/s", HERE.beside(figure(SeedFigures.Round.cpu, "pypy-1")));
    }

    @Test
    void aConfigurationNotRunOrWithoutFiguresSaysSo() {
        assertEquals("here: not measured (the stacks' table says why)",
                HERE.beside(figure(SeedFigures.Round.writes, "django-1")));
        assertEquals("here: not run (-Dtaskbench.seed.peers=django-9)", HERE.beside(figure(SeedFigures.Round.writes,
                "django-9")));
        assertEquals("here: not run (-Dtaskbench.seed.peers=node)", HERE.beside(figure(SeedFigures.Round.cpu,
                "node-cluster-6")), "the CPU round runs for a stack a write configuration names");
        assertTrue(Double.isNaN(HERE.of(figure(SeedFigures.Round.writes, "django-9"))));
    }

    @Test
    void everyQuotedFigureOfTheWriteAndCpuRoundsHasAConfigurationToMeasureItOn() {
        for (SeedFigures.Figure f : SeedFigures.ALL) {
            String beside = SeedHere.NONE.beside(f);
            assertFalse(beside.isBlank(), f.toString());
            if (f.round() != SeedFigures.Round.million) {
                assertTrue(beside.startsWith("here: not run (-D" + PeersRound.PEERS + "="), f + ": " + beside);
            }
        }
    }
}
