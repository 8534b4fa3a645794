package dev.taskbench.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

@Mojo(name = "run")
public final class RunMojo extends AbstractMojo {
    @Override
    public void execute() {
        getLog().info("hello");
    }
}
