package dev.taskbench.write;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.pool.ConnectionSource;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The plumbing every write benchmark shares, so that paths differ only in what they are: one
 * URL ({@link WriteConnections}), one connection source (a HikariCP pool sized to the
 * benchmark's thread count, so every pooled connection stays busy and HikariCP never runs a
 * liveness check mid-measurement; or a fresh login per call), one writer. Each iteration
 * starts on an empty table ({@code TRUNCATE ... RESTART IDENTITY}) and ends with the
 * {@link ProofOfWork}: exactly the rows and transactions the calls claim, and the commits the
 * path's design implies (one per call, plus the login transactions of a fresh connection). A
 * mismatch throws from {@code @TearDown}, which fails the benchmark (the runner uses
 * fail-on-error). Subclasses are the {@code @State}s and carry the {@code @Param}s.
 */
public abstract class WriteState {
    private final LongAdder calls = new LongAdder();
    private ConnectionSource.Opened opened;
    private OpenedDataSource ds;
    private ProofOfWork proof;
    private TaskWriter writer;
    private WritePath path;
    /** The rows one call writes; a non-final field, read on every call. */
    protected List<Task> rows;

    protected abstract WritePath path();

    protected abstract int rowsPerCall();

    protected ConnectionSource source() {
        return ConnectionSource.hikari;
    }

    protected WriteConnections settings() {
        return WriteConnections.DEFAULTS;
    }

    @Setup(Level.Trial)
    public void openTrial(BenchmarkParams params) throws SQLException {
        ConnectionInfo info = settings().apply(BenchmarkDatabase.info());
        ConnectionSource source = source();
        int poolSize = params.getThreads();
        opened = source.open(info, poolSize);
        ds = new OpenedDataSource(opened);
        proof = new ProofOfWork(info, ds, source.pooled() ? poolSize : 0);
        path = path();
        rows = Task.seedRows(rowsPerCall());
        writer = path.open(ds);
    }

    @Setup(Level.Iteration)
    public void beginIteration() throws SQLException {
        if (path.cachesIds()) {
            // the restarted identity would run into the block of ids Hibernate's pooled
            // optimizer still holds: a new SessionFactory starts with none (booted outside the count)
            writer.close();
            writer = path.open(ds);
        }
        proof.begin();
        calls.reset();
    }

    @TearDown(Level.Iteration)
    public void verifyIteration() throws SQLException {
        verifyCalls(proof, calls.sum(), rows.size());
    }

    /**
     * The check that ends every iteration of a benchmark whose calls are one transaction each
     * (here, and the server's writes in TaskServerBenchmark): {@link ProofOfWork#verifyCalls}
     * throws on missing or surplus work; a busy database, which allows the commit count to be
     * checked from below only, is printed.
     */
    public static void verifyCalls(ProofOfWork proof, long calls, int rowsPerCall) throws SQLException {
        ProofOfWork.Result r = proof.verifyCalls(calls, rowsPerCall);
        if (!r.exact()) {
            System.err.println("taskbench: commits checked from below only (" + r.commits() + " >= "
                    + r.expectedCommits() + "): " + r.disturbance());
        }
    }

    @TearDown(Level.Trial)
    public void closeTrial() throws SQLException {
        try {
            writer.close();
            proof.close();
        } finally {
            opened.close();
        }
    }

    /** One call: the writer's transaction. Returns the rows written. */
    public final int write() throws SQLException {
        List<Task> r = rows;
        writer.insert(r);
        calls.increment();
        return r.size();
    }
}
