package dev.taskbench.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn jmh:run}: compiles what changed, then runs the suite's own runner
 * ({@code dev.taskbench.runner.SuiteRunner}) in a fresh JVM on the project's classpath.
 * Every {@code -Dtaskbench.*} and {@code -Djmh.*} setting is passed on. All logic lives in
 * the runner; this goal only starts it.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RunMojo extends AbstractMojo {
    static final String RUNNER = "dev.taskbench.runner.SuiteRunner";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** JDK home (or java executable) for the runner and, through it, the JMH forks. Defaults to Maven's JVM. */
    @Parameter(property = "taskbench.jvm")
    private String jvm;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-cp");
        try {
            command.add(String.join(File.pathSeparator, project.getRuntimeClasspathElements()));
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the project's classpath: " + e.getMessage(), e);
        }
        command.add(RUNNER);
        command.add("-Dtaskbench.basedir=" + project.getBasedir().getAbsolutePath());
        for (Map.Entry<String, String> e : passedSettings(session.getUserProperties()).entrySet()) {
            command.add("-D" + e.getKey() + "=" + e.getValue());
        }
        int exit = runChild(command);
        if (exit != 0) {
            throw new MojoFailureException("taskbench run failed (exit code " + exit + "); the reason is printed above");
        }
    }

    /** The {@code taskbench.*} and {@code jmh.*} user properties, in a stable order. */
    static Map<String, String> passedSettings(java.util.Properties userProperties) {
        Map<String, String> out = new TreeMap<>();
        for (String key : userProperties.stringPropertyNames()) {
            if ((key.startsWith("taskbench.") || key.startsWith("jmh.")) && !key.equals("taskbench.jvm")) {
                out.put(key, userProperties.getProperty(key));
            }
        }
        return out;
    }

    private String javaExecutable() throws MojoFailureException {
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

    private int runChild(List<String> command) throws MojoExecutionException {
        Process child;
        try {
            child = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread killer = new Thread(child::destroy, "taskbench-stop-runner");
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while the suite was running", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
