package dev.taskbench.maven;

import dev.taskbench.runner.RunSettings;
import java.util.Set;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:run}: compiles what changed, then runs the suite's runner
 * ({@code dev.taskbench.runner.SuiteRunner}) in a fresh JVM. Every {@code -Dtaskbench.*} and
 * {@code -Djmh.*} setting is passed on.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RunMojo extends ForkedMainMojo {

    @Override
    String mainClass() {
        return "dev.taskbench.runner.SuiteRunner";
    }

    /** {@code -Dbase}: the run a gated run ({@code -Dtaskbench.gate=true}) is compared with. */
    @Override
    Set<String> extraSettings() {
        return Set.of(RunSettings.BASE);
    }
}
