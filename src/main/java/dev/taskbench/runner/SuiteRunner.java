package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Command;
import dev.taskbench.config.Settings;
import dev.taskbench.history.ForkHistory;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.PlanLog;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.StopLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The suite's runner, what {@code mvn jmh:run} starts: picks the benchmarks, provisions
 * PostgreSQL once if any of them needs it, runs JMH under each requested flag set (optionally
 * interleaving forks A B C A B C), and publishes {@code results/<run-id>/} with one JMH JSON
 * per flag set, the metadata and, for several flag sets, a pivot table.
 *
 * <p>A run goes through phases, each a class that takes what the one before answered:
 * {@link Planner} decides everything before anything runs ({@link RunPlan}); {@link HistoryPlan} sets each
 * row's starting forks, iterations and warm-up from earlier runs of its testbed; {@link ShardPlan} narrows the
 * run to its shard ({@code -Dtaskbench.shard=K/N}); {@link RunSite}
 * holds the run's name, folder and database until it ends; {@link Execution} runs the rounds
 * ({@link Measurements}); {@link SuspectReruns} re-runs forks the machine disturbed or that stand
 * alone far from their row or its history; {@link RowStops} adds forks to each row until its interval is narrow
 * enough ({@link StopRule}) or it reaches the cap; {@link AdaptiveForks} adds fork pairs where a
 * comparison with the baseline jar is undecided; {@link ModeProfiles} profiles a fork of each mode
 * of a bimodal row, once the results are written; {@link FlameGraphs} profiles; {@link Publishing}
 * writes, publishes
 * and gives the verdict. {@link RunProgress} says before the first fork how long the forks will
 * take, follows them, and sets the plan against the real time once the fork pairs are done.
 *
 * <p>Settings come as {@code -Dkey=value} program arguments (or system properties), read once
 * into {@link RunSettings}; JMH forks never see them.
 */
public final class SuiteRunner {
    private final RunSettings settings;
    /** The same settings untyped, for the database provisioner, which reads its own. */
    private final Settings raw;
    private final CommandLineOptions user;
    private final ResultsStore store;
    private final PrintStream out;
    private final PrintStream err;

    private SuiteRunner(Settings raw, RunSettings settings, CommandLineOptions user, PrintStream out,
            PrintStream err) {
        this.raw = raw;
        this.settings = settings;
        this.user = user;
        this.store = new ResultsStore(settings.resultsRoot());
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the suite in {@link Command}'s frame; returns the process exit code (0 ok, 1 failed or
     * refused, 3 the gate failed). JMH wraps its own failures (a missing BenchmarkList after a
     * rebuild, a lock, a fork that failed), so a failure names its root cause.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the JMH run", Command::rootMessage, args, System.getenv(), err, raw -> {
            RunSettings settings = RunSettings.from(raw);
            return new SuiteRunner(raw, settings, userOptions(settings), out, err).execute();
        });
    }

    private static CommandLineOptions userOptions(RunSettings settings) {
        CommandLineOptions user = JmhOptionsFactory.parseUserArgs(settings.request().jmhArgs());
        if (user.shouldList() || user.shouldHelp() || user.shouldListProfilers()
                || user.shouldListResultFormats() || user.shouldListWithParams()) {
            throw new TaskbenchException("listing and help options are JMH CLI commands: run "
                    + "java -jar target/benchmarks.jar -l (or -h)");
        }
        return user;
    }

    private int execute() throws RunnerException {
        RunPlan plan = Planner.plan(settings, user, store, out);
        try (RunSite site = RunSite.open(plan, settings, raw, store, out)) {
            return run(plan, site);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write the run's files: " + e.getMessage(), e);
        }
    }

    /**
     * The phases of a run, in order, on the site it holds: the rows are planned from history once the
     * testbed they run on is known (the metadata as the run starts), and everything after runs that plan.
     */
    private int run(RunPlan profiled, RunSite site) throws RunnerException, IOException {
        Map<String, Object> started = new Publishing(settings, store, profiled, site, out, err)
                .started(new Execution(settings, user, profiled, site, out).forkJvmArgs());
        RowTestbeds testbeds = RowTestbeds.of(started);
        HistoryPlan whole = HistoryPlan.of(settings, user, profiled, testbeds, err);
        ShardPlan.Narrowed shard = ShardPlan.narrow(settings, user, whole.apply(profiled), whole, testbeds, out);
        HistoryPlan history = shard.history();
        RunPlan plan = shard.plan();
        history.say(out);
        Execution execution = new Execution(settings, user, plan, site, out);
        FlameGraphs flameGraphs = new FlameGraphs(settings, user, plan, site, out);
        Publishing publishing = new Publishing(settings, store, plan, site, out, err);
        RunProgress clock = RunProgress.start(settings, user, plan, history, started, out);
        Measurements measured = execution.rounds(clock);
        SuspectReruns reruns = new SuspectReruns(settings, plan, execution,
                ForkHistory.read(settings.resultsRoot(), started), out);
        clock.phase("re-runs");
        reruns.settle(measured);
        clock.phase("more forks", true);
        StopLog stops = new RowStops(settings, user, plan, history, execution, clock, out).addForksUntilDecided(measured);
        clock.phase("fork pairs");
        StopLog pairs = new AdaptiveForks(settings, plan, execution, clock, out).addForksWhereUndecided(measured);
        out.println(clock.end());
        ForkLog forks = reruns.log(measured);
        Publishing.Written written = publishing.write(measured);
        ModeExplanations modes = ModeProfiles.of(settings, execution, written.ran(), site.staging(), out)
                .explain(ModeProfiles.rows(written.files()));
        Map<String, Object> profiles = flameGraphs.measuredPasses(written.ran().get(0));
        Map<String, Object> metadata = publishing.metadata(started, measured, profiles, forks,
                stops != null ? stops : pairs, modes);
        metadata.put(RunProgress.METADATA_KEY, clock.metadata());
        metadata.put(PlanLog.METADATA_KEY, history.log());
        if (!shard.metadata().isEmpty()) {
            metadata.put(ShardPlan.METADATA_KEY, shard.metadata());
        }
        Path published = publishing.publish(written, metadata);
        return publishing.verdict(measured, written, published, flameGraphs);
    }
}
