package dev.taskbench.server;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.declare.Finding;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.Posters;
import dev.taskbench.load.RawClient;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.ProofOfWork;
import dev.taskbench.write.Task;
import dev.taskbench.write.WriteState;
import dev.taskbench.write.WritePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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

/**
 * What the seed's whole request costs under the seed's load: 10 users, each operation one form
 * POST to {@code /api/tasks} over the user's kept-alive connection, to an in-process
 * {@link TaskServer} (Jetty 12), which parses the form and inserts one row in one durable commit.
 *
 * <p>Sample time, so
 * the percentiles show; throughput is 10 / mean. Client, server and PostgreSQL share the two
 * cores, so the client must be cheap: {@link RawClient} by default ({@code client=jdk} for
 * {@code java.net.http.HttpClient}; {@link HttpRoundTripBenchmark} shows what each costs).
 *
 * <p>Each iteration starts on an empty table and ends with the suite's {@link ProofOfWork} on
 * the server's own connections: exactly one row and one transaction per 201, and the commits
 * the path implies (plus the login transactions of a fresh connection per request).
 *
 * <p>Expect the pooled path near the pgbench 10-client ceiling minus the CPU the HTTP layer
 * and the client take from PostgreSQL on two cores;
 * a fresh connection per request costs a login and a new server process each time, an order
 * of magnitude more. Default: 2 combinations (smoke budget). Widen with
 * {@code -p path=jdbcPrepared,jooq,hibernateSeq,hibernateIdentity -p source=hikari,agroal,driverManager
 * -p client=raw,jdk}.
 */
@Finding(group = "The whole request", of = "HttpRoundTripBenchmark.emptyHandler client=raw",
        to = "post source=hikari client=raw", better = Finding.Better.NEITHER,
        says = "The HTTP layer alone (empty handler, raw client, 10 users) is {percent} of the whole request's time.")
@Finding(group = "Fresh connection vs pool", of = "post source=driverManager client=raw", to = "post source=hikari client=raw",
        better = Finding.Better.NEITHER,
        says = "The whole request on a new DriverManager connection takes {ratio} the time of one on HikariCP, 10 users.")
@NeedsDatabase
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(10)
public class TaskServerBenchmark {
    @State(Scope.Benchmark)
    public static class Server {
        @Param({"jdbcPrepared"})
        public WritePath path;

        @Param({"hikari", "driverManager"})
        public ConnectionSource source;

        @Param({"raw"})
        public Poster.Kind client;

        /** Which thread runs a request: its selector's, or a pool thread it is handed to. */
        @Param({"selector"})
        public Threading threading;

        TaskServer server;
        ProofOfWork proof;
        final LongAdder created = new LongAdder();

        @Setup(Level.Trial)
        public void start(org.openjdk.jmh.infra.BenchmarkParams params) throws SQLException {
            int poolSize = params.getThreads();
            server = TaskServer.start(BenchmarkDatabase.info(), ServerConfig.defaults()
                    .withPath(path).withSource(source).withPoolSize(poolSize)
                    .withThreading(threading));
            proof = new ProofOfWork(server.connectionInfo(), server.dataSource(), source.pooled() ? poolSize : 0);
        }

        @Setup(Level.Iteration)
        public void begin() throws SQLException {
            proof.begin();
            if (server.config().path().cachesIds()) {
                server.reopenWriter(); // the restarted identity runs into Hibernate's cached id block
            }
            created.reset();
        }

        @TearDown(Level.Iteration)
        public void verify() throws SQLException {
            WriteState.verifyCalls(proof, created.sum(), 1);
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            try {
                proof.close();
            } finally {
                server.close();
            }
        }
    }

    /** One user: its own kept-alive connection (raw) or a share of one HttpClient's pool (jdk). */
    @State(Scope.Thread)
    public static class User {
        Poster poster;
        byte[] body;

        @Setup(Level.Trial)
        public void connect(Server s) {
            body = Task.SEED_BODY.getBytes(StandardCharsets.US_ASCII);
            poster = Posters.open(s.client, s.server.uri());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            poster.close();
        }
    }

    @Benchmark
    public long post(Server s, User u) throws IOException {
        Poster.Reply r = u.poster.post("/api/tasks", u.body);
        if (r.status() != 201) {
            throw new IllegalStateException("expected 201, got " + r.status() + " " + r.body());
        }
        s.created.increment();
        return r.number("id");
    }
}
