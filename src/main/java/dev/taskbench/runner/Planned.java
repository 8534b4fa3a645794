package dev.taskbench.runner;

import dev.taskbench.flags.FlagSet;
import java.nio.file.Path;

/**
 * A flag set that will run: on which JVM ({@code java} null: the runner's), its label and its
 * feature release.
 */
record Planned(FlagSet flagSet, Path java, String jdk, int feature) {
    /** The {@code java} its forks start with. */
    Path forkJava() {
        return java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
