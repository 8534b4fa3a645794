package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void theJarsMainKeepsADeclaredSingleShotPlanAndGivesTheRestTheProfile() throws Exception {
        var user = JmhOptionsFactory.parseUserArgs(List.of("-f", "1", "-p", "source=hikari",
                "CounterLoopWarmupBenchmark|ConnectionPoolOverheadBenchmark.oneUser"));
        Collection<RunResult> results = JmhMain.run(user, Profile.SMOKE, CeilingPlan.OFF);
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
