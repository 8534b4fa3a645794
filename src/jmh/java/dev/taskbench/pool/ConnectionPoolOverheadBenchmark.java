package dev.taskbench.pool;

import dev.taskbench.db.ConnectionInfo;
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

/**
 * The same operation as {@link ConnectionBenchmark} on a stub JDBC driver whose connect and
 * execute do nothing (as in HikariCP's own benchmark): what is left is each pool's own
 * bookkeeping (borrow, proxy wrapping, state reset on return, validation calls). With ten
 * threads on two cores the pools' hand-off and contention handling dominate.
 * {@code driverManager} is the cost of {@link java.sql.DriverManager}'s driver lookup alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConnectionPoolOverheadBenchmark {

    @Param({"hikari", "dbcp2", "agroal", "driverManager"})
    public String source;

    @Param("10")
    public int poolSize;

    private ConnectionSource.Opened opened;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        StubDriver.register();
        opened = ConnectionSource.valueOf(source).open(new ConnectionInfo(StubDriver.URL, "", ""), poolSize);
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    @Benchmark
    @Threads(1)
    public int oneUser() throws SQLException {
        return opened.selectOne();
    }

    @Benchmark
    @Threads(10)
    public int tenUsers() throws SQLException {
        return opened.selectOne();
    }
}
