package dev.taskbench.pool;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.declare.Finding;
import dev.taskbench.declare.NeedsDatabase;
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
 * What getting a connection costs against the real server, pooled vs fresh: one operation
 * obtains a connection, runs {@code SELECT 1} and closes it.
 *
 * <p>A fresh connection pays TCP connect, startup,
 * authentication and a new server backend process (the seed's Django did this per request);
 * a pool pays a hand-off plus one round trip, so expect one to two orders of magnitude
 * between them. {@code oneUser} and {@code tenUsers} are the seed's 1 and 10 clients.
 */
@Finding(group = "Fresh connection vs pool", of = "oneUser source=driverManager", to = "oneUser source=hikari",
        better = Finding.Better.NEITHER,
        says = "A new DriverManager connection per operation takes {ratio} the time of a HikariCP borrow, 1 user.")
@Finding(group = "Fresh connection vs pool", of = "oneUser source=pgSimpleDataSource", to = "oneUser source=hikari",
        better = Finding.Better.NEITHER,
        says = "A new PGSimpleDataSource connection per operation takes {ratio} the time of a HikariCP borrow, 1 user.")
@Finding(group = "Fresh connection vs pool", of = "tenUsers source=driverManager", to = "tenUsers source=hikari",
        better = Finding.Better.NEITHER,
        says = "A new DriverManager connection per operation takes {ratio} the time of a HikariCP borrow, 10 users.")
@Finding(group = "Fresh connection vs pool", of = "tenUsers source=pgSimpleDataSource", to = "tenUsers source=hikari",
        better = Finding.Better.NEITHER,
        says = "A new PGSimpleDataSource connection per operation takes {ratio} the time of a HikariCP borrow, 10 users.")
@NeedsDatabase
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectionBenchmark {

    @Param({"hikari", "dbcp2", "agroal", "driverManager", "pgSimpleDataSource"})
    public ConnectionSource source;

    /** Fixed pool size (min = max), enough for ten users; ignored by the fresh sources. */
    @Param("10")
    public int poolSize;

    private ConnectionSource.Opened opened;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        opened = source.open(BenchmarkDatabase.info(), poolSize);
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
