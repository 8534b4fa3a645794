package dev.taskbench.runner;

import dev.taskbench.compare.DiffFolded;
import dev.taskbench.config.Command;
import dev.taskbench.jit.JfrJit;
import dev.taskbench.jit.JitEvents;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ProfileEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One unmeasured fork of a row for {@link ModeProfiles}: CPU samples through the profiling pass's
 * own machinery ({@link ProfilePass}: async-profiler, or JFR's execution samples where it cannot
 * run), and, in the same fork, a JFR recording of the JIT ({@link JfrJit#SETTINGS}, started by
 * {@code -XX:StartFlightRecording} appended to the fork's JVM arguments). Its score is read from
 * JMH's result and given back, never kept; its files are read and deleted before the next fork.
 */
final class JitProfiledFork implements ModeProfiles.Profiler {
    static final String RECORDING = "jit.jfr";
    static final String SETTINGS_FILE = "jit.jfc";

    private final Profiling cpu;
    private final Function<BenchmarkResult, Options> options;
    private final Path work;

    /**
     * @param profiling the run's engine and cache; only its CPU event is used
     * @param options a row's one-fork options ({@link Execution#profiledFork})
     * @param work a folder for the fork's files while it runs
     */
    JitProfiledFork(Profiling profiling, Function<BenchmarkResult, Options> options, Path work) {
        this.cpu = new Profiling(List.of(ProfileEvent.cpu), profiling.cacheDir(), profiling.engine());
        this.options = options;
        this.work = work;
    }

    @Override
    public ModeProfiles.Profiled fork(BenchmarkResult row, int attempt) throws IOException {
        Path dir = work.resolve(".fork-" + attempt);
        ProfilePass.deleteTree(dir);
        Files.createDirectories(dir);
        Path jfc = Files.writeString(dir.resolve(SETTINGS_FILE), JfrJit.SETTINGS, StandardCharsets.UTF_8);
        Path jfr = dir.resolve(RECORDING);
        try {
            return run(options.apply(row), dir, JfrJit.startOption(jfc, jfr), jfr);
        } finally {
            ProfilePass.deleteTree(dir);
        }
    }

    private ModeProfiles.Profiled run(Options o, Path dir, String jfrOption, Path jfr) throws IOException {
        double[] score = {Double.NaN};
        boolean[] ran = {false};
        List<String> notes = new ArrayList<>();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ProfilePass.Invocation invocation = x -> {
            ran[0] = true;
            score[0] = score(new Runner(withJvmArg(x, jfrOption)).run());
        };
        try (PrintStream quiet = new PrintStream(said, true, StandardCharsets.UTF_8)) {
            ProfilePass.run(cpu, List.of(o), dir, quiet, invocation);
        }
        if (!ran[0]) {
            notes.add("no CPU profile: " + lastLine(said));
            try {
                invocation.run(o);
            } catch (RunnerException | RuntimeException e) {
                notes.add("the fork failed: " + Command.rootMessage(e));
            }
        } else if (Double.isNaN(score[0])) {
            notes.add("the fork failed: " + lastLine(said));
        }
        Map<String, Long> stacks = stacks(dir);
        if (ran[0] && stacks.isEmpty() && Double.isFinite(score[0])) {
            notes.add("no CPU profile: " + lastLine(said));
        }
        return new ModeProfiles.Profiled(score[0], stacks, jit(jfr, notes), notes);
    }

    /** The fork's options with one more JVM argument after those it has. */
    static Options withJvmArg(Options o, String arg) {
        List<String> args = new ArrayList<>(o.getJvmArgsAppend().orElse(List.of()));
        args.add(arg);
        return new OptionsBuilder().parent(o).jvmArgsAppend(args.toArray(String[]::new)).build();
    }

    /** The one fork's primary score; NaN when JMH answered nothing. */
    static double score(Collection<RunResult> results) {
        return results.stream().findFirst().map(r -> r.getPrimaryResult().getScore()).orElse(Double.NaN);
    }

    /** The profiling pass's {@code <row>/cpu.collapsed}; empty when it left none. */
    private static Map<String, Long> stacks(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            Optional<Path> f = s.filter(p -> p.getFileName().toString().equals(ProfileEvent.cpu.name() + ".collapsed"))
                    .findFirst();
            return f.isPresent() ? DiffFolded.parse(Files.readString(f.get())) : Map.of();
        }
    }

    private static Optional<JitEvents> jit(Path jfr, List<String> notes) {
        if (!Files.isRegularFile(jfr)) {
            notes.add("no JIT recording: the fork left no " + jfr.getFileName());
            return Optional.empty();
        }
        try {
            return Optional.of(JfrJit.read(jfr));
        } catch (IOException | RuntimeException e) {
            notes.add("the JIT recording could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** What the profiling pass said last, without its prefix: why it could not profile. */
    private static String lastLine(ByteArrayOutputStream said) {
        List<String> lines = said.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no reason given" : lines.get(lines.size() - 1).replaceFirst("^taskbench: ", "");
    }
}
