package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.config.Settings;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import dev.taskbench.flags.JvmCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
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
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The suite's runner, what {@code mvn jmh:run} starts: picks the benchmarks, provisions
 * PostgreSQL once if any of them needs it, runs JMH under each requested flag set (optionally
 * interleaving forks A B C A B C), and publishes {@code results/<run-id>/} with one JMH JSON
 * per flag set, the metadata and, for several flag sets, a pivot table.
 *
 * <p>Settings come as {@code -Dkey=value} program arguments (or system properties), so that
 * JMH forks, which inherit the runner's JVM arguments, never see them.
 */
public final class SuiteRunner {
    /** Project directory (for git metadata, scripts and a relative results folder); defaults to the working directory. */
    public static final String BASEDIR = "taskbench.basedir";
    public static final String FLAGSETS = "taskbench.flagsets";
    public static final String FLAGSETS_FILE = "taskbench.flagsets.file";
    public static final String INTERLEAVE = "taskbench.interleave";
    public static final String REFERENCE = "taskbench.reference";
    public static final String JDKS = "taskbench.jdks";
    public static final String PIVOT_FILE = "pivot.txt";
    public static final String REFERENCE_FILE = "reference.json";
    public static final String RUN_ID = "taskbench.run.id";
    public static final String CEILING_FILE = "ceiling.txt";
    public static final String GATE = "taskbench.gate";

