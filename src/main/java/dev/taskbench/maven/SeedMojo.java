package dev.taskbench.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:seed [-Dtaskbench.seed.writes=1000000]}: the seed's 10 users x 1000 writes and
 * its CPU round against an in-process server, the pgbench ceiling and where the time goes; see
 * {@code dev.taskbench.seed.SeedCommand}.
 */
@Mojo(name = "seed", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SeedMojo extends ForkedMainMojo {

    @Override
    boolean takesFlagSet() {
        return true;
    }

    @Override
    String mainClass() {
        return "dev.taskbench.seed.SeedCommand";
    }
}
