package dev.taskbench.runner;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.CeilingProfiler;
import dev.taskbench.ceiling.CeilingReport;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.config.Settings;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.net.TcpProxy;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import dev.taskbench.flags.JvmCheck;
import dev.taskbench.report.ComparisonReports;
import dev.taskbench.report.FindingsReport;
import dev.taskbench.report.Pivot;
import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import dev.taskbench.report.RunReport;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.ProfileEvent;
import dev.taskbench.results.ReferenceResult;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The suite's runner, what {@code mvn jmh:run} starts: picks the benchmarks, provisions
 * PostgreSQL once if any of them needs it, runs JMH under each requested flag set (optionally
 * interleaving forks A B C A B C), and publishes {@code results/<run-id>/} with one JMH JSON
 * per flag set, the metadata and, for several flag sets, a pivot table.
 *
 * <p>Settings come as {@code -Dkey=value} program arguments (or system properties), read once
 * into {@link RunSettings}; JMH forks never see them.
 */
public final class SuiteRunner {
    public static final String PIVOT_FILE = "pivot.txt";
    public static final String REFERENCE_FILE = "reference.json";
    public static final String CEILING_FILE = "ceiling.txt";

    /**
     * A flag set that will run: on which JVM ({@code java} null: the runner's), its label and its
     * feature release.
     */
    record Planned(FlagSet flagSet, Path java, String jdk, int feature) {
        /** The {@code java} its forks start with. */
        Path forkJava() {
            return java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        }
    }

    /** What this run does, decided before anything runs. */
    record RunPlan(String runId, List<BenchmarkListEntry> selected, List<Planned> flagSets, PassPlan passes,
            int rounds, List<String> forkProps, Path handoff, BaselineJar baseline, boolean ceilingCovered,
            List<String> candidateJvmArgs) {
        Integer passForks() {
            return rounds > 1 ? Integer.valueOf(1) : null;
        }

        /** The candidate's forks: the hand-off, then what only the candidate gets (a planted slowdown, say). */
        List<String> candidateForkArgs() {
            List<String> args = new ArrayList<>(forkProps);
            args.addAll(candidateJvmArgs);
            return args;
        }
    }

    private final RunSettings settings;
    /** The same settings untyped, for the database provisioner, which reads its own. */
    private final Settings raw;
    private final CommandLineOptions user;
    private final PrintStream out;
    private final PrintStream err;
    private final ResultsStore store;
    private final Map<String, Object> flagReport = new LinkedHashMap<>();
    private final Map<String, List<RunResult>> results = new LinkedHashMap<>();
    private final Map<String, List<Path>> baselineRounds = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private final Duration roundTrip;
    private ProvisionedDatabase db;
    private DatabaseLock lock;
    /** The delaying proxy the run's connections go through, when {@link #roundTrip} is not zero. */
    private TcpProxy latency;
    private RunGuard guard;
    private Path staging;

