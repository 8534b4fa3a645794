package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.NeighbourCpu;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disturbed forks found and re-run, end to end: a real neighbour (a shell busy loop outside the
 * runner's process tree) burns a core while a small run measures, so every fork is disturbed;
 * the run re-runs each up to the cap, keeps the replaced forks apart with why, and marks what is
 * still disturbed in the rows the findings read.
 */
class SuspectRerunsTest {
    @RegisterExtension
    final BehaviourRunProperties properties = new BehaviourRunProperties();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path results, String... settings) {
        String[] args = Stream.concat(Stream.of("-Dtaskbench.results=" + results, "-Dtaskbench.profile=smoke",
                "-Dtaskbench.reference=off", "-Djmh.include=CounterLoopBenchmark.opaque",
                "-Djmh.args=-f 3 -wi 1 -w 100ms -i 2 -r 100ms -p outer=100"), Stream.of(settings))
                .toArray(String[]::new);
        return SuiteRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void forksBesideABusyNeighbourAreReRunAndTheReplacedKeptWithWhy(@TempDir Path results) throws Exception {
        assumeTrue(NeighbourCpu.system().unavailable().isEmpty(), "needs Linux's /proc");
        try (Hog hog = Hog.start()) {
            int code = run(results, "-Dtaskbench.rerun.max=1");
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        }
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("suspect fork(s)") && o.contains("re-running them (1 of at most 1)"), o);
        Path run = onlyRun(results);
        assertTrue(Files.exists(run.resolve(ForkLog.REPLACED_PREFIX + "default.json")), "replaced forks kept");
        RunResults read = RunResults.read(run);
        ForkLog log = ForkLog.of(read.metadata()).orElseThrow();
        assertEquals(1, log.rerunCap());
        ForkLog.RowLog row = log.rows().get(0);
        assertTrue(row.replaced().size() >= 1, "at least one fork replaced: " + row);
        assertTrue(row.replaced().stream().allMatch(f -> !f.why().isEmpty()), "each replaced fork says why: " + row);
        assertTrue(row.replaced().stream().anyMatch(f -> f.why().stream().anyMatch(w -> w.startsWith("machine busy"))),
                "the neighbour is named: " + row);
        assertEquals(3, read.results().get(0).forks().length, "the results keep the row's fork count");
        BenchmarkResult r = read.results().get(0);
        assertEquals(row.disturbedKept(), r.disturbedForks(), "the findings read the log's count");
        assertTrue(o.contains("Forks re-run or suspect"), "the console says so:\n" + o);
        assertTrue(Files.readString(run.resolve("report.md")).contains("Replaced by a re-run"));
    }

    @Test
    void withReRunsOffTheDisturbedForksStayMarked(@TempDir Path results) throws Exception {
        assumeTrue(NeighbourCpu.system().unavailable().isEmpty(), "needs Linux's /proc");
        try (Hog hog = Hog.start()) {
            assertEquals(0, run(results, "-Dtaskbench.rerun.max=0"), err.toString(StandardCharsets.UTF_8));
        }
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("re-runs are off"), o);
        Path run = onlyRun(results);
        assertTrue(Files.notExists(run.resolve(ForkLog.REPLACED_PREFIX + "default.json")));
        RunResults read = RunResults.read(run);
        assertTrue(read.results().get(0).disturbedForks() >= 1, "disturbed forks counted: " + read.metadata());
    }

    /**
     * The baseline jar's forks run in its own JMH, and are watched from the runner's side: beside a
     * busy neighbour they are logged disturbed, side=baseline, and the comparison says so in the row.
     */
    @Test
    void theBaselineJarsForksAreWatchedAndTheComparisonSaysTheyWereDisturbed(@TempDir Path dir) throws Exception {
        assumeTrue(NeighbourCpu.system().unavailable().isEmpty(), "needs Linux's /proc");
        Path results = Files.createDirectories(dir.resolve("results"));
        try (Hog hog = Hog.start()) {
            assertEquals(0, run(results, "-Dtaskbench.rerun.max=0",
                    "-Dtaskbench.baseline.jar=" + SuiteRunnerTest.manifestJar(dir)), err.toString(StandardCharsets.UTF_8));
        }
        Path run = onlyRun(results);
        ForkLog.RowLog row = ForkLog.of(RunResults.read(run).metadata()).orElseThrow().rows().get(0);
        assertEquals(3, row.baseline().size(), "one baseline fork a round: " + row);
        assertTrue(row.baseline().stream().allMatch(f -> f.side().equals(ForkLog.BASELINE)), row.toString());
        assertTrue(row.baseline().stream().allMatch(f -> Double.isFinite(f.level()) && f.seconds() > 0), row.toString());
        assertTrue(row.baseline().stream().anyMatch(ForkLog.Fork::disturbed), "the neighbour is seen: " + row);
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("base forks disturbed (the machine busy beside them)"), o);
    }

    private static Path onlyRun(Path results) throws IOException {
        try (Stream<Path> s = Files.list(results)) {
            List<Path> runs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().startsWith("compare-"))
                    .toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    /** A busy loop in a shell whose parent has exited, so it belongs to no tree the runner watches. */
    private record Hog(ProcessHandle loop) implements AutoCloseable {
        static Hog start() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!")
                    .redirectErrorStream(true).start();
            String pid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return new Hog(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
        }

        @Override
        public void close() {
            loop.destroyForcibly();
        }
    }
}
