package dev.taskbench.runner;

import dev.taskbench.ExitCodes;
import dev.taskbench.ceiling.CeilingReport;
import dev.taskbench.config.Command;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.flags.FlagSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar target/benchmarks.jar}: JMH's own CLI, running the plan {@code mvn jmh:run} makes
 * ({@link Planner}, see {@link Profile}), once for the measured passes and the profiling pass: the
 * profile ({@code -Dtaskbench.profile}, default standard) beneath the JMH options given, the gc
 * profiler in the measuring profiles, the pgbench ceiling profiler around declared single-row
 * writes when pgbench is on the PATH ({@code -Dtaskbench.ceiling=bracket}, the default outside
 * smoke; {@code -Dtaskbench.ceiling.seconds}). Listing and help ({@code -l}, {@code -lp}, {@code -h}, ...)
 * are JMH's own. {@code -Dtaskbench.profilers} adds the profiling pass ({@link Profiling}) into {@code ./profiles}.
 * As under {@code mvn jmh:run}, this process holds the database for the whole run and hands it to
 * every fork ({@link HeldDatabase}).
 * {@code -Dtaskbench.help} prints the settings ({@link SettingsCatalogue}); a {@code -Dtaskbench.*} they do not
 * declare is refused in one line before anything runs. It ends as every command does ({@link Command}).
 */
public final class JmhMain {
    private JmhMain() {
    }

    public static void main(String[] args) {
        if (helpAsked(System.getProperty(SettingsCatalogue.HELP.key()), args)) {
            SettingsCatalogue.help().forEach(System.out::println);
            return;
        }
        // the settings come as system properties only: the arguments are JMH's
        System.exit(Command.run("the JMH run", Command::rootMessage, new String[0], System.getenv(), System.err,
                settings -> run(args, settings)));
    }

    /** The jar's run, once its settings are known: JMH's own listing and help, else the plan on the database held. */
    private static int run(String[] args, Settings settings) throws Exception {
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line:");
            System.err.println(" " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (user.shouldList() || user.shouldListWithParams() || user.shouldHelp() || user.shouldListProfilers()
                || user.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return ExitCodes.OK;
        }
        Profile profile = Profile.parse(settings.get(SettingsCatalogue.PROFILE));
        Profiling profiling = Profiling.from(settings);
        RowPlan plan = Planner.forJmhCli(profile, user);
        try (HeldDatabase db = HeldDatabase.forJmhCli(plan.selected(), user, settings, System.out)) {
            run(user, plan, CeilingPlan.from(settings, profile), db);
            profile(user, plan, profiling, Path.of(ProfilePass.FOLDER), db);
        }
        return ExitCodes.OK;
    }

    /**
     * {@code java -Dtaskbench.help -jar ...} (any value but false), or {@code -Dtaskbench.help} after
     * {@code -jar}, where JMH's CLI would refuse it as an option.
     */
    static boolean helpAsked(String property, String[] args) {
        if (property != null && !property.strip().equalsIgnoreCase("false")) {
            return true;
        }
        String flag = SettingsCatalogue.HELP.flag();
        return Arrays.stream(args).anyMatch(a -> a.equals(flag) || a.equalsIgnoreCase(flag + "=true"));
    }

    /**
     * Every pass of the plan, on the database {@code db} holds for the whole run (its forks are
     * handed it; none of them provisions or locks it).
     */
    static Collection<RunResult> run(CommandLineOptions user, RowPlan plan, CeilingPlan ceilingPlan, HeldDatabase db)
            throws Exception {
        PassPlan passes = plan.passes();
        passes.notes().forEach(n -> System.out.println("taskbench: " + n));
        RunRequest request = new RunRequest(plan.profile(), List.of(), null, Path.of("results"));
        String ceiling = ceiling(user, plan, ceilingPlan, db.handoff());
        boolean ownResultFile = user.getResult().hasValue() || user.getResultFormat().hasValue();
        List<RunResult> all = new ArrayList<>();
        for (PassPlan.Iterations it : passes.passes().keySet()) {
            JmhOptionsFactory.Pass pass = new JmhOptionsFactory.Pass(FlagSet.DEFAULT, null, null,
                    passes.excludesFor(it), it, ceiling);
            Options o = JmhOptionsFactory.build(request, user, pass, db.forkProperties());
            all.addAll(passes.passes().size() > 1 && ownResultFile ? runQuietly(o) : new Runner(o).run());
        }
        if (passes.passes().size() > 1 && ownResultFile) {
            writeResult(user, all);
        }
        return all;
    }

    /** {@code -Dtaskbench.profilers}: the same unmeasured profiling pass as {@code mvn jmh:run}, into {@code dir}. */
    static List<Path> profile(CommandLineOptions user, RowPlan plan, Profiling profiling, Path dir, HeldDatabase db) {
        if (!profiling.on()) {
            return List.of();
        }
        RunRequest request = new RunRequest(plan.profile(), List.of(), null, Path.of("results"));
        List<Options> passes = new ArrayList<>();
        for (PassPlan.Iterations it : plan.passes().passes().keySet()) {
            passes.add(JmhOptionsFactory.build(request, user, new JmhOptionsFactory.Pass(FlagSet.DEFAULT, null, 1,
                    plan.passes().excludesFor(it), it, null), db.forkProperties()));
        }
        List<Path> rows = ProfilePass.run(profiling, passes, dir.toAbsolutePath(), System.out);
        System.out.println("taskbench: " + rows.size() + " row(s) profiled: flame graphs in " + dir
                + "/<row>/<event>.html");
        return rows;
    }

    /** The ceiling profiler's init line, when declared single-row writes run in forks and the plan samples beside them. */
    private static String ceiling(CommandLineOptions user, RowPlan plan, CeilingPlan ceilingPlan, Path handoff) {
        boolean covered = plan.selected().stream().anyMatch(e -> CeilingReport.covers(e.getUsername()));
        boolean forks = user.getForkCount().orElse(plan.profile().forks()) > 0;
        return covered && forks && handoff != null
                ? ceilingPlan.initLine(handoff, FlagSet.DEFAULT.name(), "main-" + ProcessHandle.current().pid()) : null;
    }

    /** A pass whose result file JMH writes to a scratch file: the user's file holds every pass. */
    private static Collection<RunResult> runQuietly(Options o) throws Exception {
        Path scratch = Files.createTempFile("taskbench-pass-", ".result");
        try {
            return new Runner(new OptionsBuilder().parent(o)
                    .result(scratch.toString()).build()).run();
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void writeResult(CommandLineOptions user, List<RunResult> all) throws IOException {
        ResultFormatType type = user.getResultFormat().orElse(Defaults.RESULT_FORMAT);
        String file = user.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "." + type.toString().toLowerCase());
        ResultFormatFactory.getInstance(type, file).writeOut(all);
        System.out.println("taskbench: results of every pass written to " + file);
    }
}
