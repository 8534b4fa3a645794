package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Builds JMH options: the profile supplies defaults, the user's JMH arguments override them,
 * and the runner fixes only what it must own (the JSON result file, the database hand-off).
 */
public final class JmhOptionsFactory {
    /** Heap fixed so that GC sizing does not drift between forks; flag sets may replace it. */
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

    public static Options build(RunRequest request, CommandLineOptions user, Path resultFile,
            List<String> forkSystemProperties) {
        Profile p = request.profile();
        ChainedOptionsBuilder b = new OptionsBuilder().parent(user);
        if (request.include() != null) {
            b.include(request.include());
        }
        if (!user.getForkCount().hasValue()) {
            b.forks(p.forks());
        }
        if (!user.getWarmupIterations().hasValue()) {
            b.warmupIterations(p.warmupIterations());
        }
        if (!user.getWarmupTime().hasValue()) {
            b.warmupTime(TimeValue.fromString(p.warmupTime()));
        }
        if (!user.getMeasurementIterations().hasValue()) {
            b.measurementIterations(p.measurementIterations());
        }
        if (!user.getMeasurementTime().hasValue()) {
            b.measurementTime(TimeValue.fromString(p.measurementTime()));
        }
        if (!user.shouldFailOnError().hasValue()) {
            b.shouldFailOnError(true);
        }
        if (p.gcProfiler() && user.getProfilers().stream().noneMatch(pc -> pc.getKlass().equals("gc")
                || pc.getKlass().endsWith("GCProfiler"))) {
            b.addProfiler("gc");
        }
        if (!user.getJvmArgs().hasValue()) {
            b.jvmArgs(DEFAULT_JVM_ARGS.toArray(new String[0]));
        }
        List<String> append = new ArrayList<>(QUIET_JVM_ARGS);
        append.addAll(forkSystemProperties);
        if (user.getJvmArgsAppend().hasValue()) {
            append.addAll(user.getJvmArgsAppend().get());
        }
        b.jvmArgsAppend(append.toArray(new String[0]));
        b.resultFormat(ResultFormatType.JSON);
        b.result(resultFile.toString());
        return b.build();
    }

    /** True when the user asked for a result file of their own, which the runner overrides. */
    public static boolean userChoseResultFile(CommandLineOptions user) {
        return user.getResult().hasValue() || user.getResultFormat().hasValue();
    }
}