    private SuiteRunner(Settings raw, RunSettings settings, CommandLineOptions user, PrintStream out,
            PrintStream err) {
        this.raw = raw;
        this.roundTrip = settings.roundTrip();
        this.settings = settings;
        this.user = user;
        this.out = out;
        this.err = err;
        this.store = new ResultsStore(settings.resultsRoot());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the suite; returns the process exit code (0 ok, 1 failed or refused, 3 the gate failed). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = false;
        try {
            Settings raw = Settings.parse(args, System.getenv());
            RunSettings settings = RunSettings.from(raw);
            debug = settings.debug();
            return new SuiteRunner(raw, settings, userOptions(settings), out, err).execute();
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return e.exitCode();
        } catch (RunnerException | RuntimeException e) {
            // JMH reports its own failures (a missing BenchmarkList after a rebuild, a lock) as exceptions
            err.println("taskbench: the JMH run failed: " + rootMessage(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.FAILED;
        }
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
        List<BenchmarkListEntry> selected = selected(includes(), user.getExcludes());
        List<Planned> flagSets = plan(settings, out, flagReport);
        checkRunId();
        Path base = gateBase();
        String runId = null;
        try (RunGuard g = new RunGuard(store)) {
            guard = g;
            db = HeldDatabase.needed(selected) ? DatabaseProvisioner.standard(raw).provision() : null;
            lock = db == null ? null : DatabaseLock.acquire(db.info(), settings.lockWait(), "run", out);
            runId = claimRunId(); // after the lock: a run that waited is named when it starts
            staging = store.staging(runId);
            guard.staging(runId);
            RunPlan plan = runPlan(runId, selected, flagSets, handoff());
            return runAndPublish(plan, base);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write the run's files: " + e.getMessage(), e);
        } finally {
            cleanUp(runId);
        }
    }

    private List<String> includes() {
        List<String> includes = new ArrayList<>(user.getIncludes());
        if (settings.request().include() != null) {
            includes.add(settings.request().include());
        }
        return includes;
    }

    /** A run name given with {@code -Dtaskbench.run.id} must be new: said before anything runs. */
    private void checkRunId() {
        String runId = settings.runId();
        if (runId != null && (Files.exists(store.root().resolve(runId)) || Files.exists(store.staging(runId)))) {
            throw new TaskbenchException("-D" + RunSettings.RUN_ID + "=" + runId + " is not a new run name under "
                    + store.root() + " (letters, digits, . _ -; not taken)");
        }
    }

    /** The run's name, claimed with its staging folder, so two runs started together never share one. */
    private String claimRunId() {
        String runId = settings.runId();
        if (runId == null) {
            return store.beginNew(settings.request().profile().id(), LocalDateTime.now());
        }
        store.begin(runId);
        return runId;
    }

    /** The run to compare with: {@code -Dbase}, unless a baseline jar's interleaved results are the base. */
    private Path gateBase() {
        return settings.base() == null || settings.baselineJar() != null ? null
                : RunResults.locate(store.root(), settings.base());
    }

    private Path handoff() throws IOException {
        if (db == null) {
            return null;
        }
        Path handoff = DatabaseHandoff.newFile(settings.handoffDir());
        guard.handoff(handoff);
        DatabaseHandoff.write(handoff, throughLatency(db.info()), db.source());
        return handoff;
    }

    /**
     * {@code -Dtaskbench.db.roundTripMs=N}: the run's connections (benchmarks, proofs, pgbench) go
     * through a {@link TcpProxy} in this process that adds N ms to every round trip; 0, the default,
     * connects directly.
     */
    private ConnectionInfo throughLatency(ConnectionInfo info) throws IOException {
        if (roundTrip.isZero()) {
            return info;
        }
        latency = TcpProxy.delayed(info, roundTrip);
        out.println("taskbench: every connection of the run goes through a proxy adding " + roundTrip.toMillis()
                + " ms to each round trip (-D" + RunSettings.ROUND_TRIP + ")");
        return latency.info(info);
    }

    private RunPlan runPlan(String runId, List<BenchmarkListEntry> selected, List<Planned> flagSets, Path handoff) {
        BaselineJar baseline = settings.baselineJar() == null ? null
                : new BaselineJar(settings.baselineJar(), settings.baselineAllowance());
        boolean interleave = settings.interleave() && flagSets.size() > 1 || baseline != null;
        int forks = user.getForkCount().orElse(settings.request().profile().forks());
        List<String> forkProps = handoff == null ? List.of()
                : List.of("-D" + DatabaseHandoff.PROPERTY + "=" + handoff);
        boolean covered = db != null && selected.stream().anyMatch(e -> CeilingReport.covers(e.getUsername()));
        PassPlan passes = PassPlan.plan(settings.request().profile(), user, selected,
                includes().isEmpty());
        return new RunPlan(runId, selected, flagSets, passes, interleave && forks > 0 ? forks : 1, forkProps, handoff,
                baseline, covered, settings.candidateJvmArgs());
    }

    private int runAndPublish(RunPlan plan, Path base) throws IOException, RunnerException {
        Map<String, Object> metadata = metadata(plan);
        announce(plan);
        if (JmhOptionsFactory.userChoseResultFile(user)) {
            out.println("taskbench: note: -rf/-rff are ignored; JSON results go to the run folder");
        }
        plan.passes().notes().forEach(n -> out.println("taskbench: " + n));
        if (plan.baseline() != null) {
            metadata.put("baselineJar", settings.baselineJar().toString());
            Files.createDirectories(baselineDir());
        }
        for (int round = 0; round < plan.rounds(); round++) {
            runRound(plan, round);
        }
        addForksWhereUndecided(plan);
        List<Planned> ran = survivors(plan);
        mergeBaselineRounds();
        Map<String, Path> files = writeResults(ran);
        writePivot(plan, ran, files);
        writeCeiling(plan, files);
        profile(plan, ran.get(0), metadata);
        List<Answer> answers = writeRunReports(staging, plan.runId(), metadata, files);
        Path published = guard.publish(() -> store.commit(plan.runId(), metadata));
        store.writeIndex();
        out.println();
        out.print(FindingsReport.text(answers, Criteria.defaults()));
        out.println();
        out.println("taskbench: reports: " + published.resolve("report.html") + " and report.md beside it");
        out.println("taskbench: results written to " + published);
        return verdict(plan, published, base);
    }

    private Map<String, Object> metadata(RunPlan plan) {
        Map<String, Object> metadata = RunMetadata.collect(plan.runId(), settings.request(),
                settings.request().jmhArgs(), forkJvmArgs(plan.flagSets().get(0).flagSet(), plan.candidateForkArgs()), db,
                settings.projectDir(), roundTrip);
        metadata.put("flagSets", flagReport);
        metadata.put("interleaved", plan.rounds() > 1 ? plan.rounds() + " rounds of 1 fork per flag set" : "no");
        return metadata;
    }

    private void announce(RunPlan plan) {
        SortedSet<String> classes = new TreeSet<>();
        plan.selected().forEach(e -> classes.add(e.getUserClassQName()));
        out.printf("taskbench: run %s, profile %s, %d benchmark(s) in %d class(es), flag set(s) %s%s%s%n",
                plan.runId(), settings.request().profile().id(), plan.selected().size(), classes.size(),
                plan.flagSets().stream().map(p -> p.flagSet().name()).toList(), plan.rounds() > 1 ? ", interleaved" : "",
                db == null ? ", no database needed" : ", database: " + db.info());
    }

    private void runRound(RunPlan plan, int round) throws RunnerException {
        for (Planned p : plan.flagSets()) {
            if (!failed.containsKey(p.flagSet().name())) {
                runFlagSetSafely(plan, p, round);
            }
        }
    }

    /** One flag set failing (Epsilon running out of heap, say) must not cost the others' results. */
    private void runFlagSetSafely(RunPlan plan, Planned p, int round) throws RunnerException {
        try {
            runFlagSet(plan, p, round);
        } catch (RunnerException | RuntimeException e) {
            if (plan.flagSets().size() == 1) {
                throw e;
            }
            String why = rootMessage(e);
            failed.put(p.flagSet().name(), why);
            out.println("taskbench: flag set '" + p.flagSet().name() + "' failed: " + why
                    + "; its results are dropped, the other sets go on");
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) flagReport.get(p.flagSet().name());
            r.put("status", "failed: " + why);
        }
    }

    /** One flag set's share of a round: a pass per iteration plan, each followed by the baseline jar. */
    private void runFlagSet(RunPlan plan, Planned p, int round) throws RunnerException {
        List<RunResult> acc = results.computeIfAbsent(p.flagSet().name(), k -> new ArrayList<>());
        int group = 0;
        JdkFilter jdk = JdkFilter.of(plan.selected(), p.feature(), p.flagSet().name());
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
                    .forEach(n -> excludes.add("^" + java.util.regex.Pattern.quote(n) + "$"));
            JmhOptionsFactory.Pass pass = new JmhOptionsFactory.Pass(p.flagSet(), p.java(), plan.passForks(),
                    excludes, it, ceilingInitLine(plan, p));
            out.printf("taskbench: flag set %s on %s%s%s%n", p.flagSet().name(), p.jdk(),
                    plan.rounds() > 1 ? ", round " + (round + 1) + " of " + plan.rounds() : "",
                    plan.passes().passes().size() > 1 ? ", warmup " + it.warmup() + ", measurement " + it.measurement()
                            : "");
            acc.addAll(new Runner(JmhOptionsFactory.build(settings.request(), user, pass, plan.candidateForkArgs()))
                    .run());
            if (plan.baseline() != null) {
                runBaseline(plan, p, pass.withoutCeiling(), round, group);
            }
            group++;
        }
    }

