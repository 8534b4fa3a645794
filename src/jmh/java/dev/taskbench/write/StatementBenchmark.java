package dev.taskbench.write;

import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.SingleRowWrite;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw JDBC only, one user, pooled, durable commits: what the statement form costs per row.
 * {@code singleRow}: a plain Statement (server parses and plans each time) vs a
 * PreparedStatement with pgjdbc's {@code prepareThreshold} 0 (unnamed: parse every time, but
 * binary-safe binds), 1 and 5 (a named server-side statement from the 1st or 5th execution
 * on, then only Bind/Execute); a one-row INSERT is cheap to plan, so expect percent, not
 * factors, against a round trip and an fsync. {@code batch}: addBatch/executeBatch of
 * {@code batchSize} rows with and without {@code reWriteBatchedInserts}; score per
 * transaction, secondary {@code rows} per row. {@code bulk1000}: 1000 rows in one transaction
 * by COPY, batch, rewritten batch, multi-row VALUES and unnest of two arrays; score per row
 * ({@code @OperationsPerInvocation(1000)}): COPY should beat single-row autocommit inserts
 * (InsertBenchmark.requestOneUser / ConnectionInsertBenchmark) by 10x or more per row.
 *
 * <p>Budget: 3 + 2 + 5 combinations by default. Full matrix: {@code -p
 * statement=plain,prepared-t0,prepared-t1,prepared-t5}, {@code -p batchSize=10,100,1000 -p
 * prepareThreshold=0,1,5}.
 */
@NeedsDatabase
@Warmup(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS) // the driver's hot path is still compiling seconds in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class StatementBenchmark {

    @State(Scope.Benchmark)
    public static class Single extends WriteState {
        /** {@code plain}, or {@code prepared-tN} for a PreparedStatement with prepareThreshold N. */
        @Param({"plain", "prepared-t0", "prepared-t5"})
        public String statement;

        @Override
        protected WritePath path() {
            return statement.equals("plain") ? WritePath.jdbcPlain : WritePath.jdbcPrepared;
        }

        @Override
        protected WriteConnections settings() {
            int threshold = statement.equals("plain") ? 5 : Integer.parseInt(statement.substring("prepared-t".length()));
            return new WriteConnections(threshold, false, true);
        }

        @Override
        protected int rowsPerCall() {
            if (!statement.equals("plain") && !statement.startsWith("prepared-t")) {
                throw new IllegalArgumentException("statement must be plain or prepared-tN, was " + statement);
            }
            return 1;
        }
    }

    @State(Scope.Benchmark)
    public static class Batched extends WriteState {
        @Param({"false", "true"})
        public boolean reWriteBatchedInserts;

        @Param({"100"})
        public int batchSize;

        @Param({"5"})
        public int prepareThreshold;

        @Override
        protected WritePath path() {
            return WritePath.jdbcBatch;
        }

        @Override
        protected WriteConnections settings() {
            return new WriteConnections(prepareThreshold, reWriteBatchedInserts, true);
        }

        @Override
        protected int rowsPerCall() {
            return batchSize;
        }
    }

    @State(Scope.Benchmark)
    public static class Bulk extends WriteState {
        static final int ROWS = 1000;

        @Param({"copy", "batch", "batchRewrite", "multiValues", "unnest"})
        public String how;

        @Override
        protected WritePath path() {
            switch (how) {
                case "copy":
                    return WritePath.jdbcCopy;
                case "batch":
                case "batchRewrite":
                    return WritePath.jdbcBatch;
                case "multiValues":
                    return WritePath.jdbcMultiValues;
                case "unnest":
                    return WritePath.jdbcUnnest;
                default:
                    throw new IllegalArgumentException("unknown bulk method " + how);
            }
        }

        @Override
        protected WriteConnections settings() {
            return new WriteConnections(5, how.equals("batchRewrite"), true);
        }

        @Override
        protected int rowsPerCall() {
            return ROWS;
        }
    }

    @Benchmark
    @SingleRowWrite
    public int singleRow(Single s) throws SQLException {
        return s.write();
    }

    @Benchmark
    public int batch(Batched s, RowCounter counter) throws SQLException {
        int n = s.write();
        counter.rows += n;
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(Bulk.ROWS)
    public int bulk1000(Bulk s) throws SQLException {
        return s.write();
    }
}
