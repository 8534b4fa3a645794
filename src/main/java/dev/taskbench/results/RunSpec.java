package dev.taskbench.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code -Dbase} and {@code -Dcandidate} name: a run (a folder name under
 * {@code results/}, a path to a run folder or a JMH JSON file), optionally followed by
 * {@code :FLAGSET} to take one flag set of it ({@code 20261128-101500-standard:c1}).
 */
public record RunSpec(String run, Optional<String> flagSet) {
    private static final String FLAG_SET_NAME = "[A-Za-z0-9][A-Za-z0-9+._-]*";

    /** A suffix {@code :NAME} is a flag set unless the whole text names an existing path. */
    public static RunSpec parse(String text, Path resultsRoot) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || Files.exists(Path.of(text))
                || Files.exists(resultsRoot.resolve(text))) {
            return new RunSpec(text, Optional.empty());
        }
        String suffix = text.substring(colon + 1);
        return suffix.matches(FLAG_SET_NAME) ? new RunSpec(text.substring(0, colon), Optional.of(suffix))
                : new RunSpec(text, Optional.empty());
    }

    @Override
    public String toString() {
        return run + flagSet.map(f -> ":" + f).orElse("");
    }
}
