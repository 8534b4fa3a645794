package dev.taskbench.write;

import dev.taskbench.declare.Finding;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.SingleRowWrite;
import dev.taskbench.declare.Standard;
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
 * What the statement form costs per row in raw JDBC: one user, pooled, durable commits.
 *
 * <p>{@code singleRow}: a plain Statement (server parses and plans each time) vs a
 * PreparedStatement with pgjdbc's {@code prepareThreshold} 0 (unnamed: parse every time, but
 * binary-safe binds), 1 and 5 (a named server-side statement from the 1st or 5th execution
 * on, then only Bind/Execute); a one-row INSERT is cheap to plan, so expect percent, not
 * factors, against a round trip and an fsync. {@code batch}: addBatch/executeBatch of
 * {@code batchSize} rows with and without {@code reWriteBatchedInserts}; score per
 * transaction, secondary {@code rows} per row. {@code bulk1000}: 1000 rows in one transaction
 * by COPY, batch, rewritten batch, multi-row VALUES and unnest of two arrays; score per row
 * ({@code @OperationsPerInvocation(1000)}): one commit carries a thousand rows, so COPY should
 * beat single-row autocommit inserts (InsertBenchmark.requestOneUser /
 * ConnectionInsertBenchmark) many times over per row.
 *
 * <p>Budget: 3 + 2 + 5 combinations by default. Full matrix: {@code -p
 * statement=plain,preparedT0,preparedT1,preparedT5}, {@code -p batchSize=10,100,1000 -p
 * prepareThreshold=0,1,5}.
 */
@Finding(group = "Statements and bulk paths, per row", of = "singleRow statement=plain", to = "singleRow statement=preparedT5",
        says = "A plain Statement takes {ratio} the time of a prepared one (prepareThreshold 5) per row.")
@Finding(group = "Statements and bulk paths, per row", of = "singleRow statement=preparedT0", to = "singleRow statement=preparedT5",
        says = "prepareThreshold 0 (never named on the server) takes {ratio} the time of prepareThreshold 5 per row.")
@Finding(group = "Statements and bulk paths, per row", of = "batch reWriteBatchedInserts=false /batchSize", to = "singleRow statement=preparedT5",
        says = "A batch of {batchSize} rows in one transaction takes {ratio} the time per row of one autocommit insert.")
@Finding(group = "Statements and bulk paths, per row", of = "batch reWriteBatchedInserts=true", to = "batch reWriteBatchedInserts=false",
        says = "reWriteBatchedInserts takes {ratio} the time of the plain batch of {batchSize} rows.")
@Finding(group = "Statements and bulk paths, per row", of = "bulk1000 how=copy", to = "singleRow statement=preparedT5",
        says = "COPY of 1000 rows in one transaction takes {ratio} the time per row of one autocommit insert.")
@Finding(group = "Statements and bulk paths, per row", of = "bulk1000 how=unnest", to = "singleRow statement=preparedT5",
        says = "unnest of 1000 rows in one transaction takes {ratio} the time per row of one autocommit insert.")
@Finding(group = "Statements and bulk paths, per row", of = "bulk1000 how=multiValues", to = "singleRow statement=preparedT5",
        says = "A 1000-row multi-row VALUES in one transaction takes {ratio} the time per row of one autocommit insert.")
@Standard(value = {"singleRow", "batch", "bulk1000 how=copy,unnest,multiValues"},
        why = "the bulk batch rows repeat what batch shows per 100 rows")
@NeedsDatabase
@Warmup(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS) // the driver's hot path is still compiling seconds in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class StatementBenchmark {

    /** How {@code singleRow} sends its INSERT. */
    public enum StatementKind {
        /** A plain Statement: the server parses and plans it each time. */
        plain(WritePath.jdbcPlain, 5),
        /** A PreparedStatement that stays unnamed ({@code prepareThreshold} 0). */
        preparedT0(WritePath.jdbcPrepared, 0),
        /** A PreparedStatement named on the server from its first execution on. */
        preparedT1(WritePath.jdbcPrepared, 1),
        /** A PreparedStatement named on the server from its fifth execution on (pgjdbc's default). */
        preparedT5(WritePath.jdbcPrepared, 5);

        final WritePath path;
        final int prepareThreshold;

        StatementKind(WritePath path, int prepareThreshold) {
            this.path = path;
            this.prepareThreshold = prepareThreshold;
        }
    }

    /** How {@code bulk1000} writes its rows in one transaction. */
    public enum BulkMethod {
        copy(WritePath.jdbcCopy, false),
        batch(WritePath.jdbcBatch, false),
        /** The same batch with pgjdbc's {@code reWriteBatchedInserts}: multi-row INSERTs on the wire. */
        batchRewrite(WritePath.jdbcBatch, true),
        multiValues(WritePath.jdbcMultiValues, false),
        unnest(WritePath.jdbcUnnest, false);

        final WritePath path;
        final boolean reWriteBatchedInserts;

        BulkMethod(WritePath path, boolean reWriteBatchedInserts) {
            this.path = path;
            this.reWriteBatchedInserts = reWriteBatchedInserts;
        }
    }

    @State(Scope.Benchmark)
    public static class Single extends WriteState {
        @Param({"plain", "preparedT0", "preparedT5"})
        public StatementKind statement;

        @Override
        protected WritePath path() {
            return statement.path;
        }

        @Override
        protected WriteConnections settings() {
            return new WriteConnections(statement.prepareThreshold, false, true);
        }

        @Override
        protected int rowsPerCall() {
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

        /** Every {@link BulkMethod}. */
        @Param
        public BulkMethod how;

        @Override
        protected WritePath path() {
            return how.path;
        }

        @Override
        protected WriteConnections settings() {
            return new WriteConnections(5, how.reWriteBatchedInserts, true);
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