    /**
     * Chromium Pinpoint's rule for an interleaved baseline: while rows are UNKNOWN (their forks
     * cannot decide them yet) and the cap ({@code -Dtaskbench.adaptive.maxForks}) is not reached,
     * each such row gets one more candidate fork followed by one more baseline fork, and the
     * comparison is made again. A benchmark method's undecided rows share one JMH invocation a
     * side, over the smallest parameter product that holds them all (a JVM start per row costs
     * more than the fork's measurement); a decided row caught in that product keeps its extra pair.
     */
    private void addForksWhereUndecided(RunPlan plan) throws RunnerException, IOException {
        int cap = settings.adaptiveForks();
        if (plan.baseline() == null || cap <= plan.rounds()) {
            return;
        }
        for (int pairs = plan.rounds(); pairs < cap; pairs++) {
            Map<String, List<BenchmarkKey>> undecided = undecided(plan);
            int n = undecided.values().stream().mapToInt(List::size).sum();
            if (n == 0) {
                out.printf("taskbench: every row is decided after %d fork pair(s)%n", pairs);
                return;
            }
            out.printf("taskbench: %d row(s) undecided after %d fork pair(s): one more pair each (at most %d)%n", n,
                    pairs, cap);
            for (Planned p : survivors(plan)) {
                Map<String, List<BenchmarkKey>> byMethod = new LinkedHashMap<>();
                undecided.getOrDefault(p.flagSet().name(), List.of())
                        .forEach(row -> byMethod.computeIfAbsent(row.benchmark(), k -> new ArrayList<>()).add(row));
                for (List<BenchmarkKey> rows : byMethod.values()) {
                    runRowsOnce(plan, p, rows, pairs);
                }
            }
        }
        int left = undecided(plan).values().stream().mapToInt(List::size).sum();
        if (left > 0) {
            out.printf("taskbench: %d row(s) still undecided after %d fork pairs; the gate will say which%n", left, cap);
        }
    }

