package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.seed.SideBySide.Phase;
import dev.taskbench.seed.SideBySide.Row;
import dev.taskbench.seed.peers.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's conclusions and the side-by-side ratios on constructed tables whose answers are known. */
class PeerFindingsTest {
    private static Row peer(String name, Phase phase, double... rates) {
        return new Row(name, Peer.parse(name).get(0), phase, rates, rates.clone(), null);
    }

    private static Row jvm(String name, Phase phase, double... rates) {
        return new Row(name, null, phase, rates, rates.clone(), null);
    }

    @Test
    void nodeAloneIsBestWhenNoClusterBeatsItsMedian() {
        assertTrue(PeerFindings.nodeAloneBest(List.of(peer("node", Phase.warm, 300, 310, 290),
                peer("node-cluster-2", Phase.warm, 250, 320, 240))).orElseThrow().holds());
        assertFalse(PeerFindings.nodeAloneBest(List.of(peer("node", Phase.warm, 300),
                peer("node-cluster-auto", Phase.warm, 301))).orElseThrow().holds());
        assertTrue(PeerFindings.nodeAloneBest(List.of(peer("node", Phase.warm, 300))).isEmpty(), "no cluster ran");
    }

    @Test
    void geventGainsOnlyAboveTheSyncWorkersHighestRound() {
        List<Row> within = List.of(peer("django-9", Phase.cold, 100, 120, 140), peer("django-1", Phase.cold, 50),
                peer("django-gevent-1000x9", Phase.cold, 130, 135, 130));
        assertTrue(PeerFindings.geventNoGain(within).orElseThrow().holds());
        List<Row> above = List.of(peer("django-9", Phase.cold, 100, 120, 140),
                peer("django-gevent-500x4", Phase.cold, 150, 160, 170));
        assertFalse(PeerFindings.geventNoGain(above).orElseThrow().holds());
        assertTrue(PeerFindings.geventNoGain(List.of(peer("django-9", Phase.cold, 100),
                peer("django-gevent-500x4-persistent", Phase.cold, 900))).isEmpty(), "unlike connections are not compared");
    }

    @Test
    void pypyIsSlowerOnlyWhenEveryTwinIsFaster() {
        List<Row> slower = List.of(peer("django-1", Phase.cold, 100), peer("pypy-1", Phase.cold, 80),
                peer("django-9", Phase.cold, 200), peer("pypy-9", Phase.cold, 150), peer("pypy-2", Phase.cold, 999));
        PeerFindings.Verdict v = PeerFindings.pypySlower(slower).orElseThrow();
        assertTrue(v.holds(), v.because());
        assertFalse(v.because().contains("pypy-2"), "pypy-2 has no CPython twin here: " + v.because());
        assertFalse(PeerFindings.pypySlower(List.of(peer("django-1", Phase.cold, 100), peer("pypy-1", Phase.cold, 80),
                peer("django-9", Phase.cold, 200), peer("pypy-9", Phase.cold, 250))).orElseThrow().holds());
        assertTrue(PeerFindings.pypySlower(List.of(peer("pypy-1", Phase.cold, 80))).isEmpty());
    }

    @Test
    void absentRowsAreNotMeasuredLinesAndTheCpuRoundIsNeverHardCoded() {
        String text = PeerFindings.render(List.of(jvm("selector", Phase.warm, 9000)));
        assertEquals(5, text.lines().filter(l -> l.endsWith(PeerFindings.NOT_MEASURED)
                || l.contains(PeerFindings.NOT_MEASURED + " (")).count(), text);
        String place = PeerFindings.render(List.of(jvm("selector", Phase.warm, 9000), peer("node", Phase.warm, 3000)));
        assertTrue(place.contains("the JVM's place: warm: the fastest JVM model, selector, writes 3.00x the fastest of"
                + " the seed's stacks, node"), place);
    }

    private static PeersCpu.Row cpu(String name, Peer.Stack stack, int workers, double... rates) {
        Peer p = stack == null ? null : Peer.cpu(stack, workers);
        return new PeersCpu.Row(stack == null ? "taskbench (JVM)" : stack.label, name, p, workers, rates, rates.clone(),
                null);
    }

