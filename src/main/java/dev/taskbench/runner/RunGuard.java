package dev.taskbench.runner;

import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What an unfinished run must not leave behind, undone however it ends. On a signal (Ctrl-C, a
 * cancelled CI job) a JVM shutdown hook deletes the database hand-off file (it holds the
 * password), ends every process the run started (JMH forks, the baseline jar and its forks,
 * pgbench), politely then forcibly after {@link Processes#GRACE}, and marks the staged run folder
 * ({@code .incomplete-<run-id>}, which readers already skip) with {@value #MARKER}, or removes it
 * when empty. Publishing goes through {@link #publish}, which an interrupted run refuses.
 */
final class RunGuard implements AutoCloseable {
    static final String MARKER = "INTERRUPTED";

    private final ResultsStore store;
    private final Thread hook = new Thread(this::interrupted, "taskbench-run-interrupted");
    private volatile Path handoff;
    private volatile String runId;
    private boolean interrupted;

    RunGuard(ResultsStore store) {
        this.store = store;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void handoff(Path file) {
        handoff = file;
    }

    void staging(String id) {
        runId = id;
    }

    /** Runs the publishing step unless the run was interrupted; the hook waits for one under way. */
    synchronized <T> T publish(Supplier<T> step) {
        if (interrupted) {
            throw new TaskbenchException("interrupted; the run is not published");
        }
        return step.get();
    }

    private void interrupted() {
        synchronized (this) {
            interrupted = true;
        }
        deleteHandoff();
        Processes.endDescendants(Processes.GRACE);
        markStaging();
    }

    void deleteHandoff() {
        Path f = handoff;
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                System.err.println("taskbench: could not delete the database hand-off file " + f + ": "
                        + e.getMessage());
            }
        }
    }

    private void markStaging() {
        String id = runId;
        if (id == null || !Files.isDirectory(store.staging(id)) || store.discardIfEmpty(id)) {
            return;
        }
        try {
            Files.writeString(store.staging(id).resolve(MARKER), "interrupted at " + Instant.now()
                    + "; never published, partial output only\n", StandardCharsets.UTF_8);
            System.err.println("taskbench: interrupted; partial output kept in " + store.staging(id));
        } catch (IOException e) {
            // the folder's name already says it is unfinished
        }
    }

    /** The run ended on its own: the hook is no longer needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
