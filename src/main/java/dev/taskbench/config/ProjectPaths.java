package dev.taskbench.config;

import java.nio.file.Path;

/** Where a command finds the project and its results, from its settings. */
public final class ProjectPaths {
    /** The project folder; the Maven goals set it, else the working directory. */
    public static final String BASEDIR = SettingsCatalogue.BASEDIR.key();
    /** The results folder, relative to the project unless absolute. */
    public static final String RESULTS_DIR = SettingsCatalogue.RESULTS.key();
    public static final String RESULTS_ENV = SettingsCatalogue.RESULTS.env();

    private ProjectPaths() {
    }

    public static Path projectDir(Settings s) {
        return Path.of(s.string(BASEDIR, null, ".")).toAbsolutePath().normalize();
    }

    /** {@code -Dtaskbench.results} (or {@code TASKBENCH_RESULTS}) as given, default {@code results}. */
    public static Path resultsDir(Settings s) {
        return s.path(SettingsCatalogue.RESULTS, Path.of("results"));
    }

    /** The results folder resolved against the project folder. */
    public static Path resultsRoot(Settings s) {
        return projectDir(s).resolve(resultsDir(s));
    }
}
