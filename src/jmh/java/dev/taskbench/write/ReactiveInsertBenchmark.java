package dev.taskbench.write;

import dev.taskbench.db.BenchmarkDatabase;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.declare.NeedsDatabase;
import dev.taskbench.declare.Standard;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * The Vert.x reactive client alone, the eventloop model's database side: one insert per op, at
 * most {@code inFlight} unanswered at any time on a pool of 10 connections, each connection
 * pipelining up to {@code pipelining} statements (1: none; 256: the client's default).
 *
 * <p>The benchmark thread only sends: it waits for a free slot, sends the next insert and
 * returns, and the answer frees the slot on an event loop. So the score is the time per insert
 * at that depth (1 / throughput), and at {@code inFlight=1} it is one insert's round trip, the
 * control for the rest: prepared JDBC's {@code InsertBenchmark.single} is the blocking side of it.
 * Each iteration ends with every insert answered and the suite's {@link ProofOfWork}: one row
 * and one commit per insert.
 */
@Standard(value = {}, why = "it answers no finding of the standard run; the full profile, or"
        + " -Djmh.include=ReactiveInsert, runs it")
@NeedsDatabase
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReactiveInsertBenchmark {
    private static final int CONNECTIONS = 10;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    @State(Scope.Benchmark)
    public static class Client {
        @Param({"1", "10", "100"})
        public int inFlight;

        /** Statements one connection sends before the first answer: 1 none, 256 the client's default. */
        @Param({"1", "256"})
        public int pipelining;

        private Vertx vertx;
        private ReactiveTasks tasks;
        private ProofOfWork proof;
        private Semaphore slots;
        private final LongAdder answered = new LongAdder();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Task row = Task.SEED;

        @Setup(Level.Trial)
        public void openTrial() throws SQLException {
            ConnectionInfo info = WriteConnections.DEFAULTS.apply(BenchmarkDatabase.info());
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
            tasks = ReactiveTasks.open(vertx, info, CONNECTIONS, pipelining, CONNECT_TIMEOUT, STATEMENT_TIMEOUT);
            proof = new ProofOfWork(info, tasks::runOnEach, CONNECTIONS);
            slots = new Semaphore(inFlight);
        }

        @Setup(Level.Iteration)
        public void beginIteration() throws SQLException {
            proof.begin();
            answered.reset();
        }

        @TearDown(Level.Iteration)
        public void verifyIteration() throws SQLException, InterruptedException {
            if (!slots.tryAcquire(inFlight, STATEMENT_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("inserts still unanswered after the statement timeout");
            }
            slots.release(inFlight);
            rethrow();
            WriteState.verifyCalls(proof, answered.sum(), 1);
        }

        @TearDown(Level.Trial)
        public void closeTrial() throws SQLException {
            try {
                tasks.close();
                proof.close();
            } finally {
                ReactiveTasks.await(vertx.close(), 10_000);
            }
        }

        void send() throws InterruptedException {
            slots.acquire();
            tasks.insertOne(row).onComplete(id -> {
                answered.increment();
                slots.release();
            }, e -> {
                failure.compareAndSet(null, e);
                slots.release();
            });
            rethrow();
        }

        private void rethrow() {
            Throwable e = failure.get();
            if (e != null) {
                throw new IllegalStateException("an insert failed: " + e, e);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public void insert(Client c, RowCounter counter) throws InterruptedException {
        c.send();
        counter.rows++;
    }
}
