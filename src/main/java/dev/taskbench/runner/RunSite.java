package dev.taskbench.runner;

import dev.taskbench.config.Settings;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.net.TcpProxy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where one run happens, held from before its first fork until it ends, however it ends: the
 * guard against signals ({@link RunGuard}), the database provisioned and under the run lock, the
 * run's name and staging folder (claimed after the lock: a run that waited is named when it
 * starts), the hand-off file its forks read, and the delaying proxy of
 * {@code -Dtaskbench.db.roundTripMs}. Closing gives each back and keeps an unfinished run's
 * partial output, saying where.
 */
final class RunSite implements AutoCloseable {
    private final RunGuard guard;
    private final ResultsStore store;
    private final PrintStream out;
    /** Null only while a site that failed to open is given back. */
    private final String runId;
    private final ProvisionedDatabase db;
    private final DatabaseLock lock;
    private final TcpProxy latency;
    private final Path handoff;

    private RunSite(RunGuard guard, ResultsStore store, PrintStream out, String runId, ProvisionedDatabase db,
            DatabaseLock lock, TcpProxy latency, Path handoff) {
        this.guard = guard;
        this.store = store;
        this.out = out;
        this.runId = runId;
        this.db = db;
        this.lock = lock;
        this.latency = latency;
        this.handoff = handoff;
    }

    /** Takes what the plan needs, in order; what was taken before a failure is given back. */
    static RunSite open(RunPlan plan, RunSettings settings, Settings raw, ResultsStore store, PrintStream out)
            throws IOException {
        RunGuard guard = new RunGuard(store);
        ProvisionedDatabase db = null;
        DatabaseLock lock = null;
        String runId = null;
        TcpProxy latency = null;
        try {
            db = plan.needsDatabase() ? DatabaseProvisioner.standard(raw).provision() : null;
            lock = db == null ? null : DatabaseLock.acquire(db.info(), settings.lockWait(), "run", out);
            runId = claimRunId(settings, store);
            guard.staging(runId);
            Path handoff = null;
            if (db != null) {
                handoff = DatabaseHandoff.newFile(settings.handoffDir());
                guard.handoff(handoff);
                latency = latency(db, settings.roundTrip(), out);
                DatabaseHandoff.write(handoff, latency == null ? db.info() : latency.info(db.info()), db.source());
            }
            return new RunSite(guard, store, out, runId, db, lock, latency, handoff);
        } catch (Throwable t) {
            new RunSite(guard, store, out, runId, db, lock, latency, null).close();
            throw t;
        }
    }

    /** The run's name, claimed with its staging folder, so two runs started together never share one. */
    private static String claimRunId(RunSettings settings, ResultsStore store) {
        String runId = settings.runId();
        if (runId == null) {
            return store.beginNew(settings.request().profile().id(), LocalDateTime.now());
        }
        store.begin(runId);
        return runId;
    }

    /**
     * {@code -Dtaskbench.db.roundTripMs=N}: the run's connections (benchmarks, proofs, pgbench) go
     * through a {@link TcpProxy} in this process that adds N ms to every round trip; 0, the default,
     * connects directly (null).
     */
    private static TcpProxy latency(ProvisionedDatabase db, Duration roundTrip, PrintStream out) throws IOException {
        if (roundTrip.isZero()) {
            return null;
        }
        TcpProxy proxy = TcpProxy.delayed(db.info(), roundTrip);
        out.println("taskbench: every connection of the run goes through a proxy adding " + roundTrip.toMillis()
                + " ms to each round trip (-D" + RunSettings.ROUND_TRIP + ")");
        return proxy;
    }

    String runId() {
        return runId;
    }

    /** The hidden folder the run writes into until it is published. */
    Path staging() {
        return store.staging(runId);
    }

    /** The database, null when no selected benchmark needs one. */
    ProvisionedDatabase db() {
        return db;
    }

    /** The hand-off file, null without a database. */
    Path handoff() {
        return handoff;
    }

    /** What every fork is started with so that it finds the database. */
    List<String> forkProps() {
        return handoff == null ? List.of() : List.of("-D" + DatabaseHandoff.PROPERTY + "=" + handoff);
    }

    /** Runs the publishing step unless the run was interrupted ({@link RunGuard#publish}). */
    <T> T publish(Supplier<T> step) {
        return guard.publish(step);
    }

    @Override
    public void close() {
        guard.close();
        if (runId != null && Files.exists(staging()) && !store.discardIfEmpty(runId)) {
            out.println("taskbench: the run did not finish; partial output kept in " + staging());
        }
        guard.deleteHandoff();
        if (lock != null) {
            lock.close();
        }
        closeLatency();
        if (db != null) {
            db.close();
        }
    }

    private void closeLatency() {
        try {
            if (latency != null) {
                latency.close();
            }
        } catch (IOException e) {
            // its sockets die with the run
        }
    }
}
