package dev.taskbench.flags;

import java.nio.file.Path;

/** An installed JDK: its major version, full version string and home. */
public record Jdk(int major, String version, Path home) {

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    @Override
    public String toString() {
        return version + " (" + home + ")";
    }
}
