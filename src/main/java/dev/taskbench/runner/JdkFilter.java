package dev.taskbench.runner;

import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.NeedsJdk;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The benchmarks a pass can run on its fork JDK: those whose {@link NeedsJdk} asks for a newer
 * release are left out, each with one line saying which, why and which flag set runs it.
 */
public record JdkFilter(List<BenchmarkListEntry> kept, List<String> leftOut) {
    /** The flag set whose forks run on a JDK new enough for every declaration in the suite. */
    static final String NEWER_FLAG_SET = "jdk25";

    public JdkFilter {
        kept = List.copyOf(kept);
        leftOut = List.copyOf(leftOut);
    }

    /** Splits the selection for a pass of flag set {@code flagSet} whose forks run JDK {@code forkJdk}. */
    public static JdkFilter of(List<BenchmarkListEntry> selected, int forkJdk, String flagSet) {
        List<BenchmarkListEntry> kept = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (BenchmarkListEntry e : selected) {
            int needs = Declarations.of(e.getUsername(), NeedsJdk.class).map(NeedsJdk::value).orElse(0);
            if (needs > forkJdk) {
                leftOut.add(e.getUsername() + " needs JDK " + needs + "+, left out of flag set " + flagSet
                        + " on JDK " + forkJdk + "; -Dtaskbench.flagsets=" + NEWER_FLAG_SET + " runs it");
            } else {
                kept.add(e);
            }
        }
        return new JdkFilter(kept, leftOut);
    }
}