    /** Per flag set, the rows whose comparison with the baseline so far is UNKNOWN but could be decided. */
    private Map<String, List<BenchmarkKey>> undecided(RunPlan plan) throws IOException {
        Path scratch = Files.createTempDirectory("taskbench-adaptive-");
        try {
            List<dev.taskbench.results.BenchmarkResult> candidate = new ArrayList<>();
            List<dev.taskbench.results.BenchmarkResult> base = new ArrayList<>();
            for (Planned p : survivors(plan)) {
                String set = p.flagSet().name();
                Path c = scratch.resolve("candidate-" + p.flagSet().fileName() + ".json");
                writeJson(mergeForks(results.getOrDefault(set, List.of())), c);
                candidate.addAll(JmhJsonReader.read(c, set));
                List<Path> rounds = baselineRounds.get(p.flagSet().fileName());
                if (rounds != null) {
                    Path b = scratch.resolve("base-" + p.flagSet().fileName() + ".json");
                    BaselineJar.mergeRounds(rounds, b);
                    base.addAll(JmhJsonReader.read(b, set));
                }
            }
            Comparison cmp = Comparison.compare(new RunResults(scratch.resolve("base"), "baseline", Map.of(), base),
                    new RunResults(scratch, "candidate", Map.of(), candidate), settings.criteria());
            Map<String, List<BenchmarkKey>> out = new LinkedHashMap<>();
            cmp.rows().stream().filter(r -> r.verdict() == Verdict.UNKNOWN && Double.isFinite(r.minReachableQ()))
                    .forEach(r -> out.computeIfAbsent(r.flagSet(), k -> new ArrayList<>()).add(r.key()));
            return out;
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    /**
     * {@code -Dtaskbench.profile.regressions=true} on an interleaved run: each SLOWER row gets one
     * unmeasured profiled fork of the candidate (with its own fork options) and one of the baseline
     * jar, then a differential flame graph beside the comparison's reports. Without a baseline jar
     * the run holds one side only, and the comparison's page says how to record the other.
     */
    private void profileRegressions(RunPlan plan, Comparison cmp, Path against, Path published, ProfileEvent event) {
        List<Row> slower = cmp.rows().stream().filter(r -> r.verdict() == Verdict.SLOWER).toList();
        if (plan.baseline() != null && !slower.isEmpty()) {
            Profiling one = new Profiling(List.of(event), settings.profiling().cacheDir(), settings.profiling().engine());
            out.println("taskbench: profiling both sides of " + slower.size() + " SLOWER row(s) for their "
                    + "differential flame graphs, one unmeasured fork each");
            for (Planned p : survivors(plan)) {
                Map<String, List<BenchmarkKey>> byMethod = new LinkedHashMap<>();
                slower.stream().filter(r -> r.flagSet().equals(p.flagSet().name()))
                        .forEach(r -> byMethod.computeIfAbsent(r.key().benchmark(), k -> new ArrayList<>()).add(r.key()));
                for (List<BenchmarkKey> rows : byMethod.values()) {
                    profileBothSides(plan, p, rows, one, published);
                }
            }
        }
        ComparisonReports.writeRegressionProfiles(store.root(), cmp, against, published, event, out);
    }

    private void profileBothSides(RunPlan plan, Planned p, List<BenchmarkKey> rows, Profiling one, Path published) {
        JmhOptionsFactory.Pass pass = rowsPass(plan, p, rows.get(0).benchmark(), null);
        Map<String, Set<String>> params = paramProduct(rows);
        ProfilePass.run(one, List.of(onlyRows(pass, plan.candidateForkArgs(), params)),
                published.resolve(ProfilePass.FOLDER), out);
        Path json = published.resolve(BaselineJar.FOLDER).resolve(".profiled-" + p.flagSet().fileName() + ".json");
        ProfilePass.run(one, List.of(onlyRows(pass, plan.forkProps(), params)),
                published.resolve(BaselineJar.FOLDER).resolve(ProfilePass.FOLDER), out,
                o -> plan.baseline().runRound(o, settings.request().profile(), p.forkJava(), plan.selected(), json));
        try {
            Files.deleteIfExists(json);
        } catch (IOException e) {
            // a profiled fork's score: never read, gone with the folder
        }
    }

    /** One fork of one method of the selection, in its pass's iterations. */
    private JmhOptionsFactory.Pass rowsPass(RunPlan plan, Planned p, String method, String ceiling) {
        PassPlan.Iterations it = plan.passes().passes().entrySet().stream()
                .filter(e -> e.getValue().contains(method)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new TaskbenchException("no pass holds " + method));
        List<String> others = plan.selected().stream().map(BenchmarkListEntry::getUsername)
                .filter(n -> !n.equals(method)).map(n -> "^" + Pattern.quote(n) + "$").toList();
        return new JmhOptionsFactory.Pass(p.flagSet(), p.java(), 1, others, it, ceiling);
    }

    /** One more fork of one method's undecided rows, then one of the baseline jar, as in a round. */
    private void runRowsOnce(RunPlan plan, Planned p, List<BenchmarkKey> rows, int pairs) throws RunnerException {
        String method = rows.get(0).benchmark();
        JmhOptionsFactory.Pass pass = rowsPass(plan, p, method, ceilingInitLine(plan, p));
        out.printf("taskbench: fork pair %d, flag set %s: %s%n", pairs + 1, p.flagSet().name(),
                rows.size() == 1 ? rows.get(0).label() : rows.get(0).shortName() + " (" + rows.size() + " rows)");
        Map<String, Set<String>> params = paramProduct(rows);
        results.get(p.flagSet().name()).addAll(new Runner(onlyRows(pass, plan.candidateForkArgs(), params)).run());
        runBaselineRound(plan, p, onlyRows(pass.withoutCeiling(), plan.forkProps(), params),
                ".adaptive-" + pairs + "-" + Integer.toHexString((method + params).hashCode()));
    }

    /** Per parameter, the values the rows hold: the smallest product JMH can run that has every row. */
    static Map<String, Set<String>> paramProduct(List<BenchmarkKey> rows) {
        Map<String, Set<String>> values = new TreeMap<>();
        rows.forEach(r -> r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v)));
        return values;
    }

