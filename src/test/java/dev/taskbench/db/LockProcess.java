package dev.taskbench.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own that takes the database's run lock, for tests about who waits for whom:
 * {@code hold} takes it, says {@link #HELD} and keeps it until its standard input closes;
 * {@code take} takes it (waiting up to the seconds given) and lets go.
 */
public final class LockProcess {
    public static final String HELD = "lock held";

    private LockProcess() {
    }

    public static void main(String[] args) throws IOException {
        Duration wait = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        try (DatabaseLock lock = DatabaseLock.acquire(TestDatabase.info(), wait, "tests-" + args[0], System.out)) {
            System.out.println(HELD);
            System.out.flush();
            if (args[0].equals("hold")) {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (RuntimeException e) {
            System.out.println("taskbench: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** Starts one, its output in {@code log}. */
    public static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockProcess.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A holder in a JVM of its own (not an ancestor of anything the test starts), once it holds the lock. */
    public static Process holding(Path log) throws Exception {
        Process p = start(log, "hold", "600");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!read(log).contains(HELD)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the lock holder did not take the lock:\n" + read(log));
            }
            Thread.sleep(20);
        }
        return p;
    }

    /** Lets a holder go: its standard input closes, it releases and exits. */
    public static void release(Process holder) throws Exception {
        holder.getOutputStream().close();
        if (!holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            holder.destroyForcibly();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
