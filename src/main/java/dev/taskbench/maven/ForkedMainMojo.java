package dev.taskbench.maven;

import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.flags.FlagSet;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A goal that runs one of the suite's main classes in a fresh JVM on the project's classpath
 * and passes the user's {@code -D} settings on as program arguments. All logic lives in the
 * main class; the goal only starts it and turns its exit code into Maven's verdict.
 */
abstract class ForkedMainMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** JDK home (or java executable) for the forked JVM. Defaults to Maven's JVM. */
    @Parameter(property = SettingsCatalogue.JVM_PROPERTY)
    private String jvm;

    /** The class whose {@code main} does the work. */
    abstract String mainClass();

    /**
     * The child's classpath: the project's runtime classpath, unless a goal must run from the project's
     * uber-jar ({@link RunMojo} beside a baseline jar).
     */
    List<String> classpath(MavenProject project, Properties user) throws MojoExecutionException, MojoFailureException {
        try {
            return project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the project's classpath: " + e.getMessage(), e);
        }
    }

    /**
     * True for the goals whose own JVM is what they measure (serve, seed): {@code -Dtaskbench.flagsets}
     * names one flag set, whose JVM options (and JDK, for {@code @jdk:N} sets) the child starts with,
     * as {@code jmh:run}'s forks would.
     */
    boolean takesFlagSet() {
        return false;
    }

    /** Besides {@code taskbench.*} and {@code jmh.*}, the user properties this goal passes on. */
    Set<String> extraSettings() {
        return Set.of();
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        refuseUnknown(session.getUserProperties());
        FlagSet set = takesFlagSet() ? flagSet(session.getUserProperties()) : FlagSet.DEFAULT;
        List<String> command = new ArrayList<>();
        command.add(javaExecutable(set, session.getUserProperties()));
        command.addAll(set.jvmOptions());
        if (set != FlagSet.DEFAULT) {
            getLog().info("taskbench: " + mainClass().substring(mainClass().lastIndexOf('.') + 1) + " runs flag set "
                    + set.name() + " " + set.jvmOptions() + " on " + command.get(0));
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath(project, session.getUserProperties())));
        command.add(mainClass());
        command.add(SettingsCatalogue.BASEDIR.flag() + "=" + project.getBasedir().getAbsolutePath());
        Path privateDir;
        try {
            privateDir = Files.createTempDirectory("taskbench-"); // owner-only on POSIX
        } catch (IOException e) {
            throw new MojoExecutionException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        command.add("-D" + DatabaseHandoff.DIR_PROPERTY + "=" + privateDir);
        for (Map.Entry<String, String> e : passedSettings(session.getUserProperties(), extraSettings()).entrySet()) {
            command.add("-D" + e.getKey() + "=" + e.getValue());
        }
        int exit = runChild(command, privateDir);
        if (exit != 0) {
            throw new MojoFailureException("taskbench " + mainClass().substring(mainClass().lastIndexOf('.') + 1)
                    + " failed (exit code " + exit + "); the reason is printed above");
        }
    }

    /** A {@code -Dtaskbench.*} the catalogue does not declare fails the goal before its child starts. */
    static void refuseUnknown(Properties user) throws MojoFailureException {
        Optional<String> refusal = SettingsCatalogue.refusal(user);
        if (refusal.isPresent()) {
            throw new MojoFailureException(refusal.get());
        }
    }

    /** The {@code taskbench.*}, {@code jmh.*} and extra user properties, in a stable order. */
    static Map<String, String> passedSettings(Properties userProperties, Set<String> extra) {
        Map<String, String> out = new TreeMap<>();
        for (String key : userProperties.stringPropertyNames()) {
            boolean ours = key.startsWith(SettingsCatalogue.NAMESPACE) || key.startsWith("jmh.") || extra.contains(key);
            if (ours && !key.equals(SettingsCatalogue.JVM.key())) {
                out.put(key, userProperties.getProperty(key));
            }
        }
        return out;
    }

    /**
     * The one flag set of {@code -Dtaskbench.flagsets} (with {@code -Dtaskbench.flagsets.file}), the
     * default when none; a list, or a name the file does not have, is a one-line error.
     */
    static FlagSet flagSet(Properties user) throws MojoFailureException {
        String spec = user.getProperty(FlagSets.SETTING);
        if (spec == null || spec.isBlank()) {
            return FlagSet.DEFAULT;
        }
        if (spec.contains(",")) {
            throw new MojoFailureException("-Dtaskbench.flagsets=" + spec + ": this goal starts one JVM, so it takes one"
                    + " flag set (a+b combines two); jmh:run compares several");
        }
        String file = user.getProperty(FlagSets.FILE_SETTING);
        try {
            return FlagSets.load(file == null || file.isBlank() ? null : Path.of(file)).resolve(spec);
        } catch (TaskbenchException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** {@code -Dtaskbench.jvm}, else the JDK a {@code @jdk:N} flag set names, else Maven's own. */
    private String javaExecutable(FlagSet set, Properties user) throws MojoFailureException {
        if ((jvm == null || jvm.isBlank()) && set.jdkMajor() != null) {
            return java(set, Jdks.discover(user.getProperty(Jdks.SETTING))).toString();
        }
        if (jvm == null || jvm.isBlank()) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        Path p = Path.of(jvm);
        Path exe = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
        if (!Files.isExecutable(exe)) {
            throw new MojoFailureException("-Dtaskbench.jvm=" + jvm + " is neither a JDK home nor a java executable");
        }
        return exe.toString();
    }

    static Path java(FlagSet set, Jdks jdks) throws MojoFailureException {
        try {
            return jdks.java(set);
        } catch (TaskbenchException e) {
            throw new MojoFailureException(e.getMessage() + "; -Dtaskbench.jvm=HOME picks one", e);
        }
    }

    private int runChild(List<String> command, Path privateDir) throws MojoExecutionException {
        Process child;
        try {
            child = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
        } catch (IOException e) {
            deleteTree(privateDir);
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread stopper = new Thread(() -> stop(child, privateDir), "taskbench-stop-child");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            stop(child, privateDir);
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while " + mainClass() + " was running", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
            deleteTree(privateDir);
        }
    }

    /**
     * Ends the child and everything it started (Ctrl-C, a cancelled CI job): asks the child first, so
     * its own hook can delete what it wrote and end its processes, then kills whatever of its tree
     * outlived that, and removes its private folder (where the database hand-off file lives).
     */
    static void stop(Process child, Path privateDir) {
        List<ProcessHandle> tree = new ArrayList<>(Processes.tree(child.toHandle()));
        child.destroy();
        Processes.awaitGone(List.of(child.toHandle()), Processes.GRACE.multipliedBy(2).plusSeconds(2));
        child.descendants().forEach(tree::add);
        Processes.end(tree, Duration.ZERO);
        deleteTree(privateDir);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | UncheckedIOException e) {
            System.err.println("taskbench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
