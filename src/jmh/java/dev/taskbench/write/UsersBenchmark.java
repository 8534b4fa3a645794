package dev.taskbench.write;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.NeedsJdk;
import dev.taskbench.declare.Standard;
import dev.taskbench.pool.ConnectionSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Users outnumbering connections: {@code users} concurrent users each insert one row (prepared
 * JDBC) through a HikariCP pool of 10, on platform threads or one virtual thread per user; the
 * score is per op (all users), the secondary {@code rows} metric counts rows. Platform and virtual
 * are two methods, not a {@code threads} param, so that {@link NeedsJdk} can leave the virtual one
 * out of a JDK 17 pass by method name.
 */
@Standard(value = {}, why = "it answers no finding of the standard run; the full profile, or -Djmh.include=Users, runs it")
@NeedsDatabase
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UsersBenchmark {
    private static final int POOL_SIZE = 10;
    /** A thousand users queued on ten connections wait longer than HikariCP's usual second for one. */
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Users {
        @Param({"10", "100", "1000"})
        public int users;

        private final LongAdder calls = new LongAdder();
        private ConnectionSource.Opened opened;
        private ProofOfWork proof;
        private TaskWriter writer;
        private ExecutorService executor;
        private List<Task> row;

        @Setup(Level.Trial)
        public void openTrial(BenchmarkParams params) throws SQLException {
            ConnectionInfo info = WriteConnections.DEFAULTS.apply(BenchmarkDatabase.info());
            opened = ConnectionSource.hikari.open(info, POOL_SIZE, ACQUIRE_TIMEOUT);
            OpenedDataSource ds = new OpenedDataSource(opened);
            proof = new ProofOfWork(info, ds, POOL_SIZE);
            writer = WritePath.jdbcPrepared.open(ds);
            row = Task.seedRows(1);
            executor = threadsOf(params).open(users);
        }

        @Setup(Level.Iteration)
        public void beginIteration() throws SQLException {
            proof.begin();
            calls.reset();
        }

        @TearDown(Level.Iteration)
        public void verifyIteration() throws SQLException {
            WriteState.verifyCalls(proof, calls.sum(), 1);
        }

        @TearDown(Level.Trial)
        public void closeTrial() throws SQLException {
            executor.shutdownNow();
            try {
                writer.close();
                proof.close();
            } finally {
                opened.close();
            }
        }

        /** The benchmark method's name is the thread kind. */
        private static UserThreads threadsOf(BenchmarkParams params) {
            String b = params.getBenchmark();
            return UserThreads.valueOf(b.substring(b.lastIndexOf('.') + 1));
        }

        int run() {
            return UserThreads.runAll(executor, users, () -> {
                writer.insert(row);
                calls.increment();
                return 1;
            });
        }
    }

    @Benchmark
    @Threads(1)
    public int platform(Users s, RowCounter counter) {
        int n = s.run();
        counter.rows += n;
        return n;
    }

    @Benchmark
    @Threads(1)
    @NeedsJdk(21) // virtual threads
    public int virtual(Users s, RowCounter counter) {
        int n = s.run();
        counter.rows += n;
        return n;
    }
}
