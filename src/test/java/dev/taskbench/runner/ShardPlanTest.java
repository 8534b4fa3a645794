package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.history.ForkTimes;
import dev.taskbench.history.RowHistory;
import dev.taskbench.results.RowTestbeds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The shard plan: known answers of the split, every unit in one shard, the same plan from the same inputs, and K/N. */
class ShardPlanTest {
    @TempDir
    Path results;

    private static ShardPlan.Unit unit(String name, double seconds) {
        return new ShardPlan.Unit("c2", name, seconds);
    }

    private static List<List<Double>> costs(ShardPlan plan, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(k -> plan.units(k).stream().map(ShardPlan.Unit::seconds).toList())
                .toList();
    }

    @Test
    void longestFirstToTheLeastLoadedShard() {
        List<ShardPlan.Unit> units = List.of(unit("a", 10), unit("b", 9), unit("c", 8), unit("d", 7), unit("e", 6),
                unit("f", 5));
        ShardPlan plan = ShardPlan.split(units, 3);
        assertEquals(List.of(List.of(10.0, 5.0), List.of(9.0, 6.0), List.of(8.0, 7.0)), costs(plan, 3));
        assertEquals(List.of(15.0, 15.0, 15.0), List.of(plan.seconds(1), plan.seconds(2), plan.seconds(3)));
    }

    @Test
    void tiesGoByNameAndShardNumberSoTheOrderGivenDoesNotMatter() {
        List<ShardPlan.Unit> units = new ArrayList<>();
        for (String n : List.of("d", "b", "a", "c", "e")) {
            units.add(unit(n, 4));
        }
        ShardPlan plan = ShardPlan.split(units, 2);
        assertEquals(List.of("a", "c", "e"), plan.units(1).stream().map(ShardPlan.Unit::benchmark).toList());
        assertEquals(List.of("b", "d"), plan.units(2).stream().map(ShardPlan.Unit::benchmark).toList());
        Collections.reverse(units);
        ShardPlan again = ShardPlan.split(units, 2);
        assertEquals(plan.units(1), again.units(1));
        assertEquals(plan.units(2), again.units(2));
    }

