package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.loop.CounterLoopWarmupBenchmark;
import dev.taskbench.pool.ConnectionBenchmark;
import dev.taskbench.write.InsertBenchmark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/** The one rule for iteration settings, on the real benchmark list. */
class PassPlanTest {
    private static final TimeValue DECLARED_WARMUP = TimeValue.milliseconds(1000);

    private static BenchmarkListEntry entry(Class<?> benchmark, String method) {
        return Selection.of(List.of("^" + benchmark.getName() + "\\." + method + "$"), List.of()).get(0);
    }

    private static final BenchmarkListEntry WRITE = entry(InsertBenchmark.class, "requestOneUser");
    private static final BenchmarkListEntry PLAIN = entry(ConnectionBenchmark.class, "oneUser");
    private static final BenchmarkListEntry SINGLE_SHOT = entry(CounterLoopWarmupBenchmark.class, "firstCalls");

    private static CommandLineOptions user(String... args) {
        return JmhOptionsFactory.parseUserArgs(List.of(args));
    }

    @Test
    void measuringProfilesKeepADeclaredWarmupAndFillInTheRest() {
        for (Profile p : List.of(Profile.STANDARD, Profile.FULL)) {
            PassPlan.Iterations w = PassPlan.runs(p, user(), WRITE);
            assertEquals(5, w.warmupIterations(), p.id());
            assertEquals(DECLARED_WARMUP, w.warmupTime());
            assertEquals(p.measurementIterations(), w.measurementIterations());
            assertEquals(PassPlan.Iterations.of(p), PassPlan.runs(p, user(), PLAIN), "nothing declared: the profile's");
        }
        PassPlan plan = PassPlan.plan(Profile.STANDARD, user(), List.of(WRITE, PLAIN));
        assertEquals(2, plan.passes().size(), "one pass per plan");
        assertEquals(List.of("^\\Q" + PLAIN.getUsername() + "\\E$"),
                plan.excludesFor(PassPlan.runs(Profile.STANDARD, user(), WRITE)));
        assertEquals(List.of(), plan.notes(), "nothing differs from what classes declare");
    }

    @Test
    void smokeSkipsDeclaredWarmupsAndSaysSoOnce() {
        PassPlan.Iterations w = PassPlan.runs(Profile.SMOKE, user(), WRITE);
        assertEquals(PassPlan.Iterations.of(Profile.SMOKE), w);
        PassPlan plan = PassPlan.plan(Profile.SMOKE, user(), List.of(WRITE, entry(InsertBenchmark.class,
                "requestTenUsers"), PLAIN));
        assertEquals(1, plan.passes().size());
        assertEquals(List.of("smoke: skips the declared 5 x 1000 ms warmup of 1 class (InsertBenchmark)"), plan.notes());
    }

    @Test
    void steadyMeasuresFromTheFirstIterationInManyShortOnesAndSaysSo() {
        assertEquals(Profile.STEADY, Profile.parse("steady"));
        PassPlan.Iterations w = PassPlan.runs(Profile.STEADY, user(), WRITE);
        assertEquals(new PassPlan.Iterations(0, TimeValue.milliseconds(100), 60, TimeValue.milliseconds(100)), w,
                "the declared 5 x 1000 ms warmup is replaced: it is what is measured");
        assertEquals(w, PassPlan.runs(Profile.STEADY, user(), PLAIN));
        assertEquals(10, Profile.STEADY.forks());
        assertFalse(Profile.STEADY.gcProfiler());
        assertEquals(0, Profile.STEADY.adaptiveForks());
        PassPlan plan = PassPlan.plan(Profile.STEADY, user(), List.of(WRITE, PLAIN));
        assertEquals(1, plan.passes().size());
        assertEquals(List.of("steady: measures from the first iteration, skipping the declared 5 x 1000 ms warmup"
                + " of 1 class (InsertBenchmark)"), plan.notes());
        assertEquals(List.of("your -wi/-w: runs 1 x 100 ms instead of the declared 5 x 1000 ms warmup of 1 class"
                + " (InsertBenchmark)"), PassPlan.plan(Profile.STEADY, user("-wi", "1"), List.of(WRITE)).notes(),
                "your warmup wins, and the note says it is yours");
    }

    @Test
    void aDeclaredSingleShotPlanIsKeptInEveryProfileAndTheUserWins() {
        for (Profile p : Profile.values()) {
            PassPlan.Iterations s = PassPlan.runs(p, user(), SINGLE_SHOT);
            assertEquals(50, s.measurementIterations(), p.id());
            assertEquals(0, s.warmupIterations(), p.id());
            var o = JmhOptionsFactory.build(RunRequest.from(new dev.taskbench.config.Settings(new java.util.Properties(),
                    java.util.Map.of())), user(), new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT, null,
                    null, List.of(), s, null), List.of());
            assertEquals(Profile.STANDARD.forks(), o.getForkCount().get(), "the forks are the profile's");
        }
        assertEquals(7, PassPlan.runs(Profile.STANDARD, user("-i", "7"), SINGLE_SHOT).measurementIterations());
        PassPlan plan = PassPlan.plan(Profile.STANDARD, user("-i", "7", "-wi", "1"), List.of(SINGLE_SHOT, WRITE));
        assertTrue(plan.notes().contains("your -i/-r: measures 7 x " + TimeValue.fromString(
                Profile.STANDARD.measurementTime()) + " instead of the declared 50 x "
                + TimeValue.fromString(Profile.STANDARD.measurementTime()) + " of 1 class (CounterLoopWarmupBenchmark)"),
                plan.notes().toString());
        assertTrue(plan.notes().contains("your -wi/-w: runs 1 x 1000 ms instead of the declared 5 x 1000 ms warmup"
                + " of 1 class (InsertBenchmark)"), plan.notes().toString());
    }
}
