package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.CeilingProfiler;
import dev.taskbench.flags.FlagSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Builds JMH options: the profile supplies defaults, the user's JMH arguments override them,
 * a flag set adds its JVM options and JDK, and the runner fixes only what it must own (which
 * benchmarks go in which pass, the database hand-off, quiet libraries).
 */
public final class JmhOptionsFactory {
    /** Where Linux says whether a process may ask for transparent huge pages. */
    static final Path HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /**
     * Heap fixed so that GC sizing does not drift between forks, and touched before the first
     * iteration: where the machine backs memory lazily (a VM), every fresh page costs a fault, and
     * a fork's young generation grows into fresh pages over its first GC cycle, a window in which
     * an allocating benchmark runs several times slower and that reads as a JIT warm-up. Huge pages
     * where the kernel offers them (one fault per 2 MB makes the touch cheaper). {@code -jvmArgs}
     * replaces all of it.
     */
    static final List<String> DEFAULT_JVM_ARGS = defaultJvmArgs(HUGE_PAGES);
    /** Always passed to forks: quiet libraries (a benchmark must never measure a logger). */
    static final List<String> QUIET_JVM_ARGS = List.of("-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true");

    private JmhOptionsFactory() {
    }

    /** The default fork heap, with {@code -XX:+UseTransparentHugePages} when {@code hugePages} offers them. */
    static List<String> defaultJvmArgs(Path hugePages) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        if (hugePagesOffered(hugePages)) {
            args.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(args);
    }

    /** True when the kernel's THP mode is {@code [always]} or {@code [madvise]}; false when absent or {@code [never]}. */
    static boolean hugePagesOffered(Path hugePages) {
        try {
            String mode = Files.readString(hugePages);
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Parses the user's JMH arguments with JMH's own parser, so every JMH option works. */
    public static CommandLineOptions parseUserArgs(List<String> args) {
        try {
            return new CommandLineOptions(args.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new TaskbenchException("bad JMH option in -D" + RunRequest.JMH_ARGS + ": " + e.getMessage()
                    + " (java -jar target/benchmarks.jar -h lists JMH's options)", e);
        }
    }

    /**
     * One JMH invocation: which flag set on which JVM, the forks per benchmark (null: the
     * profile's or the user's), which selected benchmarks it leaves out, their iteration
     * settings ({@link PassPlan}; null: the profile's) and the ceiling profiler's init line (null: none).
     */
    public record Pass(FlagSet flagSet, Path java, Integer forks, List<String> excludes,
            PassPlan.Iterations iterations, String ceiling) {
        public Pass {
            excludes = List.copyOf(excludes);
        }

        /** All selected benchmarks, the profile's forks and iterations, the runner's JVM with its defaults. */
        public static Pass plain() {
            return new Pass(FlagSet.DEFAULT, null, null, List.of(), null, null);
        }

        /** The same pass with this many forks a row. */
        public Pass withForks(int n) {
            return new Pass(flagSet, java, n, excludes, iterations, ceiling);
        }

        /** The same pass without the ceiling profiler (for a baseline jar, which may not have it). */
        public Pass withoutCeiling() {
            return new Pass(flagSet, java, forks, excludes, iterations, null);
        }
    }

    public static Options build(RunRequest request, CommandLineOptions user, Pass pass,
            List<String> forkSystemProperties) {
        Profile p = request.profile();
        ChainedOptionsBuilder b = new OptionsBuilder().parent(user);
        if (request.include() != null) {
            b.include(request.include());
        }
        pass.excludes().forEach(b::exclude);
        if (pass.forks() != null) {
            b.forks(pass.forks());
        } else if (!user.getForkCount().hasValue()) {
            b.forks(p.forks());
        }
        iterations(b, user, pass.iterations() != null ? pass.iterations() : PassPlan.Iterations.of(p));
        if (!user.shouldFailOnError().hasValue()) {
            b.shouldFailOnError(true);
        }
        if (p.gcProfiler() && user.getProfilers().stream().noneMatch(pc -> pc.getKlass().equals("gc")
                || pc.getKlass().endsWith("GCProfiler"))) {
            b.addProfiler("gc");
        }
        if (pass.ceiling() != null) {
            b.addProfiler(CeilingProfiler.class, pass.ceiling());
        }
        List<String> jvmArgs = new ArrayList<>(user.getJvmArgs().hasValue() ? user.getJvmArgs().get()
                : DEFAULT_JVM_ARGS);
        jvmArgs.addAll(pass.flagSet().jvmOptions());
        b.jvmArgs(jvmArgs.toArray(new String[0]));
        if (pass.java() != null) {
            b.jvm(pass.java().toString());
        }
        b.jvmArgsAppend(append(user, forkSystemProperties).toArray(new String[0]));
        return b.build();
    }

    /**
     * The quiet settings and the fork's system properties, then the user's {@code -jvmArgsAppend}; one the
     * user's already holds is not added twice. A baseline jar is handed the candidate's appended arguments
     * and adds its own, so without this its forks ran with a longer command line than the candidate's.
     */
    static List<String> append(CommandLineOptions user, List<String> forkSystemProperties) {
        List<String> users = user.getJvmArgsAppend().hasValue() ? List.copyOf(user.getJvmArgsAppend().get()) : List.of();
        List<String> append = new ArrayList<>();
        java.util.stream.Stream.concat(QUIET_JVM_ARGS.stream(), forkSystemProperties.stream())
                .filter(a -> !users.contains(a) && !append.contains(a)).forEach(append::add);
        append.addAll(users);
        return append;
    }

    /** The pass's iteration settings beneath the user's own. */
    private static void iterations(ChainedOptionsBuilder b, CommandLineOptions user, PassPlan.Iterations it) {
        if (!user.getWarmupIterations().hasValue()) {
            b.warmupIterations(it.warmupIterations());
        }
        if (!user.getWarmupTime().hasValue()) {
            b.warmupTime(it.warmupTime());
        }
        if (!user.getMeasurementIterations().hasValue()) {
            b.measurementIterations(it.measurementIterations());
        }
        if (!user.getMeasurementTime().hasValue()) {
            b.measurementTime(it.measurementTime());
        }
        it.params().forEach((name, values) -> b.param(name, values.toArray(String[]::new)));
    }

    /** True when the user asked for a result file of their own; the runner writes its own per flag set. */
    public static boolean userChoseResultFile(CommandLineOptions user) {
        return user.getResult().hasValue() || user.getResultFormat().hasValue();
    }
}
