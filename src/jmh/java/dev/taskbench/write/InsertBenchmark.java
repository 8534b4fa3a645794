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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the layer above the driver costs per row: JDBC vs jOOQ vs Hibernate on identical
 * plumbing (one HikariCP pool, one URL, durable commits, one commit per call, verified).
 *
 * <p>{@code request*}: the seed's request, one row in its own transaction; JDBC and jOOQ run it
 * as one autocommit statement (pgbench's transaction), Hibernate needs an explicit transaction
 * (an extra COMMIT round trip) and, with a pooled SEQUENCE, one {@code nextval} per 50 rows;
 * IDENTITY adds {@code RETURNING}. {@code batch*}: {@code rowsPerTx} rows per transaction,
 * where batching, IDENTITY's lost batching and the StatelessSession show; the score is per
 * transaction, the secondary {@code rows} metric is per row (score / rowsPerTx); one user,
 * ten with {@code -t 10}.
 *
 * <p>Budget (smoke profile, about 3 s per combination): 8 request and 4 batch combinations by
 * default. The full matrix: {@code InsertBenchmark.request -p path=jdbcPlain,jdbcPrepared,jooq,
 * jooqStatic,hibernateSeq,hibernateIdentity}, and {@code InsertBenchmark.batch -p
 * rowsPerTx=10,100,1000 -p path=jdbcPrepared,jdbcBatch,jdbcMultiValues,jdbcUnnest,jdbcCopy,
 * jooq,jooqBatch,jooqMultiValues,jooqLoader,hibernateSeq,hibernateIdentity,hibernateBatch,
 * hibernateBatchIdentity,hibernateStateless}, once as is and once with {@code -t 10}.
 */
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestOneUser path=hibernateSeq", to = "requestOneUser path=jdbcPrepared",
        says = "Hibernate (pooled SEQUENCE) takes {ratio} the time of a prepared JDBC insert per row, 1 user.")
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestOneUser path=hibernateIdentity", to = "requestOneUser path=jdbcPrepared",
        says = "Hibernate (IDENTITY) takes {ratio} the time of a prepared JDBC insert per row, 1 user.")
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestOneUser path=jooq", to = "requestOneUser path=jdbcPrepared",
        says = "jOOQ takes {ratio} the time of a prepared JDBC insert per row, 1 user.")
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestTenUsers path=hibernateSeq", to = "requestTenUsers path=jdbcPrepared",
        says = "Hibernate (pooled SEQUENCE) takes {ratio} the time of a prepared JDBC insert per row, 10 users.")
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestTenUsers path=hibernateIdentity", to = "requestTenUsers path=jdbcPrepared",
        says = "Hibernate (IDENTITY) takes {ratio} the time of a prepared JDBC insert per row, 10 users.")
@Finding(group = "Hibernate and jOOQ against JDBC, per row", of = "requestTenUsers path=jooq", to = "requestTenUsers path=jdbcPrepared",
        says = "jOOQ takes {ratio} the time of a prepared JDBC insert per row, 10 users.")
@Standard(value = {"requestOneUser", "requestTenUsers"},
        why = "the batch paths answer no finding; the per-request paths answer the ORM findings and the ceiling")
@NeedsDatabase
@Warmup(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS) // the driver's hot path is still compiling seconds in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InsertBenchmark {

    /** One row per transaction. */
    @State(Scope.Benchmark)
    public static class Request extends WriteState {
        @Param({"jdbcPrepared", "jooq", "hibernateSeq", "hibernateIdentity"})
        public WritePath path;

        @Override
        protected WritePath path() {
            return path;
        }

        @Override
        protected int rowsPerCall() {
            return 1;
        }
    }

    /** {@code rowsPerTx} rows per transaction. */
    @State(Scope.Benchmark)
    public static class Batch extends WriteState {
        @Param({"jdbcBatch", "hibernateBatch", "hibernateBatchIdentity", "hibernateStateless"})
        public WritePath path;

        @Param({"100"})
        public int rowsPerTx;

        @Override
        protected WritePath path() {
            return path;
        }

        @Override
        protected int rowsPerCall() {
            return rowsPerTx;
        }
    }

    @Benchmark
    @SingleRowWrite
    @Threads(1)
    public int requestOneUser(Request s) throws SQLException {
        return s.write();
    }

    @Benchmark
    @SingleRowWrite
    @Threads(10)
    public int requestTenUsers(Request s) throws SQLException {
        return s.write();
    }

    /** One user; ten with {@code -t 10} (the pool follows the thread count). */
    @Benchmark
    @Threads(1)
    public int batch(Batch s, RowCounter counter) throws SQLException {
        int n = s.write();
        counter.rows += n;
        return n;
    }
}
