package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.flags.FlagSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Builds JMH options: the profile supplies defaults, the user's JMH arguments override them,
 * a flag set adds its JVM options and JDK, and the runner fixes only what it must own (which
 * benchmarks go in which pass, the database hand-off, quiet libraries).
 */
public final class JmhOptionsFactory {
    /** Heap fixed so that GC sizing does not drift between forks; {@code -jvmArgs} replaces it. */
    static final List<String> DEFAULT_JVM_ARGS = List.of("-Xms1g", "-Xmx1g");
    /** Always passed to forks: quiet libraries (a benchmark must never measure a logger). */
    static final List<String> QUIET_JVM_ARGS = List.of("-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true");

    private JmhOptionsFactory() {
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

    /** A warmup plan: iterations of a given length. */
    public record Warmup(int iterations, TimeValue time) {
        long totalMillis() {
            return iterations * time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One JMH invocation: which flag set on which JVM, which benchmarks it leaves out, and the
     * warmup that replaces the profile's (null: the profile's).
     */
    public record Pass(FlagSet flagSet, Path java, boolean ownIterationPlan, Integer forks, List<String> excludes,
            Warmup warmup) {
        public Pass {
            excludes = List.copyOf(excludes);
        }

        public Pass(FlagSet flagSet, Path java, boolean ownIterationPlan, Integer forks, List<String> excludes) {
            this(flagSet, java, ownIterationPlan, forks, excludes, null);
        }

        /** All selected benchmarks, the profile's forks, the runner's JVM with its defaults. */
        public static Pass plain() {
            return new Pass(FlagSet.DEFAULT, null, false, null, List.of());
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
        if (!pass.ownIterationPlan()) {
            Warmup w = pass.warmup() != null ? pass.warmup() : profileWarmup(p);
            if (!user.getWarmupIterations().hasValue()) {
                b.warmupIterations(w.iterations());
            }
            if (!user.getWarmupTime().hasValue()) {
                b.warmupTime(w.time());
            }
            if (!user.getMeasurementIterations().hasValue()) {
                b.measurementIterations(p.measurementIterations());
            }
            if (!user.getMeasurementTime().hasValue()) {
                b.measurementTime(TimeValue.fromString(p.measurementTime()));
            }
        }
        if (!user.shouldFailOnError().hasValue()) {
            b.shouldFailOnError(true);
        }
        if (p.gcProfiler() && user.getProfilers().stream().noneMatch(pc -> pc.getKlass().equals("gc")
                || pc.getKlass().endsWith("GCProfiler"))) {
            b.addProfiler("gc");
        }
        List<String> jvmArgs = new ArrayList<>(user.getJvmArgs().hasValue() ? user.getJvmArgs().get()
                : DEFAULT_JVM_ARGS);
        jvmArgs.addAll(pass.flagSet().jvmOptions());
        b.jvmArgs(jvmArgs.toArray(new String[0]));
        if (pass.java() != null) {
            b.jvm(pass.java().toString());
        }
        List<String> append = new ArrayList<>(QUIET_JVM_ARGS);
        append.addAll(forkSystemProperties);
        if (user.getJvmArgsAppend().hasValue()) {
            append.addAll(user.getJvmArgsAppend().get());
        }
        b.jvmArgsAppend(append.toArray(new String[0]));
        return b.build();
    }

    static Warmup profileWarmup(Profile p) {
        return new Warmup(p.warmupIterations(), TimeValue.fromString(p.warmupTime()));
    }

    /**
     * The warmup a class's {@link MinimumWarmup} asks of this profile and user, or null when the
     * profile's stands: smoke never warms up, the user's {@code -wi}/{@code -w} win, and a
     * profile that already warms up longer keeps its plan.
     */
    static Warmup raisedWarmup(Profile p, CommandLineOptions user, MinimumWarmup min) {
        if (min == null || p.warmupIterations() == 0 || user.getWarmupIterations().hasValue()
                || user.getWarmupTime().hasValue()) {
            return null;
        }
        Warmup floor = new Warmup(min.iterations(), TimeValue.milliseconds(min.millis()));
        return floor.totalMillis() > profileWarmup(p).totalMillis() ? floor : null;
    }

    /** True when the user asked for a result file of their own; the runner writes its own per flag set. */
    public static boolean userChoseResultFile(CommandLineOptions user) {
        return user.getResult().hasValue() || user.getResultFormat().hasValue();
    }
}
