package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.declare.Standard;
import dev.taskbench.form.FormParsingBenchmark;
import dev.taskbench.form.StringFromBytesBenchmark;
import dev.taskbench.write.InsertBenchmark;
import dev.taskbench.write.StatementBenchmark;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The standard profile's core rows: declarations that resolve, and the passes they make. */
class CoreRowsTest {
    private static final List<BenchmarkListEntry> SUITE = Selection.of(List.of(), List.of());

    private static CommandLineOptions user(String... args) {
        return JmhOptionsFactory.parseUserArgs(List.of(args));
    }

    @Test
    void everyDeclarationNamesRealMethodsParametersAndValues() {
        assertEquals(List.of(), CoreRows.problems(SUITE));
    }

    @Standard(value = {"decode input=seed,nowhere", "nosuch", "decode", "decode colour=red", "input=seed"}, why = "test")
    static final class Broken {
    }

    @Test
    void aWrongDeclarationIsOneLinePerProblem() {
        Map<String, Map<String, String[]>> methods = Map.of("decode",
                Map.of("input", new String[] {"seed", "ascii"}, "contender", new String[] {"taskbench"}));
        List<String> problems = CoreRows.problems("Broken", Broken.class.getAnnotation(Standard.class), methods);
        assertEquals(List.of(
                "Broken @Standard \"decode input=seed,nowhere\": input has no value nowhere (it takes seed, ascii)",
                "Broken @Standard \"nosuch\": no benchmark method nosuch",
                "Broken @Standard \"decode\": decode is listed twice",
                "Broken @Standard \"decode colour=red\": decode is listed twice",
                "Broken @Standard \"decode colour=red\": decode has no parameter colour",
                "Broken @Standard \"input=seed\": an entry starts with a method name: \"input=seed\""), problems);
    }

    @Test
    void theWholeSuiteInTheStandardProfileRunsTheCoreRowsOnly() {
        PassPlan plan = PassPlan.plan(Profile.STANDARD, user(), SUITE, true);
        String decode = FormParsingBenchmark.class.getName() + ".decode";
        PassPlan.Iterations formPass = passOf(plan, decode);
        assertEquals(Map.of("input", List.of("seed", "nonAscii")), formPass.params());
        assertEquals(2, formPass.warmupIterations(), "the class's declared warmup, kept");
        assertTrue(plan.leftOut().contains(StringFromBytesBenchmark.class.getName() + ".latin1"), "no core row");
        assertTrue(plan.leftOut().contains(InsertBenchmark.class.getName() + ".batch"), "method not listed");
        assertEquals(Map.of("how", List.of("copy", "unnest", "multiValues")),
                passOf(plan, StatementBenchmark.class.getName() + ".bulk1000").params());
        assertEquals(Map.of(), passOf(plan, InsertBenchmark.class.getName() + ".requestOneUser").params(),
                "a listed method without values: every row");
        for (PassPlan.Iterations it : plan.passes().keySet()) {
            assertTrue(plan.excludesFor(it).contains("^" + Pattern.quote(InsertBenchmark.class.getName() + ".batch")
                    + "$"), "a left-out method is excluded from every pass, or the include would run it");
        }
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("standard: the declared core rows of the suite, ")),
                plan.notes().toString());
    }

    @Test
    void everyRowRunsInTheFullProfileWhenBenchmarksAreNamedOrWhenTheUserPinsAParameter() {
        for (PassPlan plan : List.of(PassPlan.plan(Profile.FULL, user(), SUITE, true),
                PassPlan.plan(Profile.STANDARD, user(), SUITE, false))) {
            assertEquals(List.of(), plan.leftOut());
            plan.passes().keySet().forEach(it -> assertEquals(Map.of(), it.params()));
        }
        PassPlan mine = PassPlan.plan(Profile.STANDARD, user("-p", "input=ascii"), SUITE, true);
        assertEquals(Map.of(), passOf(mine, FormParsingBenchmark.class.getName() + ".decode").params(),
                "the user's -p is theirs");
    }

    @Test
    void aPassPinsItsValuesInTheOptionsJmhRuns() {
        PassPlan plan = PassPlan.plan(Profile.STANDARD, user(), SUITE, true);
        PassPlan.Iterations it = passOf(plan, FormParsingBenchmark.class.getName() + ".decode");
        var o = JmhOptionsFactory.build(RunRequest.from(new dev.taskbench.config.Settings(new java.util.Properties(),
                Map.of())), user(), new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT, null, null,
                plan.excludesFor(it), it, null), List.of());
        assertEquals(List.of("seed", "nonAscii"), List.copyOf(o.getParameter("input").get()));
    }

    private static PassPlan.Iterations passOf(PassPlan plan, String benchmark) {
        return plan.passes().entrySet().stream().filter(e -> e.getValue().contains(benchmark)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError(benchmark + " is in no pass"));
    }
}
