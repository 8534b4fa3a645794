package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

class JmhOptionsFactoryTest {
    private static final JmhOptionsFactory.Pass PASS = JmhOptionsFactory.Pass.plain();

    private static Options build(String profile, String include, String jmhArgs) {
        Properties p = new Properties();
        if (profile != null) {
            p.setProperty(RunRequest.PROFILE, profile);
        }
        if (include != null) {
            p.setProperty(RunRequest.JMH_INCLUDE, include);
        }
        if (jmhArgs != null) {
            p.setProperty(RunRequest.JMH_ARGS, jmhArgs);
        }
        RunRequest r = RunRequest.from(new Settings(p, Map.of()));
        return JmhOptionsFactory.build(r, JmhOptionsFactory.parseUserArgs(r.jmhArgs()), PASS,
                List.of("-Dtaskbench.db.handoff=/tmp/h"));
    }

    private static boolean hasGcProfiler(Options o) {
        return o.getProfilers().stream().anyMatch(pc -> pc.getKlass().equals("gc"));
    }

    @Test
    void standardIsTheDefaultAndRecordsAllocation() {
        Options o = build(null, null, null);
        assertEquals(Profile.STANDARD.forks(), o.getForkCount().get());
        assertEquals(Profile.STANDARD.measurementIterations(), o.getMeasurementIterations().get());
        assertTrue(hasGcProfiler(o));
        assertTrue(o.shouldFailOnError().get());
    }

