package dev.taskbench.write;

import dev.taskbench.declare.Finding;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.SingleRowWrite;
import dev.taskbench.declare.Standard;
import dev.taskbench.pool.ConnectionSource;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a pooled vs a fresh connection, and a durable vs an asynchronous commit, cost the seed's
 * one-row request insert (autocommit).
 *
 * <p>A fresh connection pays TCP, startup, authentication, a new backend
 * and two login transactions per request, and never executes a statement often enough to reach
 * pgjdbc's {@code prepareThreshold} (5): prepared and plain cost the same there, while on the
 * pool prepared wins. {@code synchronousCommit=off} (set per session in the URL's startup
 * options, never on the server) removes the WAL fsync wait from each commit: it shows how much
 * of a single-row insert is the disk, at the price of losing the last commits on a crash.
 *
 * <p>Budget: {@code connection} 2 sources x 2 statements, durable; {@code commit} on/off for the
 * pooled prepared insert: 6 combinations, one user. Everything crossed: {@code connection -p
 * synchronousCommit=on,off}; ten users: {@code -t 10} (the pool follows the thread count).
 */
@Finding(group = "Durable commit vs synchronous_commit=off", of = "commit synchronousCommit=off",
        to = "commit synchronousCommit=on", better = Finding.Better.LOWER,
        says = "Without waiting for the WAL flush, a single-row insert takes {ratio} the time of a durable one.")
@Finding(group = "Fresh connection vs pool", of = "connection source=driverManager path=jdbcPrepared",
        to = "connection source=hikari path=jdbcPrepared", better = Finding.Better.NEITHER,
        says = "The seed's insert on a new DriverManager connection takes {ratio} the time of one on a HikariCP connection.")
@Standard(value = {"commit", "connection path=jdbcPrepared"},
        why = "plain vs prepared is StatementBenchmark's question")
@NeedsDatabase
@Warmup(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS) // the driver's hot path is still compiling seconds in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectionInsertBenchmark {

    /** The session's {@code synchronous_commit}: wait for the WAL flush on each commit, or not. */
    public enum SynchronousCommit {
        on, off;

        WriteConnections settings() {
            return new WriteConnections(5, false, this == on);
        }
    }

    @State(Scope.Benchmark)
    public static class Request extends WriteState {
        @Param({"hikari", "driverManager"})
        public ConnectionSource source;

        @Param({"jdbcPlain", "jdbcPrepared"})
        public WritePath path;

        @Param({"on"})
        public SynchronousCommit synchronousCommit;

        @Override
        protected WritePath path() {
            return path;
        }

        @Override
        protected ConnectionSource source() {
            return source;
        }

        @Override
        protected WriteConnections settings() {
            return synchronousCommit.settings();
        }

        @Override
        protected int rowsPerCall() {
            return 1;
        }
    }

    /** Pooled prepared single-row insert, durable vs asynchronous commit. */
    @State(Scope.Benchmark)
    public static class Commit extends WriteState {
        @Param({"on", "off"})
        public SynchronousCommit synchronousCommit;

        @Override
        protected WritePath path() {
            return WritePath.jdbcPrepared;
        }

        @Override
        protected WriteConnections settings() {
            return synchronousCommit.settings();
        }

        @Override
        protected int rowsPerCall() {
            return 1;
        }
    }

    @Benchmark
    @SingleRowWrite
    @Threads(1)
    public int connection(Request s) throws SQLException {
        return s.write();
    }

    @Benchmark
    @SingleRowWrite
    @Threads(1)
    public int commit(Commit s) throws SQLException {
        return s.write();
    }
}