    /** PyPy wins the CPU round where its median is the highest at every worker count measured. */
    @Test
    void pypyWinsTheCpuRoundOnlyAtEveryWorkerCount() {
        List<PeersCpu.Row> wins = List.of(cpu("node", Peer.Stack.node, 1, 40), cpu("django-1", Peer.Stack.django, 1, 2),
                cpu("pypy-1", Peer.Stack.pypy, 1, 50), cpu("node-cluster-3", Peer.Stack.node, 3, 70),
                cpu("pypy-3", Peer.Stack.pypy, 3, 90), cpu("c2 platform-1", null, 1, 900));
        PeerFindings.Verdict v = PeerFindings.pypyWinsCpu(wins).orElseThrow();
        assertTrue(v.holds(), v.because());
        assertTrue(v.because().contains("pypy-3 90.0/s") && !v.because().contains("c2"), v.because());
        assertFalse(PeerFindings.pypyWinsCpu(List.of(cpu("node", Peer.Stack.node, 1, 40), cpu("pypy-1", Peer.Stack.pypy,
                1, 50), cpu("node-cluster-6", Peer.Stack.node, 6, 95), cpu("pypy-6", Peer.Stack.pypy, 6, 90)))
                .orElseThrow().holds());
        assertTrue(PeerFindings.pypyWinsCpu(List.of(cpu("pypy-1", Peer.Stack.pypy, 1, 50))).isEmpty(), "nothing beside it");
        String text = PeerFindings.render(List.of(), wins);
        assertTrue(text.contains("PyPy wins the CPU round: holds (") && text.contains("the JVM's place: cpu: the fastest"
                + " JVM flag set, c2 platform-1, serves 10.00x the requests/s of the fastest of the seed's stacks, pypy-3"),
                text);
    }

    /** Straight and behind-nginx configurations of one run are never set against each other. */
    @Test
    void aConclusionComparesOneDeployment() {
        List<Row> both = List.of(peer("node", Phase.warm, 300), peer("node-cluster-2-nginx", Phase.warm, 900),
                peer("node-cluster-2", Phase.warm, 200));
        assertTrue(PeerFindings.render(both).contains("Node without cluster is its best on the write test: warm: holds"),
                PeerFindings.render(both));
        List<Row> nginx = List.of(peer("node-nginx", Phase.warm, 300), peer("node-cluster-2-nginx", Phase.warm, 900));
        assertTrue(PeerFindings.render(nginx).contains("warm: does NOT hold (node-nginx 300/s, node-cluster-2-nginx 900/s)"),
                PeerFindings.render(nginx));
    }

    @Test
    void aRefusedRowTakesNoPartInAFinding() {
        List<Row> rows = new ArrayList<>(List.of(peer("node", Phase.warm, 300), new Row("node-cluster-2",
                Peer.parse("node-cluster-2").get(0), Phase.warm, new double[] {Double.NaN}, new double[] {Double.NaN},
                "failed")));
        assertTrue(PeerFindings.render(rows).contains("Node without cluster is its best on the write test: "
                + PeerFindings.NOT_MEASURED), PeerFindings.render(rows));
    }

    @Test
    void ratiosPairTheRoundsAndGiveTheirSpread() {
        Row jvm = jvm("selector", Phase.warm, 900, 1000, 1100);
        Row node = peer("node", Phase.warm, 300, 250, Double.NaN);
        Spread r = SideBySide.ratio(jvm, node);
        assertEquals(2, r.rounds());
        assertEquals(3.0, r.low(), 1e-9);
        assertEquals(4.0, r.high(), 1e-9);
        assertEquals("4.00x [3.00x, 4.00x]", r.format("%.2fx"));
        assertNull(SideBySide.ratio(jvm, peer("node", Phase.warm, Double.NaN, Double.NaN, Double.NaN)));
        assertEquals("node", SideBySide.fastest(List.of(node, peer("node-cluster-2", Phase.warm, 200, 200, 200)),
                Phase.warm, SideBySide.stack(Peer.Stack.node)).orElseThrow().name());
    }
}
