package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
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
 * event under JMH's async profiler; the scores are dropped, the flame graphs (async-profiler's
 * self-contained HTML) and collapsed stacks are kept as {@code <dir>/<row>/<event>.html} and
 * {@code <event>.collapsed}. A profiler that cannot attach costs the profiles, never the results.
 */
public final class ProfilePass {
    public static final String FOLDER = "profiles";

    private ProfilePass() {
    }

    /** Profiles each pass's benchmarks for each event into {@code dir}; returns the rows profiled. */
    public static List<Path> run(Profiling profiling, List<Options> passes, Path dir, PrintStream out) {
        if (!profiling.on()) {
            return List.of();
        }
        Optional<Path> lib = AsyncProfilerLibrary.extract(profiling.cacheDir());
        if (lib.isEmpty()) {
            out.println("taskbench: no profiles: " + AsyncProfilerLibrary.noneFits(System.getProperty("os.name"),
                    System.getProperty("os.arch")));
            return List.of();
        }
        out.println("taskbench: profiling " + profiling.events() + " with async-profiler " + AsyncProfilerLibrary.version()
                + " (" + lib.get() + "), one unmeasured fork per benchmark and event");
        for (ProfileEvent e : profiling.events()) {
            Path raw = dir.resolve(".raw-" + e.name());
            try {
                for (Options o : passes) {
                    new Runner(new OptionsBuilder().parent(o).forks(1)
                            .addProfiler(AsyncProfiler.class, initLine(lib.get(), e, raw)).build()).run();
                }
                collect(raw, e, dir);
            } catch (RunnerException | IOException | RuntimeException ex) {
                out.println("taskbench: async-profiler could not profile " + e + ": " + SuiteRunner.rootMessage(ex)
                        + "; the measured results are unaffected");
            } finally {
                deleteTree(raw);
            }
        }
        return rows(dir);
    }

    /** JMH's async profiler options: our library, one event, a forward flame graph and the collapsed stacks. */
    static String initLine(Path lib, ProfileEvent e, Path raw) {
        return "libPath=" + lib + ";event=" + e.asyncEvent() + ";output=flamegraph,collapsed;direction=forward;dir="
                + raw;
    }

    /** JMH writes {@code raw/<trial>/flame-<event>-forward.html} and {@code collapsed-<event>.csv}; one folder per row. */
    static void collect(Path raw, ProfileEvent e, Path dir) throws IOException {
        if (!Files.isDirectory(raw)) {
            return;
        }
        try (Stream<Path> trials = Files.list(raw)) {
            for (Path trial : trials.filter(Files::isDirectory).toList()) {
                Path row = dir.resolve(trial.getFileName().toString());
                Files.createDirectories(row);
                move(trial, "flame-", "-forward.html", row.resolve(e.name() + ".html"));
                move(trial, "collapsed-", ".csv", row.resolve(e.name() + ".collapsed"));
            }
        }
    }

    private static void move(Path trial, String prefix, String suffix, Path target) throws IOException {
        try (Stream<Path> files = Files.list(trial)) {
            Optional<Path> f = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).findFirst();
            if (f.isPresent()) {
                Files.move(f.get(), target, StandardCopyOption.REPLACE_EXISTING);
            }
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

    private static void deleteTree(Path root) {
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
