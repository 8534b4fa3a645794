package dev.taskbench.runner;

import dev.taskbench.config.Command;
import dev.taskbench.results.ProfileEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The profiling pass where async-profiler cannot run: JMH's JFR profiler records one unmeasured
 * fork per benchmark with JDK Flight Recorder's {@code profile} settings, and async-profiler's
 * jfr-converter turns the one recording into the same {@code <row>/<event>.html} flame graph and
 * {@code <event>.collapsed} stacks, for every event JFR can answer.
 */
final class JfrProfiles {
    /** JFR's settings with execution samples every 10 ms, allocation samples and monitor waits over 10 ms. */
    static final String SETTINGS = "profile";

    private JfrProfiles() {
    }

    /** Profiles each pass's benchmarks once and converts the recording for each of {@code events}. */
    static void run(List<ProfileEvent> events, List<Options> passes, Path dir, PrintStream out,
            ProfilePass.Invocation invocation) {
        List<ProfileEvent> convertible = events.stream().filter(e -> options(e) != null).toList();
        events.stream().filter(e -> options(e) == null).forEach(e -> out.println("taskbench: no " + e
                + " profile from JFR: it samples running threads only (async-profiler's wall needs its library)"));
        if (convertible.isEmpty()) {
            return;
        }
        out.println("taskbench: profiling " + convertible + " with JMH's JFR profiler (settings '" + SETTINGS
                + "', converted by jfr-converter " + converterVersion() + "), one unmeasured fork per benchmark");
        Path raw = dir.resolve(".raw-jfr");
        try {
            for (Options o : passes) {
                invocation.run(new OptionsBuilder().parent(o).forks(1)
                        .addProfiler(JavaFlightRecorderProfiler.class, "dir=" + raw + ";configName=" + SETTINGS)
                        .build());
            }
            convertAll(raw, convertible, dir);
        } catch (RunnerException | IOException | RuntimeException ex) {
            out.println("taskbench: JFR could not profile " + convertible + ": " + Command.rootMessage(ex)
                    + "; the measured results are unaffected");
        } finally {
            ProfilePass.deleteTree(raw);
        }
    }

    /** JMH leaves {@code raw/<trial>/profile.jfr}; each becomes the row's files for each event. */
    static void convertAll(Path raw, List<ProfileEvent> events, Path dir) throws IOException {
        if (!Files.isDirectory(raw)) {
            return;
        }
        try (Stream<Path> trials = Files.list(raw)) {
            for (Path trial : trials.filter(Files::isDirectory).toList()) {
                Optional<Path> jfr = recording(trial);
                if (jfr.isPresent()) {
                    Path row = dir.resolve(trial.getFileName().toString());
                    Files.createDirectories(row);
                    for (ProfileEvent e : events) {
                        convert(jfr.get(), e, row, trial.getFileName() + " (" + e + ", JFR)");
                    }
                }
            }
        }
    }

    /** One event of one recording as a forward flame graph and as collapsed stacks. */
    static void convert(Path jfr, ProfileEvent e, Path row, String title) throws IOException {
        JfrToFlame.convert(jfr.toString(), row.resolve(e.name() + ".html").toString(),
                arguments(e, "--title", title));
        JfrToFlame.convert(jfr.toString(), row.resolve(e.name() + ".collapsed").toString(),
                arguments(e, "-o", "collapsed"));
    }

    /**
     * jfr-converter's options for the JDK event that answers the same question: execution
     * samples (its default; its {@code --cpu} finds none in a JDK recording), allocation
     * samples, monitor enters. Wall has none ({@code null}): JFR samples running threads only.
     */
    static List<String> options(ProfileEvent e) {
        return switch (e) {
            case cpu -> List.of();
            case alloc, lock -> List.of("--" + e.asyncEvent());
            case wall -> null;
        };
    }

    private static Arguments arguments(ProfileEvent e, String... more) {
        List<String> args = new ArrayList<>(options(e));
        args.addAll(List.of(more));
        return new Arguments(args.toArray(String[]::new));
    }

    static String converterVersion() {
        return RunMetadata.libraryVersion("jfr-converter");
    }

    private static Optional<Path> recording(Path trial) throws IOException {
        try (Stream<Path> files = Files.list(trial)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jfr")).findFirst();
        }
    }
}
