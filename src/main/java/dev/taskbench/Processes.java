package dev.taskbench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Outcome(done ? p.exitValue() : -1, !done, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
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
