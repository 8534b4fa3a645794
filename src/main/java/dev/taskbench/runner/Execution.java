package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.CeilingProfiler;
import dev.taskbench.config.Command;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.stability.NeighbourCpu;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The measured forks of a run: round by round, each flag set's passes in turn (one per iteration
 * plan), each followed by one fork of the baseline jar when there is one (A B A B); a flag set
 * that fails is dropped and the others go on. What the forks measure accumulates in one
 * {@link Measurements}, which only this class adds to.
 */
final class Execution {
    private final RunRequest request;
    private final CommandLineOptions user;
    private final CeilingPlan ceiling;
    private final RunPlan plan;
    private final RunSite site;
    private final RowForks rowForks;
    private final PrintStream out;
    private final Measurements measured = new Measurements();
    /** The whole run's clock, told of the baseline jar's forks (the candidate's forks tell it themselves). */
    private RunProgress progress;

    Execution(RunSettings settings, CommandLineOptions user, RunPlan plan, RunSite site, PrintStream out) {
        this.request = settings.request();
        this.user = user;
        this.ceiling = settings.ceiling();
        this.plan = plan;
        this.site = site;
        this.rowForks = new RowForks(request, user, plan);
        this.out = out;
    }

    /** Says what runs, then runs every round, each baseline round told to {@code progress}; answers what the forks measured. */
    Measurements rounds(RunProgress progress) throws RunnerException, IOException {
        this.progress = progress;
        announce();
        ForkLoad.watch(ownTrees());
        if (JmhOptionsFactory.userChoseResultFile(user)) {
            out.println("taskbench: note: -rf/-rff are ignored; JSON results go to the run folder");
        }
        plan.passes().notes().forEach(n -> out.println("taskbench: " + n));
        if (plan.baseline() != null) {
            Files.createDirectories(baselineDir());
        }
        for (int round = 0; round < plan.rounds(); round++) {
            runRound(round);
        }
        return measured;
    }

    /** One more fork of one method's rows, then one of the baseline jar, as in a round; {@code pairs} so far. */
    void forkPair(Planned p, List<BenchmarkKey> rows, int pairs) throws RunnerException {
        out.printf("taskbench: fork pair %d, flag set %s: %s%n", pairs + 1, p.flagSet().name(), RowForks.name(rows));
        JmhOptionsFactory.Pass pass = candidateFork(p, rows);
        String method = rows.get(0).benchmark();
        Map<String, Set<String>> params = RowForks.paramProduct(rows);
        runBaselineRound(p, rowForks.options(pass.withoutCeiling(), site.forkProps(), params),
                ".adaptive-" + pairs + "-" + Integer.toHexString((method + params).hashCode()));
        progress.elsewhere(p.flagSet().name(), method, params.values().stream().mapToInt(Set::size)
                .reduce(1, (a, b) -> a * b));
    }

    /** One more fork of one method's rows, the candidate's only: what a row whose stop rule does not hold gets. */
    void fork(Planned p, List<BenchmarkKey> rows, int forks) throws RunnerException {
        out.printf("taskbench: fork %d, flag set %s: %s%n", forks + 1, p.flagSet().name(), RowForks.name(rows));
        candidateFork(p, rows);
    }

    /** One candidate fork of the rows' method over their parameter product; answers its pass for the baseline's. */
    private JmhOptionsFactory.Pass candidateFork(Planned p, List<BenchmarkKey> rows) throws RunnerException {
        JmhOptionsFactory.Pass pass = rowForks.pass(p, rows.get(0).benchmark(), rows.get(0).params(),
                ceilingInitLine(p));
        Map<String, Set<String>> params = RowForks.paramProduct(rows);
        run(p, rowForks.options(pass, candidateForkArgs(), params));
        return pass;
    }

    /**
     * {@code forks} fresh forks of one row of one flag set, in its pass's iterations, its parameters,
     * mode and threads pinned: what replaces its suspect forks ({@link SuspectReruns}).
     */
    void rerun(Planned p, BenchmarkParams row, int forks) throws RunnerException {
        Map<String, String> values = new TreeMap<>();
        row.getParamsKeys().forEach(k -> values.put(k, row.getParam(k)));
        JmhOptionsFactory.Pass pass = rowForks.pass(p, row.getBenchmark(), values, ceilingInitLine(p)).withForks(forks);
        Map<String, Set<String>> params = new TreeMap<>();
        values.forEach((k, v) -> params.put(k, Set.of(v)));
        Options options = new OptionsBuilder().parent(rowForks.options(pass, candidateForkArgs(), params))
                .mode(row.getMode()).threads(row.getThreads()).build();
        run(p, options);
    }

