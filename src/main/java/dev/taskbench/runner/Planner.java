package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.CeilingReport;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Power;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import dev.taskbench.flags.JvmCheck;
import dev.taskbench.results.RunResults;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Decides what a run does before anything runs: which rows ({@link Selection}) in which passes
 * ({@link PassPlan}), and for {@code mvn jmh:run} the flag sets on their JDKs, the rounds, the
 * baseline jar and the base. Both entries plan rows and passes here: {@code mvn jmh:run}
 * ({@link SuiteRunner}) and JMH's own CLI ({@link JmhMain}).
 */
final class Planner {
    private Planner() {
    }

    /**
     * JMH's own CLI: its include and exclude patterns, every row of each (the standard profile's
     * core rows are {@code mvn jmh:run}'s, for a whole-suite run).
     */
    static RowPlan forJmhCli(Profile profile, CommandLineOptions user) {
        return rows(profile, user, null, false);
    }

    /**
     * The rows of the user's patterns and {@code include} (null: none) under {@code profile}; when
     * nothing narrows the selection and {@code coreRows}, each class's declared core rows.
     */
    static RowPlan rows(Profile profile, CommandLineOptions user, String include, boolean coreRows) {
        List<String> includes = Selection.includes(user, include);
        List<BenchmarkListEntry> selected = Selection.of(includes, user.getExcludes());
        return new RowPlan(profile, selected, PassPlan.plan(profile, user, selected, coreRows && includes.isEmpty()));
    }

    /**
     * {@code mvn jmh:run}'s plan: the rows, the flag sets that can run here (each that cannot is
     * said and recorded), the rounds, the baseline jar and the base. A taken run name, a base that
     * is not there and a baseline jar that is not a file are refused here.
     */
    static RunPlan plan(RunSettings settings, CommandLineOptions user, ResultsStore store, PrintStream out) {
        Profile profile = settings.request().profile();
        RowPlan rows = rows(profile, user, settings.request().include(), true);
        Map<String, Map<String, Object>> report = new LinkedHashMap<>();
        List<Planned> flagSets = flagSets(settings, out, report);
        checkRunId(settings, store);
        Path base = settings.base() == null || settings.baselineJar() != null ? null
                : RunResults.locate(store.root(), settings.base());
        BaselineJar baseline = settings.baselineJar() == null ? null
                : new BaselineJar(settings.baselineJar(), settings.baselineAllowance());
        boolean fixed = user.getForkCount().hasValue();
        StopRule stops = fixed || baseline != null ? null : settings.stopRule();
        // A row's forks in one JMH invocation run back to back: a state of the machine that lasts minutes lands
        // in all of them, and the stop rule reads their agreement as a decided row. In rounds of one fork each,
        // every row's first fork runs before any row's second, so such a state shows as spread instead.
        boolean interleave = settings.interleave() && flagSets.size() > 1 || baseline != null || stops != null;
        int forks = user.getForkCount().orElse(baseline != null ? startingPairs(settings, profile)
                : stops != null ? stops.minForks() : profile.forks());
        boolean database = HeldDatabase.needed(rows.selected());
        boolean covered = database && rows.selected().stream().anyMatch(e -> CeilingReport.covers(e.getUsername()));
        return new RunPlan(rows, flagSets, report, interleave && forks > 0 ? forks : 1, baseline,
                settings.candidateJvmArgs(), database, covered, stops, base);
    }

    /**
     * The fork pairs a run beside a baseline jar starts with, before {@link AdaptiveForks} adds any:
     * under a profile with a stop rule, its minimum, and at least the fewest pairs with which the
     * exact test can flag a row that alone differs ({@link Power#forksNeeded}, one row: 4 at alpha
     * 0.05, where 3 a side can never be significant; never beyond the adaptive cap); otherwise the profile's fixed forks.
     */
    static int startingPairs(RunSettings settings, Profile profile) {
        StopRule rule = settings.stopRule();
        if (rule == null) {
            return profile.forks();
        }
        Criteria c = settings.criteria();
        int needed = Math.min(Power.forksNeeded(1, c.alpha(), c.minForks()), Math.max(rule.minForks(),
                settings.adaptiveForks()));
        return Math.max(rule.minForks(), needed);
    }

    /** A run name given with {@code -Dtaskbench.run.id} must be new: said before anything runs. */
    private static void checkRunId(RunSettings settings, ResultsStore store) {
        String runId = settings.runId();
        if (runId != null && (Files.exists(store.root().resolve(runId)) || Files.exists(store.staging(runId)))) {
            throw new TaskbenchException("-D" + RunSettings.RUN_ID + "=" + runId + " is not a new run name under "
                    + store.root() + " (letters, digits, . _ -; not taken)");
        }
    }

    /** Resolves the requested flag sets, finds their JDKs and drops the ones the JVM rejects, saying why. */
    private static List<Planned> flagSets(RunSettings settings, PrintStream out, Map<String, Map<String, Object>> report) {
        String flagSpec = settings.flagSpec();
        if (flagSpec == null) {
            String here = System.getProperty("java.version");
            report.put(FlagSet.DEFAULT.name(), Map.of("jdk", here, "options", List.of(), "status", "ran"));
            return List.of(new Planned(FlagSet.DEFAULT, null, "JDK " + here, Runtime.version().feature()));
        }
        Jdks jdks = Jdks.discover(settings.jdks());
        out.println("taskbench: JDKs found: " + jdks);
        List<Planned> plan = new ArrayList<>();
        for (FlagSet set : FlagSets.load(settings.flagSetsFile()).resolveAll(flagSpec)) {
            flagSet(set, jdks, out, report).ifPresent(plan::add);
        }
        if (plan.isEmpty()) {
            throw new TaskbenchException("none of the flag sets " + flagSpec + " can run here (see above)");
        }
        return plan;
    }

    /** One flag set on its JDK, or empty (and why, in the report) when it cannot run here. */
    private static Optional<Planned> flagSet(FlagSet set, Jdks jdks, PrintStream out,
            Map<String, Map<String, Object>> report) {
        Planned p = new Planned(set, Path.of(System.getProperty("java.home"), "bin", "java"),
                "JDK " + System.getProperty("java.version"), Runtime.version().feature());
        String why = null;
        if (set.jdkMajor() != null) {
            var found = jdks.find(set.jdkMajor());
            if (found.isEmpty()) {
                why = "JDK " + set.jdkMajor() + " is not installed (found: " + jdks + "; add one with -D"
                        + RunSettings.JDKS + "=HOME)";
            } else {
                p = new Planned(set, found.get().java(), "JDK " + found.get().version(), found.get().major());
            }
        }
        if (why == null) {
            why = JvmCheck.rejection(p.java(), set.jvmOptions());
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("jdk", p.jdk());
        r.put("java", p.java().toString());
        r.put("options", set.jvmOptions());
        r.put("status", why == null ? "ran" : "unsupported: " + why);
        report.put(set.name(), Collections.unmodifiableMap(r));
        if (why != null) {
            out.println("taskbench: flag set '" + set.name() + "' is unsupported on " + p.jdk() + ": " + why
                    + "; skipped");
        }
        return why == null ? Optional.of(p) : Optional.empty();
    }
}
