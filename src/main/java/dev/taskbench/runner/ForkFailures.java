package dev.taskbench.runner;

import dev.taskbench.results.BenchmarkKey;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.UnCloseablePrintStream;
import org.openjdk.jmh.util.Utils;

/**
 * JMH's console, watched for the rows whose fork failed, when JMH is told to go on past a failure:
 * a benchmark that throws prints {@code <failure>} and its stack trace from inside its fork (and
 * its fork may still hand back the iterations before it), and a fork that dies before it answers
 * starts a benchmark it never ends. Each such row is named with its exception's first line and
 * its deepest cause. Everything else reaches the console as JMH prints it.
 */
final class ForkFailures implements OutputFormat {
    /** What JMH prints, inside the fork, before the stack trace of a benchmark that threw. */
    static final String FAILURE_MARK = "<failure>";
    /** The most of a reason kept: a message can carry a whole response body. */
    static final int MOST_CHARS = 300;

    private final OutputFormat console;
    private final Map<BenchmarkKey, String> failed = new LinkedHashMap<>();
    private BenchmarkParams current;
    private boolean ended = true;
    private boolean traceNext;

    ForkFailures(OutputFormat console) {
        this.console = console;
    }

    /** Watching the console JMH would print to with these options (its verbosity, standard out). */
    static ForkFailures onConsole(Options options) {
        try {
            return new ForkFailures(OutputFormatFactory.createFormatInstance(
                    new UnCloseablePrintStream(System.out, Utils.guessConsoleEncoding()),
                    options.verbosity().orElse(VerboseMode.NORMAL)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows whose fork failed in this JMH invocation, each with why, in the order they failed. */
    Map<BenchmarkKey, String> failed() {
        return Collections.unmodifiableMap(failed);
    }

    /** "java.io.IOException: no bytes (cause: java.io.IOException: closed locally)" from a printed stack trace. */
    static String reason(String trace) {
        String first = null;
        String deepest = null;
        for (String line : trace.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("at ") || t.startsWith("...")) {
                continue;
            }
            if (first == null) {
                first = t;
            } else if (t.startsWith("Caused by: ")) {
                deepest = t.substring("Caused by: ".length());
            }
        }
        String why = first == null ? "it threw (no stack trace printed)"
                : deepest == null || deepest.equals(first) ? first : first + " (cause: " + deepest + ")";
        return why.length() <= MOST_CHARS ? why : why.substring(0, MOST_CHARS - 3) + "...";
    }

    private void fail(String why) {
        if (current != null) {
            failed.putIfAbsent(SuspectReruns.key(current), why);
        }
    }

    /** A benchmark JMH started and never ended: its fork gave no result. */
    private void checkEnded() {
        if (!ended) {
            fail("its fork ended without a result (the forked JVM failed; its output is above)");
        }
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        checkEnded();
        current = params;
        ended = false;
        traceNext = false;
        console.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        ended = true;
        console.endBenchmark(result);
    }

    @Override
    public void println(String s) {
        if (FAILURE_MARK.equals(s)) {
            traceNext = true;
        } else if (traceNext && s != null && !s.isBlank()) {
            traceNext = false;
            fail(reason(s));
        }
        console.println(s);
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        checkEnded();
        ended = true;
        console.endRun(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        console.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
            IterationResult data) {
        console.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        console.startRun();
    }

    @Override
    public void print(String s) {
        console.print(s);
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public void close() {
        console.close();
    }

    @Override
    public void verbosePrintln(String s) {
        console.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        console.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        console.write(b);
    }
}
