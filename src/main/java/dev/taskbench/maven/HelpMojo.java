package dev.taskbench.maven;

import dev.taskbench.config.SettingsCatalogue;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn jmh:help}: every {@code -Dtaskbench.*} setting by the goal that reads it, with its
 * environment variable, default and what it takes, from {@link SettingsCatalogue}. It needs no
 * project and starts no JVM.
 */
@Mojo(name = "help", requiresProject = false, threadSafe = true)
public final class HelpMojo extends AbstractMojo {

    @Override
    public void execute() {
        SettingsCatalogue.help().forEach(getLog()::info);
    }
}
