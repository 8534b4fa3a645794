package dev.taskbench.maven;

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
}
