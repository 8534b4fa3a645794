package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taskbench.results.BenchmarkKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result row's profile folder is the one JMH's async profiler names its trial. */
class ProfileLinksTest {
    @Test
    void theFolderIsJmhsTrialIdWithPercentAsUnderscore() {
        BenchmarkKey key = BenchmarkKey.of("dev.taskbench.pool.ConnectionPoolOverheadBenchmark.oneUser",
                Map.of("source", "hikari", "path", "a b/c"), "avgt", 1);
        assertEquals("dev.taskbench.pool.ConnectionPoolOverheadBenchmark.oneUser-AverageTime-path-a+b_2Fc-source-hikari",
                ProfileLinks.rowFolder(key));
        assertEquals("x.B.m-Throughput", ProfileLinks.rowFolder(BenchmarkKey.of("x.B.m", Map.of(), "thrpt", 4)));
    }
}
