package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ceiling.CeilingProfiler;
import dev.taskbench.ceiling.PgbenchCeiling;
import dev.taskbench.config.Settings;
import dev.taskbench.db.DatabaseLock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.TimeValue;

/** {@code java -jar target/benchmarks.jar} runs the same plan as {@code mvn jmh:run}: a real, short JMH run. */
class JmhMainTest {
    @RegisterExtension
    final BehaviourRunProperties properties = new BehaviourRunProperties();

    /**
     * Under JMH's own CLI the ceiling profiler samples pgbench in this process: it used to take the
     * run lock here for the process's life, and the fork then waited on its own parent until
     * {@code -Dtaskbench.db.lockWaitSeconds} ran out. Now this process holds the database and hands
     * it over; the fork must not even get to wait (a wait of 0 s fails at once).
     */
    @Test
    void aSingleRowWriteRunsToTheEndWithItsCeilingUnderTheJarsMain() throws Exception {
        Assumptions.assumeTrue(PgbenchCeiling.find().isPresent(), "pgbench is not on the PATH: no ceiling to bracket");
        var user = JmhOptionsFactory.parseUserArgs(List.of("InsertBenchmark.requestOneUser$", "-p", "path=jdbcPrepared",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms", "-jvmArgsAppend",
                "-D" + DatabaseLock.WAIT + "=0"));
        Settings settings = Settings.parse(new String[] {"-D" + DatabaseLock.WAIT + "=0"}, Map.of());
        RowPlan plan = Planner.forJmhCli(Profile.SMOKE, user);
        Collection<RunResult> results = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (HeldDatabase db = HeldDatabase.forJmhCli(plan.selected(), user, settings, System.out)) {
                return JmhMain.run(user, plan, CeilingPlan.from(settings.with("taskbench.ceiling", "bracket")
                        .with("taskbench.ceiling.seconds", "1"), Profile.SMOKE), db);
            }
        });
        assertEquals(1, results.size());
        RunResult r = results.iterator().next();
        assertTrue(r.getSecondaryResults().containsKey(CeilingProfiler.RATE), r.getSecondaryResults().keySet().toString());
        assertTrue(r.getPrimaryResult().getScore() > 0);
    }

    @Test
    void theJarsMainKeepsADeclaredSingleShotPlanAndGivesTheRestTheProfile() throws Exception {
        var user = JmhOptionsFactory.parseUserArgs(List.of("-f", "1", "-p", "source=hikari",
                "CounterLoopWarmupBenchmark|ConnectionPoolOverheadBenchmark.oneUser"));
        Collection<RunResult> results = JmhMain.run(user, Planner.forJmhCli(Profile.SMOKE, user), CeilingPlan.OFF,
                HeldDatabase.none());
        Map<String, RunResult> byName = new TreeMap<>();
        results.forEach(r -> byName.put(r.getParams().getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"), r));
        assertEquals(2, byName.size(), byName.keySet().toString());
        var shots = byName.get("CounterLoopWarmupBenchmark.firstCalls").getParams();
        assertEquals(50, shots.getMeasurement().getCount(), "the declared single-shot plan");
        assertEquals(0, shots.getWarmup().getCount());
        var plain = byName.get("ConnectionPoolOverheadBenchmark.oneUser").getParams();
        assertEquals(Profile.SMOKE.measurementIterations(), plain.getMeasurement().getCount());
        assertEquals(TimeValue.fromString(Profile.SMOKE.measurementTime()), plain.getMeasurement().getTime());
        assertEquals(Profile.SMOKE.warmupIterations(), plain.getWarmup().getCount());
    }
}
