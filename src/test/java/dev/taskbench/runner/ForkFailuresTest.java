package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ceiling.CeilingProfilerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Which rows' forks failed, from what JMH tells its console, and the one line each is named with. */
class ForkFailuresTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ForkFailures watch = new ForkFailures(OutputFormatFactory.createFormatInstance(
            new PrintStream(console, true, StandardCharsets.UTF_8), VerboseMode.NORMAL));

    private static BenchmarkParams row(String method) {
        return CeilingProfilerTest.params("dev.taskbench.loop.CounterLoopBenchmark." + method, Mode.AverageTime, 1, 1);
    }

    @Test
    void aBenchmarkThatThrewIsNamedWithItsExceptionAndStillReachesTheConsole() {
        watch.startBenchmark(row("opaque"));
        watch.println(ForkFailures.FAILURE_MARK);
        watch.println("");
        watch.println("java.lang.NumberFormatException: For input string: \"oops\"\n\tat x.y(Z.java:1)");
        watch.endBenchmark(null);
        watch.startBenchmark(row("faithful"));
        watch.println("Iteration   1: 3.3 ms/op");
        watch.endBenchmark(null);
        watch.endRun(List.of());
        assertEquals(List.of("CounterLoopBenchmark.opaque avgt t1: java.lang.NumberFormatException: For input string: "
                + "\"oops\""), watch.failed().entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue())
                .toList());
        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("<failure>") && shown.contains("For input string") && shown.contains("Iteration   1"),
                shown);
    }

    @Test
    void aForkThatNeverAnsweredFailsItsRow() {
        watch.startBenchmark(row("opaque"));
        watch.startBenchmark(row("faithful"));
        watch.endBenchmark(null);
        watch.startBenchmark(row("plain"));
        watch.endRun(List.of());
        assertEquals(List.of("CounterLoopBenchmark.opaque avgt t1", "CounterLoopBenchmark.plain avgt t1"),
                watch.failed().keySet().stream().map(k -> k.label()).toList());
        assertTrue(watch.failed().values().stream().allMatch(w -> w.startsWith("its fork ended without a result")));
    }

    @Test
    void aReasonIsTheExceptionAndItsDeepestCause() {
        String trace = """
                java.io.IOException: HTTP/1.1 header parser received no bytes
                \tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:586)
                \tat dev.taskbench.load.JdkClient.post(JdkClient.java:50)
                Caused by: java.io.IOException: HTTP/1.1 header parser received no bytes
                \tat java.net.http/jdk.internal.net.http.common.Utils.wrapWithExtraDetail(Utils.java:348)
                Caused by: java.io.IOException: connection closed locally
                \tat java.net.http/jdk.internal.net.http.Http1Response.onReadError(Http1Response.java:555)
                \t... 12 more
                """;
        assertEquals("java.io.IOException: HTTP/1.1 header parser received no bytes (cause: java.io.IOException: "
                + "connection closed locally)", ForkFailures.reason(trace));
    }

    @Test
    void aTraceWithoutCauseIsItsFirstLine() {
        assertEquals("java.lang.NumberFormatException: For input string: \"oops\"", ForkFailures.reason(
                "java.lang.NumberFormatException: For input string: \"oops\"\n\tat java.base/x.y(Z.java:1)\n"));
    }

    @Test
    void aLongMessageIsCut() {
        String why = ForkFailures.reason("java.lang.IllegalStateException: expected 201, got 500 " + "x".repeat(1000));
        assertEquals(ForkFailures.MOST_CHARS, why.length());
        assertTrue(why.endsWith("..."), why);
    }
}
