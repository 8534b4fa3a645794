package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ExitCodes;
import dev.taskbench.Processes;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.LockProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that do not end well, each a real runner in a JVM of its own (as {@code mvn jmh:run}
 * starts it), on the real database: interrupted mid-benchmark, and two at once on one database.
 */
class RunFaultsTest {
    private static final Duration START = Duration.ofSeconds(180);

    /** A runner JVM; {@code env --default-signal=INT} undoes a SIGINT ignored by whatever started the tests. */
    private static Process start(Path results, Path handoffs, Path log, String... settings) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djmh.ignoreLock=true",
                "-cp", System.getProperty("java.class.path"), SuiteRunner.class.getName(),
                "-Dtaskbench.results=" + results, "-D" + DatabaseHandoff.DIR_PROPERTY + "=" + handoffs));
        cmd.addAll(List.of(settings));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static void awaitOutput(Process p, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (!read(log).contains(text)) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "no '" + text + "' in:\n" + read(log));
            Thread.sleep(50);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void sigintMidBenchmarkLeavesNoProcessNoHandoffAndNoUnmarkedRunFolder(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Path handoffs = dir.resolve("handoffs");
        Path log = dir.resolve("run.log");
        Process run = start(results, handoffs, log, "-Dtaskbench.profile=smoke",
                "-Djmh.include=ConnectionBenchmark.oneUser$", "-Djmh.args=-f 1 -wi 0 -i 1 -r 120s -p source=hikari");
        try {
            awaitOutput(run, log, "Iteration   1:"); // the 120 s iteration has begun
            List<ProcessHandle> tree = Processes.tree(run.toHandle());
            assertTrue(tree.size() > 1, "a JMH fork runs under the runner:\n" + read(log));
            assertEquals(1, list(handoffs).size(), "the hand-off file exists while the run does");
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor());
            assertTrue(Processes.awaitGone(tree, Duration.ofSeconds(10)), "left after 10 s: "
                    + tree.stream().filter(ProcessHandle::isAlive).map(h -> h.pid() + " " + h.info().command()
                            .orElse("?")).toList() + "\n" + read(log));
            assertEquals(List.of(), list(handoffs), "no hand-off file (it holds the password)");
            for (Path f : list(results)) {
                String name = f.getFileName().toString();
                assertTrue(name.startsWith(".incomplete-") && Files.exists(f.resolve(RunGuard.MARKER)),
                        "only a run folder marked unfinished may stay: " + name);
            }
        } finally {
            Processes.end(Processes.tree(run.toHandle()), Duration.ZERO);
        }
    }

    private static final String[] WRITES = {"-Dtaskbench.profile=smoke", "-Dtaskbench.ceiling=off",
        "-Djmh.include=InsertBenchmark.requestOneUser$", "-Djmh.args=-f 1 -wi 0 -i 1 -r 200ms -p path=jdbcPrepared"};

    private static String[] writes(String... more) {
        List<String> s = new ArrayList<>(List.of(WRITES));
        s.addAll(List.of(more));
        return s.toArray(String[]::new);
    }

    /**
     * Both find the database taken (another JVM holds its lock, not their parent), say so in one line naming the
     * holder, then run one after the other once it is free: both publish, under names of their
     * own in one results folder, both proofs of work hold.
     */
    @Test
    void twoRunsStartedTogetherTakeTurnsAndBothProveTheirWork(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Process a;
        Process b;
        Process held = LockProcess.holding(dir.resolve("holder.log"));
        String holder = "'" + DatabaseLock.APPLICATION_NAME + " tests-hold pid " + held.pid() + "'";
        try {
            a = start(results, dir.resolve("ha"), dir.resolve("a.log"), writes());
            b = start(results, dir.resolve("hb"), dir.resolve("b.log"), writes());
            awaitOutput(a, dir.resolve("a.log"), "is in use by");
            awaitOutput(b, dir.resolve("b.log"), "is in use by");
        } finally {
            LockProcess.release(held);
        }
        try {
            for (String run : List.of("a", "b")) {
                String said = read(dir.resolve(run + ".log"));
                String line = said.lines().filter(l -> l.contains("is in use by")).findFirst().orElseThrow();
                assertTrue(line.startsWith("taskbench: the database ") && line.contains(holder)
                        && line.contains("-D" + DatabaseLock.WAIT), line);
            }
            assertTrue(a.waitFor(START.toSeconds(), TimeUnit.SECONDS) && b.waitFor(START.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, a.exitValue(), read(dir.resolve("a.log")));
            assertEquals(0, b.exitValue(), read(dir.resolve("b.log")));
            List<Path> published = list(results).stream().filter(Files::isDirectory).toList();
            assertEquals(2, published.size(), published.toString());
            for (Path run : published) {
                assertTrue(Files.isRegularFile(run.resolve(ResultsStore.DEFAULT_RESULT_FILE)), run.toString());
            }
        } finally {
            Processes.end(Processes.tree(a.toHandle()), Duration.ZERO);
            Processes.end(Processes.tree(b.toHandle()), Duration.ZERO);
        }
    }

    @Test
    void aRunThatCannotHaveTheDatabaseInTimeRefusesInOneLineWithItsOwnExitCode(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Path log = dir.resolve("run.log");
        Process held = LockProcess.holding(dir.resolve("holder.log"));
        try {
            Process p = start(results, dir.resolve("h"), log, writes("-D" + DatabaseLock.WAIT + "=1"));
            try {
                assertTrue(p.waitFor(START.toSeconds(), TimeUnit.SECONDS), read(log));
                assertEquals(ExitCodes.DATABASE_BUSY, p.exitValue(), read(log));
            } finally {
                Processes.end(Processes.tree(p.toHandle()), Duration.ZERO);
            }
        } finally {
            LockProcess.release(held);
        }
        String said = read(log);
        List<String> refusal = said.lines().filter(l -> l.contains("is still in use by")).toList();
        assertEquals(1, refusal.size(), said);
        assertTrue(refusal.get(0).startsWith("taskbench: the database ") && refusal.get(0).contains("after 1 s"),
                refusal.get(0));
        assertFalse(said.contains("\tat "), said);
        assertEquals(List.of(), list(results).stream().filter(f -> !f.getFileName().toString().startsWith("."))
                .toList(), "no run folder");
    }
}
