package dev.taskbench.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn jmh:history [-Dtaskbench.history.dir=DIR]}: see {@code HistoryCommand}. */
@Execute(phase = LifecyclePhase.COMPILE)
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class HistoryMojo extends ForkedMainMojo {

    @Override
    String mainClass() {
        return "dev.taskbench.cli.HistoryCommand";
    }
}
