package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

class BaselineJarTest {
    private static final Path FIXTURES = Path.of("src/test/resources/jmh");

    @Test
    void theBaselineGetsTheCandidatesOptionsAsJmhCliArguments() throws Exception {
        Properties p = new Properties();
        p.setProperty(RunRequest.PROFILE, "standard");
        p.setProperty(RunRequest.JMH_INCLUDE, "Connection");
        RunRequest r = RunRequest.from(new Settings(p, Map.of()));
        CommandLineOptions user = JmhOptionsFactory.parseUserArgs(List.of("-p", "source=hikari,agroal", "-t", "2"));
        Options o = JmhOptionsFactory.build(r, user, new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT,
                null, 1, List.of("^x\\.Y\\.z$"), null, null), List.of("-Dtaskbench.db.handoff=/tmp/h"));
        List<String> args = BaselineJar.cliArgs(o, List.of("source", "poolSize"));
        // JMH's own parser must read them back to the same options
        CommandLineOptions back = new CommandLineOptions(args.toArray(new String[0]));
        assertEquals(List.of("Connection"), back.getIncludes());
        assertEquals(List.of("^x\\.Y\\.z$"), back.getExcludes());
        assertEquals(1, back.getForkCount().get());
        assertEquals(Profile.STANDARD.measurementIterations(), back.getMeasurementIterations().get());
        assertEquals(o.getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS),
                back.getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertEquals(2, back.getThreads().get());
        assertEquals(List.of("hikari", "agroal"), List.copyOf(back.getParameter("source").get()));
        assertTrue(back.getProfilers().stream().anyMatch(pc -> pc.getKlass().equals("gc")));
        assertEquals(List.copyOf(o.getJvmArgs().get()), List.copyOf(back.getJvmArgs().get()));
        assertTrue(back.getJvmArgsAppend().get().contains("-Dtaskbench.db.handoff=/tmp/h"));
        assertTrue(back.shouldFailOnError().get());
    }

    @Test
    void roundsJoinIntoOneResultWithEveryFork(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("jmh-default.json");
        BaselineJar.mergeRounds(List.of(FIXTURES.resolve("pool-aa1.json"), FIXTURES.resolve("pool-aa2.json")), out);
        List<BenchmarkResult> merged = JmhJsonReader.read(out, "default");
        List<BenchmarkResult> a = JmhJsonReader.read(FIXTURES.resolve("pool-aa1.json"), "default");
        List<BenchmarkResult> b = JmhJsonReader.read(FIXTURES.resolve("pool-aa2.json"), "default");
        assertEquals(a.size(), merged.size());
        for (int i = 0; i < merged.size(); i++) {
            assertEquals(a.get(i).forkScores().size() + b.get(i).forkScores().size(),
                    merged.get(i).forkScores().size());
            assertEquals(merged.get(i).forkScores().size(), merged.get(i).allocNormPerFork().orElseThrow().size());
        }
        JsonNode first = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals(a.get(0).forkScores().size() + b.get(0).forkScores().size(), first.get("forks").asInt());
    }

    private static Options oneFork(String include, String... jmhArgs) {
        Properties p = new Properties();
        p.setProperty(RunRequest.PROFILE, "smoke");
        p.setProperty(RunRequest.JMH_INCLUDE, include);
        RunRequest r = RunRequest.from(new Settings(p, Map.of()));
        return JmhOptionsFactory.build(r, JmhOptionsFactory.parseUserArgs(List.of(jmhArgs)),
                new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT, null, 1, List.of(), null, null),
                List.of());
    }

    /** The limit is the plan's: per row (benchmark x parameter values) its iterations plus the allowance. */
    @Test
    void theTimeLimitFollowsThePlan() {
        String include = "ConnectionPoolOverheadBenchmark.oneUser$";
        List<org.openjdk.jmh.runner.BenchmarkListEntry> selected = Selection.of(List.of(include), List.of());
        Options two = oneFork(include, "-wi", "1", "-w", "2s", "-i", "3", "-r", "1s", "-p", "source=hikari,dbcp2");
        assertEquals(Duration.ofSeconds(2 * (2 + 3 + 10)), BaselineJar.timeLimit(two, selected, Duration.ofSeconds(10)));
        Options one = oneFork(include, "-wi", "1", "-w", "2s", "-i", "3", "-r", "1s", "-p", "source=hikari");
        assertEquals(Duration.ofSeconds(2 + 3 + 10), BaselineJar.timeLimit(one, selected, Duration.ofSeconds(10)));
    }

    /** A baseline jar that hangs is stopped at its limit, with its children, in one line. */
    @Test
    void aHungBaselineIsStoppedWithItsChildren(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/bash\nsleep 300 &\necho $! > " + pidFile + "\nwait\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Path jar = Files.writeString(dir.resolve("baseline.jar"), "");
        String include = "ConnectionPoolOverheadBenchmark.oneUser$";
        Options o = oneFork(include, "-wi", "0", "-i", "1", "-r", "100ms", "-p", "source=hikari");
        long t0 = System.nanoTime();
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> new BaselineJar(jar, Duration.ofSeconds(1))
                .runRound(o, Profile.SMOKE, java, Selection.of(List.of(include), List.of()), dir.resolve("o.json")));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos(), "stopped at its limit");
        assertTrue(e.getMessage().contains("did not finish within 1 s") && e.getMessage().contains(BaselineJar.ALLOWANCE)
                && !e.getMessage().contains("\n"), e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(ProcessHandle.of(child).map(h -> !Processes.running(h)).orElse(true), "its child " + child + " ended too");
    }

    @Test
    void aMissingJarIsAReadableError(@TempDir Path dir) {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> new BaselineJar(dir.resolve("no.jar"),
                Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("benchmarks.jar"), e.getMessage());
    }
}
