package dev.taskbench.pool;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.declare.Finding;
import dev.taskbench.declare.Standard;
import dev.taskbench.pool.stub.StubDriver;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each pool's own bookkeeping costs per borrow, on a stub JDBC driver whose connect and
 * execute do nothing (as in HikariCP's own benchmark).
 *
 * <p>The operation is {@link ConnectionBenchmark}'s: obtain a connection, {@code SELECT 1},
 * close. On the stub, what is left is the pool's borrow, proxy wrapping, state reset on return
 * and validation calls. With ten threads on two cores the pools' hand-off and contention
 * handling dominate. {@code driverManager} opens a stub connection per operation through
 * {@link java.sql.DriverManager}'s driver lookup; {@code baseline}, the control, takes it
 * straight from the driver, so it is the stub's own share of every row.
 */
@Finding(group = "Pool bookkeeping on a stub driver, against HikariCP", of = "oneUser source=dbcp2", to = "oneUser source=hikari",
        says = "DBCP2's borrow and return take {ratio} the time of HikariCP's, 1 user.")
@Finding(group = "Pool bookkeeping on a stub driver, against HikariCP", of = "oneUser source=agroal", to = "oneUser source=hikari",
        says = "Agroal's borrow and return take {ratio} the time of HikariCP's, 1 user.")
@Finding(group = "Pool bookkeeping on a stub driver, against HikariCP", of = "tenUsers source=dbcp2", to = "tenUsers source=hikari",
        says = "DBCP2's borrow and return take {ratio} the time of HikariCP's, 10 users.")
@Finding(group = "Pool bookkeeping on a stub driver, against HikariCP", of = "tenUsers source=agroal", to = "tenUsers source=hikari",
        says = "Agroal's borrow and return take {ratio} the time of HikariCP's, 10 users.")
@Standard(value = {"baseline", "oneUser source=hikari,dbcp2,agroal", "tenUsers source=hikari,dbcp2,agroal"},
        why = "driverManager is ConnectionBenchmark's question; the stub's control stays beside the pools")
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS) // C2 is still compiling the pools 1-2 s in
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConnectionPoolOverheadBenchmark {

    @State(Scope.Benchmark)
    public static class Pooled {
        @Param({"hikari", "dbcp2", "agroal", "driverManager"})
        public ConnectionSource source;

        @Param("10")
        public int poolSize;

        ConnectionSource.Opened opened;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            StubDriver.register();
            opened = source.open(new ConnectionInfo(StubDriver.URL, "", ""), poolSize);
        }

        @TearDown(Level.Trial)
        public void close() {
            opened.close();
        }
    }

    /** A new stub connection per operation, straight from the driver: no pool, no DriverManager. */
    @State(Scope.Benchmark)
    public static class Direct {
        final ConnectionSource.Opened opened = new ConnectionSource.Opened(StubDriver::open, () -> { });
    }

    @Benchmark
    @Threads(1)
    public int oneUser(Pooled s) throws SQLException {
        return s.opened.selectOne();
    }

    @Benchmark
    @Threads(10)
    public int tenUsers(Pooled s) throws SQLException {
        return s.opened.selectOne();
    }

    /** The control: the same operation on the stub alone, one user. */
    @Benchmark
    @Threads(1)
    public int baseline(Direct s) throws SQLException {
        return s.opened.selectOne();
    }
}