    /** The pass's options with every parameter pinned to these values. */
    private Options onlyRows(JmhOptionsFactory.Pass pass, List<String> forkArgs, Map<String, Set<String>> params) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(JmhOptionsFactory.build(settings.request(), user, pass,
                forkArgs));
        params.forEach((k, v) -> b.param(k, v.toArray(String[]::new)));
        return b.build();
    }

    /**
     * The flame graphs, when asked for: a pass of its own after the measured ones, on the first
     * flag set, so no verdict, pivot or history ever reads a profiled fork's score.
     */
    private void profile(RunPlan plan, Planned p, Map<String, Object> metadata) {
        if (!settings.profiling().on()) {
            return;
        }
        List<Options> passes = new ArrayList<>();
        for (PassPlan.Iterations it : plan.passes().passes().keySet()) {
            passes.add(JmhOptionsFactory.build(settings.request(), user, new JmhOptionsFactory.Pass(p.flagSet(),
                    p.java(), 1, plan.passes().excludesFor(it), it, null), plan.candidateForkArgs()));
        }
        List<Path> rows = ProfilePass.run(settings.profiling(), passes, staging.resolve(ProfilePass.FOLDER), out);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", settings.profiling().events().stream().map(Enum::name).toList());
        m.put("flagSet", p.flagSet().name());
        m.put("rows", rows.size());
        m.put("pass", "separate, one unmeasured fork per benchmark and event; not in any result");
        metadata.put("profiles", m);
        out.println("taskbench: " + rows.size() + " row(s) profiled: flame graphs in " + ProfilePass.FOLDER
                + "/<row>/<event>.html, linked from report.html");
    }

    private String ceilingInitLine(RunPlan plan, Planned p) {
        return plan.ceilingCovered() ? settings.ceiling().initLine(plan.handoff(), p.flagSet().name(), plan.runId())
                : null;
    }

    private void runBaseline(RunPlan plan, Planned p, JmhOptionsFactory.Pass pass, int round, int group) {
        out.printf("taskbench: baseline jar, flag set %s, round %d of %d%n", p.flagSet().name(), round + 1,
                plan.rounds());
        runBaselineRound(plan, p, JmhOptionsFactory.build(settings.request(), user, pass, plan.forkProps()),
                ".round-" + round + "-" + group);
    }

    /** One fork of the baseline jar with these options, kept as a round file until the rounds are merged. */
    private void runBaselineRound(RunPlan plan, Planned p, Options options, String name) {
        Path f = baselineDir().resolve(name + "-" + p.flagSet().fileName() + ".json");
        baselineRounds.computeIfAbsent(p.flagSet().fileName(), k -> new ArrayList<>()).add(plan.baseline().runRound(
                options, settings.request().profile(), p.forkJava(), plan.selected(), f));
        CeilingProfiler.somethingElseRan(plan.runId());
    }

    private Path baselineDir() {
        return staging.resolve(BaselineJar.FOLDER);
    }

    private List<Planned> survivors(RunPlan plan) {
        if (failed.size() == plan.flagSets().size()) {
            throw new TaskbenchException("every flag set failed: " + failed);
        }
        return plan.flagSets().stream().filter(p -> !failed.containsKey(p.flagSet().name())).toList();
    }

    private void mergeBaselineRounds() throws IOException {
        for (Map.Entry<String, List<Path>> b : baselineRounds.entrySet()) {
            BaselineJar.mergeRounds(b.getValue(), baselineDir().resolve("jmh-" + b.getKey() + ".json"));
            for (Path f : b.getValue()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Map<String, Path> writeResults(List<Planned> ran) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Planned p : ran) {
            Path f = staging.resolve("jmh-" + p.flagSet().fileName() + ".json");
            writeJson(mergeForks(results.get(p.flagSet().name())), f);
            files.put(p.flagSet().name(), f);
        }
        return files;
    }

    private void writePivot(RunPlan plan, List<Planned> ran, Map<String, Path> files) throws IOException {
        List<ReferenceResult> refs = references(plan.selected());
        if (ran.size() > 1 || !refs.isEmpty() || settings.flagSpec() != null) {
            String pivot = Pivot.read(files, refs, settings.criteria()).render();
            Files.writeString(staging.resolve(PIVOT_FILE), pivot, StandardCharsets.UTF_8);
            out.println();
            out.print(pivot);
        }
    }

    private void writeCeiling(RunPlan plan, Map<String, Path> files) throws IOException {
        if (!plan.ceilingCovered() || settings.ceiling().equals(CeilingPlan.OFF)) {
            return;
        }
        String ceiling = settings.ceiling().report(files, db.info(), plan.runId(), out);
        Files.writeString(staging.resolve(CEILING_FILE), ceiling, StandardCharsets.UTF_8);
        out.println();
        out.print(ceiling);
    }

    /** Failed flag sets fail the run; else the comparison with the base, and the gate's verdict if asked. */
    private int verdict(RunPlan plan, Path published, Path base) {
        if (!failed.isEmpty()) {
            err.println("taskbench: flag set(s) failed and are missing from the results: " + failed);
            return ExitCodes.FAILED;
        }
        Path against = plan.baseline() != null ? published.resolve(BaselineJar.FOLDER) : base;
        if (against == null) {
            return ExitCodes.OK;
        }
        Comparison comparison = ComparisonReports.compareAndReport(store.root(), against, published,
                settings.criteria(), out);
        settings.profileRegressions().ifPresent(e -> profileRegressions(plan, comparison, against, published, e));
        return settings.gate() ? ComparisonReports.gateVerdict(comparison, settings.acrossTestbeds(), err) : ExitCodes.OK;
    }

    private void cleanUp(String runId) {
        if (staging != null && Files.exists(staging) && !store.discardIfEmpty(runId)) {
            out.println("taskbench: the run did not finish; partial output kept in " + staging);
        }
        if (guard != null) {
            guard.deleteHandoff();
        }
        if (lock != null) {
            lock.close();
        }
        closeLatency();
        if (db != null) {
            db.close();
        }
    }

    private void closeLatency() {
        try {
            if (latency != null) {
                latency.close();
            }
        } catch (IOException e) {
            // its sockets die with the run
        }
    }

    /**
     * {@code report.md} and {@code report.html}: the findings, then per benchmark and flag set the
     * fork scores with intervals. Returns the findings, for the run's last screen.
     */
    private static List<Answer> writeRunReports(Path staging, String runId, Map<String, Object> metadata,
            Map<String, Path> files) {
        RunResults run = new RunResults(staging, runId, metadata, files.entrySet().stream()
                .flatMap(f -> JmhJsonReader.read(f.getValue(), f.getKey()).stream()).toList());
        Criteria criteria = Criteria.defaults();
        Report report = RunReport.of(run, criteria);
        ReportFormat.MARKDOWN.write(report, staging.resolve("report.md"));
        ReportFormat.HTML.write(report, staging.resolve("report.html"));
        return Findings.of(run, criteria);
    }

    /** Resolves the requested flag sets, finds their JDKs and drops the ones the JVM rejects, saying why. */
    static List<Planned> plan(RunSettings settings, PrintStream out, Map<String, Object> report) {
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
            planOne(set, jdks, out, report).ifPresent(plan::add);
        }
        if (plan.isEmpty()) {
            throw new TaskbenchException("none of the flag sets " + flagSpec + " can run here (see above)");
        }
        return plan;
    }

    /** One flag set on its JDK, or empty (and why, in the report) when it cannot run here. */
    private static Optional<Planned> planOne(FlagSet set, Jdks jdks, PrintStream out, Map<String, Object> report) {
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
        report.put(set.name(), r);
        if (why != null) {
            out.println("taskbench: flag set '" + set.name() + "' is unsupported on " + p.jdk() + ": " + why
                    + "; skipped");
        }
        return why == null ? Optional.of(p) : Optional.empty();
    }

    private List<ReferenceResult> references(List<BenchmarkListEntry> selected) throws IOException {
        if (!settings.timesReferences()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>();
        for (BenchmarkListEntry e : selected) {
            String ref = Pivot.referenceFor(e.getUsername());
            if (ref != null && !wanted.contains(ref)) {
                wanted.add(ref);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        out.println("taskbench: timing the reference runtimes (CPython, PyPy, Node) for " + wanted);
        ReferenceRuntimes r = ReferenceRuntimes.run(settings.projectDir().resolve("scripts").resolve("reference"),
                wanted);
        r.notes().forEach(n -> out.println("taskbench: reference: " + n));
        ResultsStore.writeJson(staging.resolve(REFERENCE_FILE), Map.of("results", r.results(), "notes", r.notes()));
        return r.results();
    }

    /** The fork JVM arguments the first flag set runs with, for the metadata (no hand-off path). */
    private List<String> forkJvmArgs(FlagSet set, List<String> forkProps) {
        var o = JmhOptionsFactory.build(settings.request(), user, new JmhOptionsFactory.Pass(set, null, null,
                List.of(), null, null), forkProps);
        List<String> args = new ArrayList<>(o.getJvmArgs().orElse(List.of()));
        args.addAll(o.getJvmArgsAppend().orElse(List.of()));
        args.removeIf(a -> a.startsWith("-D" + DatabaseHandoff.PROPERTY + "="));
        return args;
    }

    /** Joins the forks of the same benchmark from several JMH invocations (interleaved rounds) into one result. */
    static List<RunResult> mergeForks(List<RunResult> results) {
        Map<String, List<RunResult>> byId = new LinkedHashMap<>();
        for (RunResult r : results) {
            byId.computeIfAbsent(r.getParams().id(), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byId.values()) {
            if (same.size() == 1) {
                merged.add(same.get(0));
                continue;
            }
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            merged.add(new RunResult(same.get(0).getParams(), forks));
        }
        merged.sort(RunResult.DEFAULT_SORT_COMPARATOR);
        return merged;
    }

    static void writeJson(List<RunResult> results, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, tmp.toString()).writeOut(results);
        try {
            ResultsStore.move(tmp, file);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The benchmarks JMH would run for these include/exclude patterns. */
    static List<BenchmarkListEntry> selected(List<String> includes, List<String> excludes) {
        BenchmarkList list = BenchmarkList.defaultList();
        SortedSet<BenchmarkListEntry> found = list.find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes.isEmpty() ? List.of(".*") : includes, excludes);
        if (found.isEmpty()) {
            SortedSet<String> all = new TreeSet<>();
            list.getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())
                    .forEach(e -> all.add(simpleName(e.getUserClassQName())));
            throw new TaskbenchException("no benchmark matches " + includes + "; known benchmark classes: " + all);
        }
        return List.copyOf(found);
    }

    private static String simpleName(String qName) {
        return qName.substring(qName.lastIndexOf('.') + 1);
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        String msg = t.getMessage();
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            if (c.getMessage() != null) {
                msg = c.getMessage();
            }
        }
        return msg == null ? t.toString() : msg;
    }
}
