package dev.taskbench.maven;

import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.runner.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn jmh:run}: compiles what changed, then runs the suite's runner
 * ({@code dev.taskbench.runner.SuiteRunner}) in a fresh JVM. Every {@code -Dtaskbench.*} and
 * {@code -Djmh.*} setting is passed on.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RunMojo extends ForkedMainMojo {
    /** The uber-jar {@code mvn package} builds: {@code java -jar target/benchmarks.jar}. */
    static final String CANDIDATE_JAR = "benchmarks.jar";

    @Override
    String mainClass() {
        return "dev.taskbench.runner.SuiteRunner";
    }

    /**
     * Beside a baseline jar the candidate runs from its own uber-jar, as the baseline does: JMH's forks take
     * their host's classpath, and the same classes ran measurably apart on some rows from {@code target/classes}
     * and the dependency jars than from one jar, in every fork, which an interleaved comparison read as a
     * change. A jar missing or older than the compiled classes is a one-line error.
     */
    @Override
    List<String> classpath(MavenProject project, Properties user) throws MojoExecutionException, MojoFailureException {
        if (user.getProperty(SettingsCatalogue.BASELINE_JAR.key(), "").isBlank()) {
            return super.classpath(project, user);
        }
        Path jar = Path.of(project.getBuild().getDirectory(), CANDIDATE_JAR);
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        try {
            if (!Files.isRegularFile(jar) || newest(classes) > Files.getLastModifiedTime(jar).toMillis()) {
                throw new MojoFailureException("taskbench: beside a baseline jar the candidate runs from its own jar as the"
                        + " baseline does, and " + jar + (Files.isRegularFile(jar) ? " is older than " + classes : " is missing")
                        + ": run mvn package -DskipTests first");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + classes + ": " + e.getMessage(), e);
        }
        return List.of(jar.toString());
    }

    /** The newest file's time under {@code dir}, 0 when it has none. */
    static long newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long newest = 0;
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            }
            return newest;
        }
    }

    /** {@code -Dbase}: the run a gated run ({@code -Dtaskbench.gate=true}) is compared with. */
    @Override
    Set<String> extraSettings() {
        return Set.of(RunSettings.BASE);
    }
}