    /**
     * The options of one unmeasured fork of one row of one flag set, as its measured forks ran
     * (its pass's iterations, its fork JVM arguments), its parameters, mode and threads pinned:
     * what {@link ModeProfiles} profiles. Nothing it runs is added to the measurements.
     */
    Options profiledFork(Planned p, BenchmarkKey row) {
        JmhOptionsFactory.Pass pass = rowForks.pass(p, row.benchmark(), row.params(), null).withForks(1);
        Map<String, Set<String>> params = new TreeMap<>();
        row.params().forEach((k, v) -> params.put(k, Set.of(v)));
        return new OptionsBuilder().parent(rowForks.options(pass, candidateForkArgs(), params))
                .mode(Mode.deepValueOf(row.mode())).threads(row.threads()).build();
    }

    /**
     * One JMH invocation of the candidate's forks, added to the measurements. A row whose fork fails
     * ends there and the others go on ({@link ForkFailures}), unless {@code -foe true} asked JMH to
     * end the run.
     */
    private void run(Planned p, Options options) throws RunnerException {
        Options sampled = sampled(options);
        ForkFailures watch = ForkFailures.onConsole(sampled);
        var results = new Runner(sampled, watch).run();
        watch.failed().forEach((row, why) -> {
            if (measured.failRow(p.flagSet().name(), row, why)) {
                out.println("taskbench: " + row.label() + flagSetSuffix(p) + " failed: " + why
                        + "; the row ends here and is left out of the findings, the other rows go on");
            }
        });
        measured.add(p.flagSet().name(), results);
    }

    private String flagSetSuffix(Planned p) {
        return plan.flagSets().size() > 1 ? " (flag set " + p.flagSet().name() + ")" : "";
    }

    /**
     * The candidate's forks are watched for what the rest of the machine does beside them
     * ({@link ForkLoad}), and a failing row does not end the others unless the user said so.
     */
    private Options sampled(Options options) {
        OptionsBuilder b = new OptionsBuilder();
        b.parent(options).addProfiler(ForkLoad.class);
        if (!user.shouldFailOnError().hasValue()) {
            b.shouldFailOnError(false);
        }
        return b.build();
    }

    /** The fork JVM arguments the first flag set runs with, for the metadata (no hand-off path). */
    List<String> forkJvmArgs() {
        JmhOptionsFactory.Pass first = new JmhOptionsFactory.Pass(plan.flagSets().get(0).flagSet(), null, null,
                List.of(), null, null);
        Options o = JmhOptionsFactory.build(request, user, first, candidateForkArgs());
        List<String> args = new ArrayList<>(o.getJvmArgs().orElse(List.of()));
        args.addAll(o.getJvmArgsAppend().orElse(List.of()));
        args.removeIf(a -> a.startsWith("-D" + DatabaseHandoff.PROPERTY + "="));
        return args;
    }

    /** This JVM's tree (its forks) and, when the run drives a database, PostgreSQL's. */
    private List<Long> ownTrees() {
        List<Long> roots = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        if (site.db() != null) {
            roots.addAll(NeighbourCpu.system().treesOf("postgres"));
        }
        return roots;
    }

    private void announce() {
        SortedSet<String> classes = new TreeSet<>();
        plan.selected().forEach(e -> classes.add(e.getUserClassQName()));
        out.printf("taskbench: run %s, profile %s, %d benchmark(s) in %d class(es), flag set(s) %s%s%s%n",
                site.runId(), request.profile().id(), plan.selected().size(), classes.size(),
                plan.flagSets().stream().map(p -> p.flagSet().name()).toList(), plan.rounds() > 1 ? ", in " + plan.rounds()
                        + " rounds of one fork a row" + (plan.flagSets().size() > 1 ? ", flag sets interleaved" : "") : "",
                site.db() == null ? ", no database needed" : ", database: " + site.db().info());
    }

    private void runRound(int round) throws RunnerException {
        for (Planned p : plan.flagSets()) {
            if (!measured.failed(p.flagSet().name())) {
                runFlagSetSafely(p, round);
            }
        }
    }