    @Test
    void everyUnitLandsInExactlyOneShardAndTheSameInputsGiveTheSamePlan() {
        Random random = new Random(25);
        List<ShardPlan.Unit> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            units.add(new ShardPlan.Unit(i % 2 == 0 ? "c1" : "c2", "b" + i / 2, random.nextInt(50) * 10.0));
        }
        for (int n : List.of(1, 3, 7, 200, 250)) {
            ShardPlan plan = ShardPlan.split(units, n);
            List<ShardPlan.Unit> all = new ArrayList<>();
            IntStream.rangeClosed(1, n).forEach(k -> all.addAll(plan.units(k)));
            assertEquals(units.size(), all.size(), n + " shards");
            assertEquals(new HashSet<>(units), new HashSet<>(all), n + " shards");
            List<ShardPlan.Unit> shuffled = new ArrayList<>(units);
            Collections.shuffle(shuffled, new Random(n));
            ShardPlan same = ShardPlan.split(shuffled, n);
            IntStream.rangeClosed(1, n).forEach(k -> assertEquals(plan.units(k), same.units(k)));
        }
        ShardPlan seven = ShardPlan.split(units, 7);
        double longest = units.stream().mapToDouble(ShardPlan.Unit::seconds).max().orElseThrow();
        double most = IntStream.rangeClosed(1, 7).mapToDouble(seven::seconds).max().orElseThrow();
        double least = IntStream.rangeClosed(1, 7).mapToDouble(seven::seconds).min().orElseThrow();
        assertTrue(most - least <= longest, "LPT: no two shards differ by more than one unit");
    }

    @Test
    void theLineSaysTheShardAndEveryShardsPlannedTime() {
        ShardPlan plan = ShardPlan.split(List.of(unit("x.A.a", 720), unit("x.B.b", 700), unit("x.C.c", 30)), 2);
        Shard second = new Shard(2, 2);
        assertEquals("taskbench: shard 2 of 2: 2 units, about 12 min; the shards' planned times 12, 12 min",
                plan.line(second));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        plan.say(second, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("taskbench:   c2: B.b, C.c"), bytes.toString());
        assertEquals(Map.of("c2", Set.of("x.B.b", "x.C.c")), plan.flagSets(second));
        assertEquals(2, plan.metadata(second).get("of"));
        assertEquals(List.of("c2 x.B.b", "c2 x.C.c"), plan.metadata(second).get("units"));
        assertEquals(plan.digest(), plan.metadata(second).get("split"));
        assertEquals(plan.digest(), ShardPlan.split(List.of(unit("x.C.c", 30), unit("x.B.b", 700), unit("x.A.a", 720)),
                2).digest(), "the same split, the same digest");
        assertFalse(plan.digest().equals(ShardPlan.split(List.of(unit("x.A.a", 720), unit("x.B.b", 700)), 2)
                .digest()), "another split, another digest");
        assertEquals("taskbench: shard 1 of 2: 1 unit, about 50 s; the shards' planned times 50, 40 s",
                ShardPlan.split(List.of(unit("x.A.a", 40), unit("x.B.b", 50)), 2).line(new Shard(1, 2)));
    }

    @Test
    void aShardWithNothingToRunIsRefused() {
        ShardPlan plan = ShardPlan.split(List.of(unit("a", 1), unit("b", 2)), 3);
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> plan.flagSets(new Shard(3, 3)));
        assertEquals("-Dtaskbench.shard=3/3 has nothing to run: the run has 2 units (a benchmark method in a flag set),"
                + " fewer than 3 shards", e.getMessage());
    }

    @Test
    void kOfNIsReadAndABadOneIsAOneLineError() {
        assertEquals(new Shard(2, 7), Shard.parse("2/7"));
        assertEquals(new Shard(1, 1), Shard.parse("1/1"));
        for (String bad : List.of("0/4", "5/4", "4", "a/b", "1/0", "-1/3", "2/7/1", "1/1001")) {
            TaskbenchException e = assertThrows(TaskbenchException.class, () -> Shard.parse(bad), bad);
            assertEquals("-Dtaskbench.shard=" + bad + " is not valid: it takes K/N, whole numbers with 1 <= K <= N <="
                    + " 1000 (shard K of N)", e.getMessage());
        }
        assertEquals(new Shard(3, 4), RunSettings.from(Settings.parse(new String[] {"-Dtaskbench.shard=3/4"}, Map.of()))
                .shard().orElseThrow());
        assertFalse(RunSettings.from(Settings.parse(new String[0], Map.of())).shard().isPresent());
        assertThrows(TaskbenchException.class, () -> RunSettings.from(Settings.parse(
                new String[] {"-Dtaskbench.shard=5/4"}, Map.of())));
    }

    /**
     * A real plan of two flag sets split into two shards: each (flag set, method) runs in one shard, the run plan of
     * a shard keeps only its own, and its row plans likewise.
     */
    @Test
    void aRunsShardsRunEachMethodOfEachFlagSetOnce() throws Exception {
        CommandLineOptions user = new CommandLineOptions();
        RowPlan rows = Planner.rows(Profile.SMOKE, user, "CounterLoopBenchmark", false);
        FlagSet c1 = FlagSets.load(null).resolve("c1");
        RunPlan plan = new RunPlan(rows, List.of(new Planned(FlagSet.DEFAULT, null, "JDK 17", 17),
                new Planned(c1, null, "JDK 17", 17)), Map.of(), 1, null, List.of(), false, false, null, null);
        HistoryPlan history = HistoryPlan.plan(plan, user, RowTestbeds.of(Map.of()), RowHistory.NONE, ForkTimes.NONE,
                "the profile's");
        RunSettings settings = RunSettings.from(Settings.parse(new String[] {"-Dtaskbench.results=" + results},
                Map.of()));
        ShardPlan shards = ShardPlan.of(settings, user, plan, history, RowTestbeds.of(Map.of()), 2);
        List<String> methods = rows.selected().stream().map(BenchmarkListEntry::getUsername).toList();
        assertTrue(methods.size() >= 2, methods.toString());
        Set<String> seen = new HashSet<>();
        for (int k = 1; k <= 2; k++) {
            Map<String, Set<String>> units = shards.flagSets(new Shard(k, 2));
            RunPlan mine = plan.only(units);
            for (Planned p : mine.flagSets()) {
                List<String> kept = mine.kept(p).kept().stream().map(BenchmarkListEntry::getUsername).toList();
                assertEquals(units.get(p.flagSet().name()), new TreeSet<>(kept));
                kept.forEach(b -> assertTrue(seen.add(p.flagSet().name() + " " + b), "twice: " + b));
            }
            assertTrue(history.only(units).rows().stream().allMatch(r -> units.get(r.flagSet()).contains(
                    r.key().benchmark())));
            assertTrue(shards.seconds(k) > 0);
        }
        assertEquals(2 * methods.size(), seen.size(), "every method in both flag sets, once");
    }
}