    private SuiteRunner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the suite; returns the process exit code (0 ok, 1 failed or refused). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            applySettings(args);
            Settings settings = Settings.fromSystem();
            RunRequest request = RunRequest.from(settings);
            CommandLineOptions user = JmhOptionsFactory.parseUserArgs(request.jmhArgs());
            if (user.shouldList() || user.shouldHelp() || user.shouldListProfilers()
                    || user.shouldListResultFormats() || user.shouldListWithParams()) {
                throw new TaskbenchException("listing and help options are JMH CLI commands: run "
                        + "java -jar target/benchmarks.jar -l (or -h)");
            }
            return execute(request, user, settings, out, err);
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return 1;
        } catch (RunnerException | RuntimeException e) {
            // JMH reports its own failures (a missing BenchmarkList after a rebuild, a lock) as exceptions
            err.println("taskbench: the JMH run failed: " + rootMessage(e));
            if (Boolean.getBoolean("taskbench.debug")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** A flag set that will run: on which JVM. */
    record Planned(FlagSet flagSet, Path java, String jdk) {
    }

    private static int execute(RunRequest request, CommandLineOptions user, Settings settings, PrintStream out,
            PrintStream err) throws RunnerException {
        List<String> includes = new ArrayList<>(user.getIncludes());
        if (request.include() != null) {
            includes.add(request.include());
        }
        List<BenchmarkListEntry> selected = selected(includes, user.getExcludes());
        SortedSet<String> classes = new TreeSet<>();
        selected.forEach(e -> classes.add(e.getUserClassQName()));
        boolean needsDb = classes.stream().anyMatch(c -> annotated(c, NeedsDatabase.class));

        String flagSpec = settings.get(FLAGSETS, "TASKBENCH_FLAGSETS");
        Map<String, Object> flagReport = new LinkedHashMap<>();
        List<Planned> plan = plan(flagSpec, settings, out, flagReport);
        String baselineJarPath = settings.get(BaselineJar.PROPERTY, null);
        BaselineJar baseline = baselineJarPath == null ? null : new BaselineJar(Path.of(baselineJarPath).toAbsolutePath());
        boolean interleave = Boolean.parseBoolean(settings.get(INTERLEAVE, null)) && plan.size() > 1 || baseline != null;

        Path projectDir = projectDir();
        ResultsStore store = new ResultsStore(projectDir.resolve(request.resultsDir()));
        String runId = settings.get(RUN_ID, null);
        if (runId == null) {
            runId = store.newRunId(request.profile().id(), LocalDateTime.now());
        } else if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || Files.exists(store.root().resolve(runId))
                || Files.exists(store.staging(runId))) {
            throw new TaskbenchException("-D" + RUN_ID + "=" + runId + " is not a new run name under " + store.root()
                    + " (letters, digits, . _ -; not taken)");
        }
        CeilingPlan requestedCeiling = CeilingPlan.from(settings, request.profile());
        String gate = settings.get(GATE, null);
        Path gateBaseline = gate == null || baseline != null ? null
                : dev.taskbench.results.RunResults.locate(store.root(), gate);

        ProvisionedDatabase db = needsDb ? DatabaseProvisioner.standard(settings).provision() : null;
        Path handoff = null;
        Path staging = null;
        try {
            List<String> forkProps = new ArrayList<>();
            if (db != null) {
                handoff = Files.createTempFile("taskbench-db-", ".properties");
                DatabaseHandoff.write(handoff, db.info(), db.source());
                forkProps.add("-D" + DatabaseHandoff.PROPERTY + "=" + handoff);
            }
            staging = store.begin(runId);
            if (JmhOptionsFactory.userChoseResultFile(user)) {
                out.println("taskbench: note: -rf/-rff are ignored; JSON results go to the run folder");
            }
            List<String> ownPlan = new ArrayList<>();
            Map<JmhOptionsFactory.Warmup, List<String>> warmups = new LinkedHashMap<>();
            for (BenchmarkListEntry e : selected) {
                String name = "^" + Pattern.quote(e.getUsername()) + "$";
                if (annotated(e.getUserClassQName(), OwnIterationPlan.class)) {
                    ownPlan.add(name);
                    continue;
                }
                warmups.computeIfAbsent(JmhOptionsFactory.raisedWarmup(request.profile(), user,
                        annotation(e.getUserClassQName(), MinimumWarmup.class)), k -> new ArrayList<>()).add(name);
            }
            int forks = user.getForkCount().orElse(request.profile().forks());
            int rounds = interleave && forks > 0 ? forks : 1;
            Map<String, Object> metadata = RunMetadata.collect(runId, request, request.jmhArgs(),
                    forkJvmArgs(request, user, plan.get(0).flagSet(), forkProps), db, projectDir);
            metadata.put("flagSets", flagReport);
            metadata.put("interleaved", rounds > 1 ? rounds + " rounds of 1 fork per flag set" : "no");
            out.printf("taskbench: run %s, profile %s, %d benchmark(s) in %d class(es), flag set(s) %s%s%s%n", runId,
                    request.profile().id(), selected.size(), classes.size(),
                    plan.stream().map(p -> p.flagSet().name()).toList(), rounds > 1 ? ", interleaved" : "",
                    db == null ? ", no database needed" : ", database: " + db.info());

            Map<String, List<RunResult>> results = new LinkedHashMap<>();
            Map<String, List<Path>> baselineRounds = new LinkedHashMap<>();
            Path baselineDir = staging.resolve(BaselineJar.FOLDER);
            if (baseline != null) {
                metadata.put("baselineJar", baselineJarPath);
                Files.createDirectories(baselineDir);
            }
            Map<String, String> failed = new LinkedHashMap<>();
            boolean writesCovered = db != null
                    && selected.stream().anyMatch(e -> dev.taskbench.ceiling.CeilingReport.covers(e.getUsername()));
            CeilingPlan ceilingPlan = writesCovered ? requestedCeiling : CeilingPlan.OFF;
            dev.taskbench.ceiling.CeilingBracket bracket = ceilingPlan.bracket(db);
            for (int round = 0; round < rounds; round++) {
                for (Planned p : plan) {
                    if (failed.containsKey(p.flagSet().name())) {
                        continue;
                    }
                    try {
                        runFlagSet(request, user, p, round, rounds, warmups, ownPlan, forkProps, out,
                                results.computeIfAbsent(p.flagSet().name(), k -> new ArrayList<>()), baseline,
                                baselineDir, baselineRounds, selected, bracket);
                    } catch (RunnerException | RuntimeException e) {
                        if (plan.size() == 1) {
                            throw e;
                        }
                        // one flag set failing (Epsilon running out of heap, say) must not cost the others' results
                        String why = rootMessage(e);
                        failed.put(p.flagSet().name(), why);
                        out.println("taskbench: flag set '" + p.flagSet().name() + "' failed: " + why
                                + "; its results are dropped, the other sets go on");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> r = (Map<String, Object>) flagReport.get(p.flagSet().name());
                        r.put("status", "failed: " + why);
                    }
                }
            }
            if (failed.size() == plan.size()) {
                throw new TaskbenchException("every flag set failed: " + failed);
            }
            plan = plan.stream().filter(p -> !failed.containsKey(p.flagSet().name())).toList();
            for (Map.Entry<String, List<Path>> b : baselineRounds.entrySet()) {
                BaselineJar.mergeRounds(b.getValue(), baselineDir.resolve("jmh-" + b.getKey() + ".json"));
                for (Path f : b.getValue()) {
                    Files.deleteIfExists(f);
                }
            }
            Map<String, Path> files = new LinkedHashMap<>();
            for (Planned p : plan) {
                Path f = staging.resolve("jmh-" + p.flagSet().fileName() + ".json");
                writeJson(mergeForks(results.get(p.flagSet().name())), f);
                files.put(p.flagSet().name(), f);
            }
            List<ReferenceResult> refs = references(settings, flagSpec != null, selected, projectDir, staging, out);
            if (plan.size() > 1 || !refs.isEmpty() || flagSpec != null) {
                String pivot = Pivot.read(files, refs).render();
                Files.writeString(staging.resolve(PIVOT_FILE), pivot, StandardCharsets.UTF_8);
                out.println();
                out.print(pivot);
            }
            if (ceilingPlan != CeilingPlan.OFF) {
                String ceiling = ceilingPlan.report(files, db, bracket, out);
                Files.writeString(staging.resolve(CEILING_FILE), ceiling, StandardCharsets.UTF_8);
                out.println();
                out.print(ceiling);
            }
            writeRunReports(staging, runId, metadata, files);
            Path published = store.commit(runId, metadata);
            store.writeIndex();
            out.println("taskbench: results written to " + published);
            if (!failed.isEmpty()) {
                err.println("taskbench: flag set(s) failed and are missing from the results: " + failed);
                return 1;
            }
            if (baseline != null) {
                gateBaseline = published.resolve(BaselineJar.FOLDER);
            }
            if (gateBaseline == null) {
                return 0;
            }
            var options = dev.taskbench.compare.Criteria.from(settings);
            var comparison = dev.taskbench.report.ComparisonReports.compareAndReport(store.root(), gateBaseline,
                    published, options, out);
            return gate == null ? 0 : dev.taskbench.report.ComparisonReports.gateVerdict(comparison, err);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write the run's files: " + e.getMessage(), e);
        } finally {
            if (staging != null && Files.exists(staging) && !store.discardIfEmpty(runId)) {
                out.println("taskbench: the run did not finish; partial output kept in " + staging);
            }
            if (handoff != null) {
                try {
                    Files.deleteIfExists(handoff);
                } catch (IOException e) {
                    // a temp file; the OS cleans it
                }
            }
            if (db != null) {
                db.close();
            }
        }
    }

    /** {@code report.md} and {@code report.html}: per benchmark and flag set, the fork scores with intervals. */
    private static void writeRunReports(Path staging, String runId, Map<String, Object> metadata,
            Map<String, Path> files) {
        List<dev.taskbench.results.BenchmarkResult> all = new ArrayList<>();
        files.forEach((set, file) -> all.addAll(dev.taskbench.results.JmhJsonReader.read(file, set)));
        var run = new dev.taskbench.results.RunResults(staging, runId, metadata, all);
        var options = dev.taskbench.compare.Criteria.defaults();
        dev.taskbench.report.MarkdownReport.write(run, options, staging.resolve("report.md"));
        dev.taskbench.report.HtmlReport.write(run, options, staging.resolve("report.html"));
    }

    /**
     * One flag set's share of a round: the regular pass (one per warmup plan, each followed by the
     * baseline jar), then the own-plan pass.
     */
    private static void runFlagSet(RunRequest request, CommandLineOptions user, Planned p, int round, int rounds,
            Map<JmhOptionsFactory.Warmup, List<String>> warmups, List<String> ownPlan,
            List<String> forkProps, PrintStream out, List<RunResult> acc,
            BaselineJar baseline, Path baselineDir, Map<String, List<Path>> baselineRounds,
            List<BenchmarkListEntry> selected, dev.taskbench.ceiling.CeilingBracket bracket) throws RunnerException {
        Integer passForks = rounds > 1 ? Integer.valueOf(1) : null;
        List<String> regular = warmups.values().stream().flatMap(List::stream).toList();
        int group = 0;
        for (Map.Entry<JmhOptionsFactory.Warmup, List<String>> g : warmups.entrySet()) {
            List<String> others = new ArrayList<>(ownPlan);
            regular.stream().filter(n -> !g.getValue().contains(n)).forEach(others::add);
            JmhOptionsFactory.Pass pass = new JmhOptionsFactory.Pass(p.flagSet(), p.java(), false, passForks, others,
                    g.getKey());
            if (g.getKey() != null) {
                out.printf("taskbench: %d benchmark(s) whose JIT needs it warm up %d x %s%n", g.getValue().size(),
                        g.getKey().iterations(), g.getKey().time());
            }
            acc.addAll(runPass(request, user, pass, forkProps, out, p, round, rounds, bracket));
            if (baseline != null) {
                out.printf("taskbench: baseline jar, flag set %s, round %d of %d%n", p.flagSet().name(), round + 1,
                        rounds);
                Path f = baselineDir.resolve(".round-" + round + "-" + group + "-" + p.flagSet().fileName() + ".json");
                Path java = p.java() != null ? p.java() : Path.of(System.getProperty("java.home"), "bin", "java");
                baselineRounds.computeIfAbsent(p.flagSet().fileName(), k -> new ArrayList<>()).add(baseline.runRound(
                        JmhOptionsFactory.build(request, user, pass, forkProps), java, paramNames(selected), f));
            }
            group++;
        }
        if (!ownPlan.isEmpty()) {
            acc.addAll(runPass(request, user, new JmhOptionsFactory.Pass(p.flagSet(), p.java(), true, passForks,
                    regular), forkProps, out, p, round, rounds, null));
        }
    }

    /** The project folder: {@code -Dtaskbench.basedir}, set by the Maven goals, or the working directory. */
    public static Path projectDir() {
        return Path.of(System.getProperty(BASEDIR, ".")).toAbsolutePath().normalize();
    }

    private static Collection<RunResult> runPass(RunRequest request, CommandLineOptions user,
            JmhOptionsFactory.Pass pass, List<String> forkProps, PrintStream out, Planned p, int round, int rounds,
            dev.taskbench.ceiling.CeilingBracket bracket) throws RunnerException {
        out.printf("taskbench: flag set %s on %s%s%s%n", p.flagSet().name(), p.jdk(),
                rounds > 1 ? ", round " + (round + 1) + " of " + rounds : "",
                pass.ownIterationPlan() ? " (benchmarks with their own iteration plan)" : "");
        org.openjdk.jmh.runner.options.Options options = JmhOptionsFactory.build(request, user, pass, forkProps);
        if (bracket == null) {
            return new Runner(options).run();
        }
        return new Runner(options, bracket.around(CeilingPlan.jmhOutput(options), p.flagSet().name())).run();
    }

    /** Resolves the requested flag sets, finds their JDKs and drops the ones the JVM rejects, saying why. */
    static List<Planned> plan(String flagSpec, Settings settings, PrintStream out, Map<String, Object> report) {
        Path here = Path.of(System.getProperty("java.home"), "bin", "java");
        String hereVersion = System.getProperty("java.version");
        if (flagSpec == null) {
            report.put(FlagSet.DEFAULT.name(), Map.of("jdk", hereVersion, "options", List.of(), "status", "ran"));
            return List.of(new Planned(FlagSet.DEFAULT, null, "JDK " + hereVersion));
        }
        String file = settings.get(FLAGSETS_FILE, null);
        List<FlagSet> sets = FlagSets.load(file == null ? null : Path.of(file)).resolveAll(flagSpec);
        Jdks jdks = Jdks.discover(settings.get(JDKS, null));
        out.println("taskbench: JDKs found: " + jdks);
        List<Planned> plan = new ArrayList<>();
        for (FlagSet set : sets) {
            Path java = here;
            String jdk = "JDK " + hereVersion;
            String why = null;
            if (set.jdkMajor() != null) {
                var found = jdks.find(set.jdkMajor());
                if (found.isEmpty()) {
                    why = "JDK " + set.jdkMajor() + " is not installed (found: " + jdks
                            + "; add one with -D" + JDKS + "=HOME)";
                } else {
                    java = found.get().java();
                    jdk = "JDK " + found.get().version();
                }
            }
            if (why == null) {
                why = JvmCheck.rejection(java, set.jvmOptions());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("jdk", jdk);
            r.put("java", java.toString());
            r.put("options", set.jvmOptions());
            if (why != null) {
                out.println("taskbench: flag set '" + set.name() + "' is unsupported on " + jdk + ": " + why
                        + "; skipped");
                r.put("status", "unsupported: " + why);
            } else {
                r.put("status", "ran");
                plan.add(new Planned(set, java, jdk));
            }
            report.put(set.name(), r);
        }
        if (plan.isEmpty()) {
            throw new TaskbenchException("none of the flag sets " + flagSpec + " can run here (see above)");
        }
        return plan;
    }

    private static List<ReferenceResult> references(Settings settings, boolean matrix, List<BenchmarkListEntry> selected,
            Path projectDir, Path staging, PrintStream out) throws IOException {
        String mode = settings.get(REFERENCE, null);
        if ("off".equals(mode) || mode == null && !matrix) {
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
        ReferenceRuntimes r = ReferenceRuntimes.run(projectDir.resolve("scripts").resolve("reference"), wanted);
        r.notes().forEach(n -> out.println("taskbench: reference: " + n));
        ResultsStore.writeJson(staging.resolve(REFERENCE_FILE), Map.of("results", r.results(), "notes", r.notes()));
        return r.results();
    }

    /** The fork JVM arguments the first flag set runs with, for the metadata (no hand-off path). */
    private static List<String> forkJvmArgs(RunRequest request, CommandLineOptions user, FlagSet set,
            List<String> forkProps) {
        var o = JmhOptionsFactory.build(request, user, new JmhOptionsFactory.Pass(set, null, false, null, List.of()),
                forkProps);
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

    private static List<String> paramNames(List<BenchmarkListEntry> selected) {
        TreeSet<String> names = new TreeSet<>();
        for (BenchmarkListEntry e : selected) {
            if (e.getParams().hasValue()) {
                names.addAll(e.getParams().get().keySet());
            }
        }
        return List.copyOf(names);
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

    static boolean annotated(String className, Class<? extends java.lang.annotation.Annotation> annotation) {
        try {
            return Class.forName(className, false, SuiteRunner.class.getClassLoader())
                    .isAnnotationPresent(annotation);
        } catch (ClassNotFoundException e) {
            return annotation == NeedsDatabase.class; // cannot tell: be safe about the database only
        }
    }

    /** The class's annotation of that type, or null (also when the class cannot be loaded). */
    static <A extends java.lang.annotation.Annotation> A annotation(String className, Class<A> annotation) {
        try {
            return Class.forName(className, false, SuiteRunner.class.getClassLoader()).getAnnotation(annotation);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String simpleName(String qName) {
        return qName.substring(qName.lastIndexOf('.') + 1);
    }

    /** {@code -Dkey=value} program arguments become system properties of this JVM only. */
    public static void applySettings(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-D") || a.indexOf('=') < 3) {
                throw new TaskbenchException("unexpected argument '" + a + "': the runner takes -Dkey=value settings "
                        + "(-Dtaskbench.profile, -Djmh.include, -Djmh.args, -Dtaskbench.db.url, -Dtaskbench.flagsets)");
            }
            int eq = a.indexOf('=');
            System.setProperty(a.substring(2, eq), a.substring(eq + 1));
        }
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
