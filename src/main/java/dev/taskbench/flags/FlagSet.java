package dev.taskbench.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * A named set of JVM options, optionally pinned to a JDK major version. Sets combine with
 * {@code +}: options concatenate, and at most one JDK may be named.
 */
public record FlagSet(String name, List<String> jvmOptions, Integer jdkMajor) {

    public FlagSet {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The runner's JVM with its defaults: what a run without flag sets uses. */
    public static final FlagSet DEFAULT = new FlagSet("default", List.of(), null);

    FlagSet plus(FlagSet other) {
        if (jdkMajor != null && other.jdkMajor != null && !jdkMajor.equals(other.jdkMajor)) {
            throw new IllegalArgumentException("'" + name + "+" + other.name + "' names two JDKs (" + jdkMajor
                    + " and " + other.jdkMajor + ")");
        }
        List<String> opts = new ArrayList<>(jvmOptions);
        opts.addAll(other.jvmOptions);
        return new FlagSet(name + "+" + other.name, opts, jdkMajor != null ? jdkMajor : other.jdkMajor);
    }

    /** A name safe for a file name: {@code jmh-<fileName>.json}. */
    public String fileName() {
        return name.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
