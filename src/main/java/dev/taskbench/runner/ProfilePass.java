package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Command;
import dev.taskbench.results.ProfileEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The profiling pass ({@link Profiling}): the measured passes' options again, one fork, once per
 * event under JMH's async profiler (or once under JFR, {@link JfrProfiles}); the scores are dropped, the flame graphs (async-profiler's
 * self-contained HTML) and collapsed stacks are kept as {@code <dir>/<row>/<event>.html} and
 * {@code <event>.collapsed}. A profiler that cannot attach costs the profiles, never the results.
 */
public final class ProfilePass {
    public static final String FOLDER = "profiles";

    private ProfilePass() {
    }

    /**
     * Profiles each pass's benchmarks for each event into {@code dir} with the chosen engine;
     * under {@code auto}, an event async-profiler cannot profile here goes to JFR, said in one
     * line. Returns the rows profiled.
     */
    public static List<Path> run(Profiling profiling, List<Options> passes, Path dir, PrintStream out) {
        return run(profiling, passes, dir, out, o -> new Runner(o).run());
    }

    /** How one profiled invocation runs: JMH in this process, or a baseline jar's child runner. */
    @FunctionalInterface
    interface Invocation {
        void run(Options o) throws RunnerException;
    }

    /** {@link #run(Profiling, List, Path, PrintStream)} with each invocation run by {@code invocation}. */
    static List<Path> run(Profiling profiling, List<Options> passes, Path dir, PrintStream out, Invocation invocation) {
        if (!profiling.on()) {
            return List.of();
        }
        List<ProfileEvent> forJfr = new ArrayList<>();
        boolean fallBack = profiling.engine() == Profiling.Engine.auto;
        if (profiling.engine() == Profiling.Engine.jfr) {
            forJfr.addAll(profiling.events());
        } else {
            Optional<Path> lib = AsyncProfilerLibrary.extract(profiling.cacheDir());
            if (lib.isEmpty()) {
                out.println("taskbench: " + AsyncProfilerLibrary.noneFits(System.getProperty("os.name"),
                        System.getProperty("os.arch")) + (fallBack ? "; JFR instead" : "; no profiles"));
                if (fallBack) {
                    forJfr.addAll(profiling.events());
                }
            } else {
                out.println("taskbench: profiling " + profiling.events() + " with async-profiler "
                        + AsyncProfilerLibrary.version() + " (" + lib.get() + "), one unmeasured fork per benchmark and event");
                for (ProfileEvent e : profiling.events()) {
                    if (!viaAsync(lib.get(), e, passes, dir, out, invocation) && fallBack) {
                        out.println("taskbench: " + e + ": JFR instead");
                        forJfr.add(e);
                    }
                }
            }
        }
        if (!forJfr.isEmpty()) {
            JfrProfiles.run(forJfr, passes, dir, out, invocation);
        }
        return rows(dir);
    }

    /** One event under async-profiler; false when it could not attach or left no flame graph. */
    private static boolean viaAsync(Path lib, ProfileEvent e, List<Options> passes, Path dir, PrintStream out,
            Invocation invocation) {
        Path raw = dir.resolve(".raw-" + e.name());
        try {
            for (Options o : passes) {
                invocation.run(new OptionsBuilder().parent(o).forks(1)
                        .addProfiler(AsyncProfiler.class, initLine(lib, e, raw)).build());
            }
            if (collect(raw, e, dir) > 0) {
                return true;
            }
            out.println("taskbench: async-profiler left no " + e + " profile");
        } catch (RunnerException | IOException | RuntimeException ex) {
            out.println("taskbench: async-profiler could not profile " + e + ": " + Command.rootMessage(ex)
                    + "; the measured results are unaffected");
        } finally {
            deleteTree(raw);
        }
        return false;
    }

    /** JMH's async profiler options: our library, one event, a forward flame graph and the collapsed stacks. */
    static String initLine(Path lib, ProfileEvent e, Path raw) {
        return "libPath=" + lib + ";event=" + e.asyncEvent() + ";output=flamegraph,collapsed;direction=forward;dir="
                + raw;
    }

    /**
     * JMH writes {@code raw/<trial>/flame-<event>-forward.html} and {@code collapsed-<event>.csv};
     * one folder per row. Returns the flame graphs moved.
     */
    static int collect(Path raw, ProfileEvent e, Path dir) throws IOException {
        if (!Files.isDirectory(raw)) {
            return 0;
        }
        int graphs = 0;
        try (Stream<Path> trials = Files.list(raw)) {
            for (Path trial : trials.filter(Files::isDirectory).toList()) {
                Path row = dir.resolve(trial.getFileName().toString());
                Files.createDirectories(row);
                graphs += move(trial, "flame-", "-forward.html", row.resolve(e.name() + ".html"));
                move(trial, "collapsed-", ".csv", row.resolve(e.name() + ".collapsed"));
            }
        }
        return graphs;
    }

    private static int move(Path trial, String prefix, String suffix, Path target) throws IOException {
        try (Stream<Path> files = Files.list(trial)) {
            Optional<Path> f = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).findFirst();
            if (f.isEmpty()) {
                return 0;
            }
            Files.move(f.get(), target, StandardCopyOption.REPLACE_EXISTING);
            return 1;
        }
    }

    /** The row folders under {@code dir} that hold at least one flame graph, sorted. */
    public static List<Path> rows(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> rows = new ArrayList<>(s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).filter(ProfilePass::hasFlameGraph)
                    .toList());
            rows.sort(Comparator.comparing(Path::toString));
            return rows;
        } catch (IOException e) {
            throw new TaskbenchException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasFlameGraph(Path row) {
        try (Stream<Path> s = Files.list(row)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".html"));
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftovers of JMH's own folders; the flame graphs were already moved out
        }
    }
}