    /**
     * One flag set failing (Epsilon running out of heap, say, or every row of it failing) must not cost
     * the others' results.
     */
    private void runFlagSetSafely(Planned p, int round) throws RunnerException {
        try {
            runFlagSet(p, round);
            everyRowFailed(p.flagSet().name());
        } catch (RunnerException | RuntimeException e) {
            if (plan.flagSets().size() == 1) {
                throw e;
            }
            String why = Command.rootMessage(e);
            measured.fail(p.flagSet().name(), why);
            out.println("taskbench: flag set '" + p.flagSet().name() + "' failed: " + why
                    + "; its results are dropped, the other sets go on");
        }
    }

    /** A flag set whose every row failed has nothing left to measure: a one-line error naming the first. */
    private void everyRowFailed(String flagSet) {
        Map<BenchmarkKey, String> failed = measured.failedRows().getOrDefault(flagSet, Map.of());
        if (!failed.isEmpty() && measured.kept(flagSet).isEmpty()) {
            var first = failed.entrySet().iterator().next();
            throw new TaskbenchException("every row failed" + (failed.size() > 1 ? " (" + failed.size() + ")" : "")
                    + ", the first " + first.getKey().label() + ": " + first.getValue());
        }
    }

    /** One flag set's share of a round: a pass per iteration plan, each followed by the baseline jar. */
    private void runFlagSet(Planned p, int round) throws RunnerException {
        int group = 0;
        JdkFilter jdk = plan.kept(p);
        if (round == 0) {
            jdk.leftOut().forEach(line -> out.println("taskbench: " + line));
        }
        List<String> kept = jdk.kept().stream().map(BenchmarkListEntry::getUsername).toList();
        for (PassPlan.Iterations it : plan.passes().passes().keySet()) {
            if (plan.passes().passes().get(it).stream().noneMatch(kept::contains)) {
                group++;
                continue;
            }
            List<String> excludes = new ArrayList<>(plan.passes().excludesFor(it));
            plan.selected().stream().map(BenchmarkListEntry::getUsername).filter(n -> !kept.contains(n))
                    .forEach(n -> excludes.add("^" + Pattern.quote(n) + "$"));
            JmhOptionsFactory.Pass pass = new JmhOptionsFactory.Pass(p.flagSet(), p.java(), plan.passForks(),
                    excludes, it, ceilingInitLine(p));
            out.printf("taskbench: flag set %s on %s%s%s%n", p.flagSet().name(), p.jdk(),
                    plan.rounds() > 1 ? ", round " + (round + 1) + " of " + plan.rounds() : "",
                    plan.passes().passes().size() > 1 ? ", warmup " + it.warmup() + ", measurement " + it.measurement()
                            : "");
            run(p, JmhOptionsFactory.build(request, user, pass, candidateForkArgs()));
            if (plan.baseline() != null) {
                runBaseline(p, pass.withoutCeiling(), round, group);
                progress.elsewhere(p.flagSet().name(), plan.passes().passes().get(it).stream().filter(kept::contains)
                        .toList());
            }
            group++;
        }
    }

    private void runBaseline(Planned p, JmhOptionsFactory.Pass pass, int round, int group) {
        out.printf("taskbench: baseline jar, flag set %s, round %d of %d%n", p.flagSet().name(), round + 1,
                plan.rounds());
        runBaselineRound(p, JmhOptionsFactory.build(request, user, pass, site.forkProps()),
                ".round-" + round + "-" + group);
    }

    /**
     * One fork of the baseline jar with these options, kept as a round file until the rounds are
     * joined, and what the rest of the machine did beside each of its forks ({@link BaselineForkLoad}).
     */
    private void runBaselineRound(Planned p, Options options, String name) {
        Path f = baselineDir().resolve(name + "-" + p.flagSet().fileName() + ".json");
        BaselineForkLoad watched = BaselineForkLoad.onThisMachine();
        try {
            measured.addBaselineRound(p.flagSet().fileName(), () -> plan.baseline().runRound(options, request.profile(),
                    p.forkJava(), plan.selected(), f, watched::line));
        } finally {
            measured.addBaselineForks(p.flagSet().name(), f, watched.finish());
        }
        CeilingProfiler.somethingElseRan(site.runId());
    }

    private String ceilingInitLine(Planned p) {
        return plan.ceilingCovered() ? ceiling.initLine(site.handoff(), p.flagSet().name(), site.runId()) : null;
    }

    private List<String> candidateForkArgs() {
        return plan.candidateForkArgs(site.forkProps());
    }

    private Path baselineDir() {
        return site.staging().resolve(BaselineJar.FOLDER);
    }
}
