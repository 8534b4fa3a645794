package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.seed.peers.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's plan and its time, worked out by hand from the model's rates and the defaults. */
class SeedClockTest {
    private static SeedClock plan(String... kv) {
        return plan(stack -> true, kv);
    }

    private static SeedClock plan(java.util.function.Predicate<Peer.Stack> installed, String... kv) {
        dev.taskbench.config.Settings s = SeedSettingsTest.settings(kv);
        return SeedClock.plan(SeedSettings.from(s), ModelsGrid.Plan.from(s), CpuRound.Plan.from(s),
                PeersRound.Plan.from(s), installed);
    }

    private static List<Double> seconds(SeedClock c) {
        return c.parts().stream().map(SeedClock.Part::seconds).toList();
    }

    /** warmup 60 s (its limit, above 20,000 at 2,000/s), pgbench 2 x 5 + 1, 10,000 writes x 3 at 2,000/s, 2,000 CPU requests at 200/s, layers 15. */
    @Test
    void theJvmsOwnStepsAtTheDefaults() {
        assertEquals(60 + 11 + 15 + 10 + 15, SeedClock.jvmSteps(SeedSettingsTest.of()), 1e-9);
        assertEquals(10 + 0 + 5 + 0 + 0, SeedClock.jvmSteps(SeedSettingsTest.of(SeedSettings.WARMUP, "20000",
                SeedSettings.WARMUP_SECONDS, "0", "taskbench.ceiling.seconds", "0", SeedSettings.NGINX, "false",
                SeedSettings.CPU, "0", SeedSettings.LAYERS, "false")), 1e-9);
    }

    /**
     * 9 models, 1,000 writes after 1,000 unmeasured, at loopback 1 + 2,000 / 2,000 = 2 s each; at
     * 5 ms the round trip shared by the writes in flight: platform-1 1 + 2,000 x 5 ms = 11 s,
     * platform-2 6, platform-3 1 + 10/3, platform-9 1 + 10/9, the five with 10 in flight 2 each.
     */
    @Test
    void theModelsRoundSharesTheRoundTripAmongTheWritesInFlight() {
        double expected = 9 * 2 + 11 + 6 + (1 + 10.0 / 3) + (1 + 10.0 / 9) + 5 * 2;
        assertEquals(expected, SeedClock.models(ModelsGridTest.plan()), 1e-9);
        assertEquals(11, SeedClock.models(ModelsGridTest.plan(ModelsGrid.MODELS, "platform-1", ModelsGrid.ROUND_TRIPS,
                "5")), 1e-9);
        assertEquals(3 * 11, SeedClock.models(ModelsGridTest.plan(ModelsGrid.MODELS, "platform-1",
                ModelsGrid.ROUND_TRIPS, "5", ModelsGrid.ROUNDS, "3")), 1e-9);
    }

    /**
     * The command, {@code -Dtaskbench.seed.peers=all}: 23 configurations x (5 + 3 phases x
     * 10 s) = 805 s; CPU round 2 flag sets x (10 + 3 worker counts x 8 s) = 68 s; the stacks' CPU
     * round 3 stacks x 3 worker counts x (5 + 8) = 117 s; about 19 min in all, under the 30.
     */
    @Test
    void theFullCommandIsPlannedUnderThirtyMinutes() {
        SeedClock c = plan(PeersRound.PEERS, "all");
        double models = SeedClock.models(ModelsGridTest.plan());
        assertEquals(List.of(111.0, models, 805.0, 68.0, 117.0), seconds(c));
        assertEquals(111 + models + 805 + 68 + 117, c.seconds(), 1e-9);
        assertTrue(c.seconds() < 30 * 60, c.line());
        assertTrue(c.line().startsWith("taskbench seed: about 19 min: the JVM's own steps"), c.line());
        assertTrue(c.line().contains("the seed's stacks: 23 configurations (23 installed) x 1 round(s) x 3 phases, each"
                + " the first 1,000 form POSTs or the first 10 s, whichever came first ~13 min"), c.line());
        assertEquals("taskbench seed: planned about 19 min, took 21 min 5 s", c.took(21 * 60 + 5));
    }

    /** A stack this machine lacks is one line and costs nothing: without PyPy, 17 configurations and 2 CPU stacks. */
    @Test
    void aMissingStackCostsNothing() {
        SeedClock c = plan(stack -> stack != Peer.Stack.pypy, PeersRound.PEERS, "all");
        assertEquals(17 * 35.0, seconds(c).get(2), 1e-9);
        assertEquals(2 * 3 * 13.0, seconds(c).get(4), 1e-9);
    }

    /** Rounds multiply the seed's stacks and both CPU rounds; a longer phase limit lengthens each phase. */
    @Test
    void roundsAndThePhaseLimitScaleTheStacks() {
        SeedClock c = plan(PeersRound.PEERS, "node,django-1", ModelsGrid.ROUNDS, "3", PeersRound.SECONDS, "20");
        assertEquals(3 * 2 * (5 + 3 * 20.0), seconds(c).get(2), 1e-9);
        assertEquals(3 * 2 * (10 + 3 * 8.0), seconds(c).get(3), 1e-9);
        assertEquals(3 * 2 * 3 * 13.0, seconds(c).get(4), 1e-9);
    }

    /** Without a time limit (a test's plan) a phase is its count at the slow rate: 1,000 writes at 100/s. */
    @Test
    void aPhaseWithoutALimitIsItsCountAtTheSlowRate() {
        PeersRound.Plan counted = new PeersRound.Plan(Peer.parse("django-1"), java.nio.file.Path.of("."),
                java.time.Duration.ofSeconds(60), 1000, java.time.Duration.ZERO);
        assertEquals(10, SeedClock.phase(counted, 10), 1e-9);
        assertEquals(10, SeedClock.phase(PeersRound.Plan.from(SeedSettingsTest.settings()), 10), 1e-9);
    }

    /** Nothing of the seed's stacks when they are off: the JVM's steps, the models round, the CPU round. */
    @Test
    void withoutTheStacksThereAreThreeParts() {
        SeedClock c = plan();
        assertEquals(3, c.parts().size(), c.line());
        assertEquals(111 + SeedClock.models(ModelsGridTest.plan()) + 68, c.seconds(), 1e-9);
    }
}
