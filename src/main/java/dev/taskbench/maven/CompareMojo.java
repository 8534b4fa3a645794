package dev.taskbench.maven;

import java.util.Set;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn jmh:compare -Dbase=RUN -Dcandidate=RUN [-Dtaskbench.gate=true]}: see {@code CompareCommand}. */
@Mojo(name = "compare", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class CompareMojo extends ForkedMainMojo {

    @Override
    String mainClass() {
        return "dev.taskbench.cli.CompareCommand";
    }

    @Override
    Set<String> extraSettings() {
        return Set.of("base", "candidate");
    }
}
