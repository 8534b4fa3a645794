package dev.taskbench.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:serve [-Dtaskbench.port=8080] [-Dtaskbench.server.path=jdbcPrepared]
 * [-Dtaskbench.server.source=hikari] [-Dtaskbench.server.pool=10] [-Dtaskbench.server.threading=selector]}:
 * the seed's service until Ctrl-C; see {@code dev.taskbench.cli.ServeCommand}.
 */
@Mojo(name = "serve", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class ServeMojo extends ForkedMainMojo {

    @Override
    boolean takesFlagSet() {
        return true;
    }

    @Override
    String mainClass() {
        return "dev.taskbench.cli.ServeCommand";
    }
}
