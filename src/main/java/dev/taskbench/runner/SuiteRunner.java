package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.NeedsDatabase;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.db.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The suite's runner, what {@code mvn jmh:run} starts: picks the benchmarks, provisions
 * PostgreSQL once if any of them needs it, runs JMH with the profile's options, and publishes
 * the JSON result with its metadata as {@code results/<run-id>/}.
 *
 * <p>Settings come as {@code -Dkey=value} program arguments (or system properties), so that
 * JMH forks, which inherit the runner's JVM arguments, never see them.
 */
public final class SuiteRunner {
    /** Project directory (for git metadata and a relative results folder); defaults to the working directory. */
    public static final String BASEDIR = "taskbench.basedir";

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
                        + "java -jar target/benchmarks.jar -l (or -h)", null);
            }
            return execute(request, user, settings, out);
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return 1;
        } catch (RunnerException e) {
            err.println("taskbench: the JMH run failed: " + rootMessage(e));
            return 1;
        }
    }

    private static int execute(RunRequest request, CommandLineOptions user, Settings settings, PrintStream out)
            throws RunnerException {
        List<String> includes = new ArrayList<>(user.getIncludes());
        if (request.include() != null) {
            includes.add(request.include());
        }
        SortedSet<String> classes = selectedClasses(includes, user.getExcludes());
        boolean needsDb = classes.stream().anyMatch(SuiteRunner::needsDatabase);

        Path projectDir = Path.of(System.getProperty(BASEDIR, ".")).toAbsolutePath().normalize();
        ResultsStore store = new ResultsStore(projectDir.resolve(request.resultsDir()));
        String runId = store.newRunId(request.profile().id(), LocalDateTime.now());

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
                out.println("taskbench: note: -rf/-rff are ignored; the JSON result goes to the run folder");
            }
            Options options = JmhOptionsFactory.build(request, user, staging.resolve(ResultsStore.RESULT_FILE),
                    forkProps);
            List<String> forkJvmArgs = new ArrayList<>(options.getJvmArgs().orElse(List.of()));
            forkJvmArgs.addAll(options.getJvmArgsAppend().orElse(List.of()));
            forkJvmArgs.removeIf(a -> a.startsWith("-D" + DatabaseHandoff.PROPERTY + "="));
            Map<String, Object> metadata = RunMetadata.collect(runId, request, request.jmhArgs(), forkJvmArgs, db,
                    projectDir);
            out.printf("taskbench: run %s, profile %s, %d benchmark class(es)%s%n", runId, request.profile().id(),
                    classes.size(), db == null ? ", no database needed" : ", database: " + db.info());
            new Runner(options).run();
            Path published = store.commit(runId, metadata);
            out.println("taskbench: results written to " + published);
            return 0;
        } catch (IOException e) {
            throw new TaskbenchException("cannot create the database hand-off file: " + e.getMessage(), e);
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

    /** The benchmark classes JMH would run for these include/exclude patterns. */
    static SortedSet<String> selectedClasses(List<String> includes, List<String> excludes) {
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
        SortedSet<String> classes = new TreeSet<>();
        found.forEach(e -> classes.add(e.getUserClassQName()));
        return classes;
    }

    static boolean needsDatabase(String className) {
        try {
            return Class.forName(className, false, SuiteRunner.class.getClassLoader())
                    .isAnnotationPresent(NeedsDatabase.class);
        } catch (ClassNotFoundException e) {
            return true; // cannot tell: be safe
        }
    }

    private static String simpleName(String qName) {
        return qName.substring(qName.lastIndexOf('.') + 1);
    }

    /** {@code -Dkey=value} program arguments become system properties of this JVM only. */
    static void applySettings(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-D") || a.indexOf('=') < 3) {
                throw new TaskbenchException("unexpected argument '" + a + "': the runner takes -Dkey=value settings "
                        + "(-Dtaskbench.profile, -Djmh.include, -Djmh.args, -Dtaskbench.db.url)");
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
