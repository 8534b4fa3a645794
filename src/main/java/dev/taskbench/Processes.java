package dev.taskbench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (git, a JVM, pgbench, python) to completion with a time limit.
 * Output goes to temporary files rather than pipes, so the limit holds even when the program
 * hangs without closing its output.
 */
public final class Processes {

    /** How a program ended; {@code exitCode} is -1 when it was stopped at the time limit. */
    public record Outcome(int exitCode, boolean timedOut, String stdout, String stderr) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }
    }

    /** How long a process tree asked to end (SIGTERM) gets before it is killed (SIGKILL). */
    public static final Duration GRACE = Duration.ofSeconds(3);

    private Processes() {
    }

    /** Runs {@code pb} (stdin closed); with {@code redirectErrorStream} set, stderr is part of stdout. */
    public static Outcome run(ProcessBuilder pb, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("taskbench-out-", ".txt");
        Path err = Files.createTempFile("taskbench-err-", ".txt");
        try {
            pb.redirectOutput(out.toFile());
            if (!pb.redirectErrorStream()) {
                pb.redirectError(err.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                end(tree(p.toHandle()), Duration.ZERO);
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Outcome(done ? p.exitValue() : -1, !done, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The process and every descendant, listed now: a process that dies hands its children to
     * init, where {@link ProcessHandle#descendants()} no longer finds them.
     */
    public static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /**
     * Ends the processes: asks each to end (SIGTERM, so JVMs run their shutdown hooks), kills what
     * is still alive after {@code grace}, then waits briefly for the kills to land.
     */
    public static void end(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        awaitGone(processes, grace);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitGone(processes, Duration.ofSeconds(2));
    }

    /**
     * Ends every descendant of this JVM ({@link #end}), then kills any started meanwhile (a runner
     * whose fork just died may start the next one). For shutdown hooks.
     */
    public static void endDescendants(Duration grace) {
        ProcessHandle self = ProcessHandle.current();
        end(self.descendants().toList(), grace);
        for (int round = 0; round < 3 && self.descendants().findAny().isPresent(); round++) {
            end(self.descendants().toList(), Duration.ZERO);
        }
    }

    /** Whether all the processes ended within {@code limit}. */
    public static boolean awaitGone(List<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(Processes::running)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. A killed orphan stays a zombie, to {@link ProcessHandle#isAlive} alive,
     * until init collects its exit status, which some container inits do only every second or two.
     */
    public static boolean running(ProcessHandle h) {
        return h.isAlive() && !zombie(h.pid());
    }

    /** Linux's state letter in {@code /proc/PID/stat}, after the parenthesised command name; false elsewhere. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int name = stat.lastIndexOf(')');
            return name > 0 && stat.length() > name + 2 && stat.charAt(name + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Where Debian's packages put their programs, looked in when the {@code PATH} lacks it. */
    static final Path DEBIAN_BIN = Path.of("/usr/bin");

    /** An executable of that name on the {@code PATH}, or where Debian's package puts it, if either has one. */
    public static Optional<Path> installed(String name) {
        Path debian = DEBIAN_BIN.resolve(name);
        return onPath(name).or(() -> Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty());
    }

    /** An executable of that name on the {@code PATH}, if any. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
