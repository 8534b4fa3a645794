package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.write.UsersBenchmark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** Which rows a pass leaves out for its fork JDK, on the real benchmark list. */
class JdkFilterTest {
    private static final List<BenchmarkListEntry> USERS =
            Selection.of(List.of("^" + UsersBenchmark.class.getName() + "\\."), List.of());

    @Test
    void jdk17PassLeavesOutVirtualOnly() {
        JdkFilter f = JdkFilter.of(USERS, 17, "default");
        assertEquals(List.of(UsersBenchmark.class.getName() + ".platform"),
                f.kept().stream().map(BenchmarkListEntry::getUsername).toList());
        assertEquals(List.of(UsersBenchmark.class.getName() + ".virtual needs JDK 21+, left out of flag set default"
                + " on JDK 17; -Dtaskbench.flagsets=jdk25 runs it"), f.leftOut());
    }

    @Test
    void jdk25PassKeepsBoth() {
        JdkFilter f = JdkFilter.of(USERS, 25, "jdk25");
        assertEquals(2, f.kept().size());
        assertEquals(List.of(), f.leftOut());
    }
}
