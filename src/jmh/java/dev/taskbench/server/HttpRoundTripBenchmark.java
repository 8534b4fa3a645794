package dev.taskbench.server;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.Posters;
import dev.taskbench.write.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * What the HTTP layer alone costs: the seed's POST to {@code /api/empty}, which reads the body
 * and answers like {@code /api/tasks} without parsing or writing, 10 users on kept-alive
 * connections.
 *
 * <p>The floor under {@link TaskServerBenchmark}, and the cost of the client itself: {@code raw} (a
 * socket, one write per request) against {@code java.net.http.HttpClient} over HTTP/1.1, whose
 * async machinery (a selector thread, futures, hand-offs between threads) costs more CPU per
 * request than the server's own handling on a 2-core machine. Two combinations by default.
 */
@NeedsDatabase // the server opens its pool at start; the empty route never uses it
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(10)
public class HttpRoundTripBenchmark {

    @State(Scope.Benchmark)
    public static class Server {
        @Param({"raw", "jdk"})
        public Poster.Kind client;

        /** Which thread runs a request: its selector's, or a pool thread it is handed to. */
        @Param({"selector"})
        public Threading threading;

        TaskServer server;

        @Setup(Level.Trial)
        public void start(org.openjdk.jmh.infra.BenchmarkParams params) {
            // as many selectors as users, as in TaskServerBenchmark (the pool's connections stay idle)
            server = TaskServer.start(BenchmarkDatabase.info(), ServerConfig.defaults()
                    .withPoolSize(params.getThreads()).withThreading(threading));
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

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
    public long emptyHandler(User u) throws IOException {
        Poster.Reply r = u.poster.post("/api/empty", u.body);
        if (r.status() != 201) {
            throw new IllegalStateException("expected 201, got " + r.status() + " " + r.body());
        }
        return r.number("bytes");
    }
}