    @Test
    void aPassCarriesItsIterationsBeneathTheUsersAndTheCeilingProfiler() {
        var none = JmhOptionsFactory.parseUserArgs(List.of());
        PassPlan.Iterations two = new PassPlan.Iterations(2, TimeValue.milliseconds(1000), 3, TimeValue.seconds(1));
        Options o = JmhOptionsFactory.build(RunRequest.from(new Settings(new Properties(), Map.of())), none,
                new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT, null, null, List.of(), two,
                        "seconds=1;set=default;run=x"), List.of());
        assertEquals(2, o.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(1000), o.getWarmupTime().get());
        assertEquals(3, o.getMeasurementIterations().get());
        assertTrue(o.getProfilers().stream().anyMatch(pc -> pc.getKlass().endsWith("CeilingProfiler")
                && pc.getOpts().equals("seconds=1;set=default;run=x")));
        Options users = JmhOptionsFactory.build(RunRequest.from(new Settings(new Properties(), Map.of())),
                JmhOptionsFactory.parseUserArgs(List.of("-w", "100ms")),
                new JmhOptionsFactory.Pass(dev.taskbench.flags.FlagSet.DEFAULT, null, null, List.of(), two, null)
                        .withoutCeiling(), List.of());
        assertEquals(TimeValue.milliseconds(100), users.getWarmupTime().get(), "the user's warmup wins");
        assertTrue(users.getProfilers().stream().noneMatch(pc -> pc.getKlass().endsWith("CeilingProfiler")));
    }

    @Test
    void smokeIsShortAndSkipsTheGcProfiler() {
        Options o = build("smoke", null, null);
        assertEquals(1, o.getForkCount().get());
        assertEquals(TimeValue.fromString(Profile.SMOKE.measurementTime()), o.getMeasurementTime().get());
        assertFalse(hasGcProfiler(o));
    }

    @Test
    void fullHasManyForksAndTheGcProfiler() {
        Options o = build("FULL", null, null);
        assertEquals(Profile.FULL.forks(), o.getForkCount().get());
        assertTrue(hasGcProfiler(o));
    }

    @Test
    void userArgumentsOverrideTheProfileAndAddIncludes() {
        Options o = build("standard", "Form", "-f 1 -i 3 Connection -p source=hikari -prof gc");
        assertEquals(1, o.getForkCount().get());
        assertEquals(3, o.getMeasurementIterations().get());
        assertEquals(Profile.STANDARD.warmupIterations(), o.getWarmupIterations().get());
        assertTrue(o.getIncludes().containsAll(List.of("Connection", "Form")), o.getIncludes().toString());
        assertEquals(List.of("hikari"), List.copyOf(o.getParameter("source").get()));
        assertEquals(1, o.getProfilers().stream().filter(pc -> pc.getKlass().equals("gc")).count());
    }

    @Test
    void quietForkSettingsAreAlwaysSet() {
        Options o = build("smoke", null, "-jvmArgsAppend -Dx=1");
        List<String> append = List.copyOf(o.getJvmArgsAppend().get());
        assertTrue(append.containsAll(JmhOptionsFactory.QUIET_JVM_ARGS), append.toString());
        assertTrue(append.contains("-Dtaskbench.db.handoff=/tmp/h") && append.contains("-Dx=1"), append.toString());
        assertEquals(JmhOptionsFactory.DEFAULT_JVM_ARGS, List.copyOf(o.getJvmArgs().get()));
    }

    /** A baseline jar's forks are handed the candidate's appended arguments: they end up once, as the candidate's. */
    @Test
    void appendedArgumentsHandedOnAreNotAddedTwice() throws Exception {
        List<String> props = List.of("-Dtaskbench.db.handoff=/tmp/h");
        List<String> candidate = JmhOptionsFactory.append(new org.openjdk.jmh.runner.options.CommandLineOptions(), props);
        List<String> baseline = JmhOptionsFactory.append(new org.openjdk.jmh.runner.options.CommandLineOptions(
                "-jvmArgsAppend", String.join(" ", candidate)), props);
        assertEquals(candidate, baseline);
        assertEquals(List.of("-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dtaskbench.db.handoff=/tmp/h"), candidate);
    }

    @Test
    void forksTouchTheirHeapFirstAndAskForHugePagesOnlyWhereOffered(@TempDir Path dir) throws IOException {
        Path thp = dir.resolve("enabled");
        Files.writeString(thp, "always [madvise] never\n");
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages"),
                JmhOptionsFactory.defaultJvmArgs(thp));
        Files.writeString(thp, "[always] madvise never\n");
        assertTrue(JmhOptionsFactory.defaultJvmArgs(thp).contains("-XX:+UseTransparentHugePages"));
        Files.writeString(thp, "always madvise [never]\n");
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"), JmhOptionsFactory.defaultJvmArgs(thp));
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"),
                JmhOptionsFactory.defaultJvmArgs(dir.resolve("absent")));
    }

    @Test
    void userJvmArgsReplaceTheDefaultHeap() {
        Options o = build("smoke", null, "-jvmArgs '-Xmx2g -XX:+UseSerialGC'");
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), List.copyOf(o.getJvmArgs().get()));
    }

    @Test
    void badJmhArgumentsAndProfilesAreReadableErrors() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> build("smoke", null, "-f notanumber"));
        assertTrue(e.getMessage().contains("-Djmh.args"), e.getMessage());
        TaskbenchException p = assertThrows(TaskbenchException.class, () -> build("quick", null, null));
        assertTrue(p.getMessage().contains("smoke, standard, full"), p.getMessage());
    }

    @Test
    void argumentsAreSplitLikeAShellWould() {
        assertEquals(List.of("-f", "1", "-jvmArgs", "-Xint -Xmx1g", "a b"),
                RunRequest.tokenize("  -f 1 -jvmArgs \"-Xint -Xmx1g\" 'a b' "));
        assertEquals(List.of(), RunRequest.tokenize(null));
        assertThrows(TaskbenchException.class, () -> RunRequest.tokenize("-jvmArgs \"-Xint"));
    }

    @Test
    void aFlagSetAddsItsOptionsAfterTheHeapAndPicksItsJvm() {
        RunRequest r = RunRequest.from(new Settings(new Properties(), Map.of()));
        dev.taskbench.flags.FlagSet set = new dev.taskbench.flags.FlagSet("x", List.of("-Xint"), 25);
        Options o = JmhOptionsFactory.build(r, JmhOptionsFactory.parseUserArgs(List.of()),
                new JmhOptionsFactory.Pass(set, Path.of("/jdk25/bin/java"), 1, List.of("^a\\.B\\.c$"), null, null),
                List.of());
        List<String> expected = new ArrayList<>(JmhOptionsFactory.DEFAULT_JVM_ARGS);
        expected.add("-Xint");
        assertEquals(expected, List.copyOf(o.getJvmArgs().get()));
        assertEquals("/jdk25/bin/java", o.getJvm().get());
        assertEquals(1, o.getForkCount().get());
        assertEquals(List.of("^a\\.B\\.c$"), o.getExcludes());
    }

}
