package dev.taskbench.seed;

import dev.taskbench.form.FormParser;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.load.Posters;
import dev.taskbench.load.Timing;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.TaskServer;
import dev.taskbench.write.Task;
import dev.taskbench.write.TaskWriter;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Where the time of one request goes: each layer timed alone in this JVM against the running
 * server's own parts, on the load's own clock ({@link Timing}), then the same parts under the
 * seed's load ({@link ClosedLoop}).
 */
final class Layers {
    static final double SECONDS = 0.2;
    static final double WARMUP_SECONDS = 0.3;
    static final int ROUNDS = 7;
    static final int BATCH = 16;

    /** Microseconds per call, one request at a time. */
    final double httpEmpty;
    final double parse;
    final double checkout;
    final double insertWithCheckout;
    final double endToEnd;
    final ClosedLoop.Result insertTenThreads;
    final ClosedLoop.Result emptyTenUsers;

    private Layers(double[] micros, ClosedLoop.Result insertTenThreads, ClosedLoop.Result emptyTenUsers) {
        this.httpEmpty = micros[0];
        this.parse = micros[1];
        this.checkout = micros[2];
        this.insertWithCheckout = micros[3];
        this.endToEnd = micros[4];
        this.insertTenThreads = insertTenThreads;
        this.emptyTenUsers = emptyTenUsers;
    }

    static Layers measure(TaskServer server, SeedSettings o) throws Exception {
        Timing timing = Timing.SYSTEM;
        byte[] body = SeedLoad.BODY;
        FormParser parser = new FormParser();
        DataSource ds = server.dataSource();
        TaskWriter writer = server.writer();
        Task row = new Task(Task.SEED.title() + " layers", Task.SEED.description());
        double[] micros;
        try (Poster p = Posters.open(o.client(), server.uri())) {
            List<Timing.Call> layers = List.of(
                    () -> p.post("/api/empty", body).status(),
                    () -> parser.parse(body).size(),
                    () -> {
                        try (Connection c = ds.getConnection()) {
                            return c.hashCode();
                        }
                    },
                    () -> writer.insertOne(row),
                    () -> p.post("/api/tasks", body).status());
            for (Timing.Call layer : layers) {
                timing.medianOfBatches(layer, BATCH, nanos(WARMUP_SECONDS));
            }
            micros = timing.interleavedMedians(layers, ROUNDS, BATCH, nanos(SECONDS));
        }
        for (int k = 0; k < micros.length; k++) {
            micros[k] /= 1e3;
        }
        ClosedLoop.Result insert = ClosedLoop.run(timing, o.users(), 300, u -> (x, i) -> writer.insertOne(row));
        ClosedLoop.Result empty = ClosedLoop.run(timing, o.users(), 1000, u -> {
            Poster p = Posters.open(o.client(), server.uri());
            return (x, i) -> {
                p.post("/api/empty", body);
                if (i == 999) {
                    p.close();
                }
            };
        });
        return new Layers(micros, insert, empty);
    }

    private static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }

    String render(ClosedLoop.Result seed, ServerConfig config) {
        double insert = insertWithCheckout - checkout;
        double sum = httpEmpty + parse + checkout + insert;
        double rest = endToEnd - sum;
        StringBuilder sb = new StringBuilder();
        sb.append("Where the time goes: one request at a time (1 user), each layer timed alone in-process;"
                + " per request,\nmedian of " + ROUNDS + " interleaved rounds of " + SECONDS + " s, each the median of"
                + " batches of " + BATCH + " calls\n");
        String f = "  %-58s %9.1f us %6.1f%%%n";
        sb.append(String.format(Locale.ROOT, f, "HTTP round trip, empty handler (client + Jetty, body read)",
                httpEmpty, 100 * httpEmpty / endToEnd));
        sb.append(String.format(Locale.ROOT, f, "form parse (taskbench FormParser, the seed's body)", parse,
                100 * parse / endToEnd));
        sb.append(String.format(Locale.ROOT, f, "connection checkout + return (" + source(config) + ")", checkout,
                100 * checkout / endToEnd));
        sb.append(String.format(Locale.ROOT, f, "insert + commit (" + config.path() + ", RETURNING id)", insert,
                100 * insert / endToEnd));
        sb.append(String.format(Locale.ROOT, f, "sum of the layers", sum, 100 * sum / endToEnd));
        sb.append(String.format(Locale.ROOT, f, "end to end: POST /api/tasks, measured", endToEnd, 100.0));
        sb.append(String.format(Locale.ROOT, f, "unexplained remainder (end to end - sum)", rest,
                100 * rest / endToEnd));
        sb.append("  (the remainder: the handler's checks, the Task and the JSON answer, waking each other's\n"
                + "   threads across client, server and database, which no layer alone does, and each layer's\n"
                + "   caches disturbed by the others; negative = layers cheaper together. These are latencies\n"
                + "   of an idle machine; the CPU per write above is what bounds throughput under load)\n");
        sb.append(String.format(Locale.ROOT, "Under the seed's load (%d users at once, closed loop):%n",
                seed.users()));
        String g = "  %-58s %9.0f /s, mean %7.1f us, p99 %7.1f us%n";
        sb.append(String.format(Locale.ROOT, g, "the whole request, POST /api/tasks (the write round)",
                seed.perSecond(), seed.meanMicros(), seed.percentileMicros(0.99)));
        sb.append(String.format(Locale.ROOT, g, "HTTP alone, POST /api/empty", emptyTenUsers.perSecond(),
                emptyTenUsers.meanMicros(), emptyTenUsers.percentileMicros(0.99)));
        sb.append(String.format(Locale.ROOT, g, "checkout + insert + commit alone, no HTTP",
                insertTenThreads.perSecond(), insertTenThreads.meanMicros(),
                insertTenThreads.percentileMicros(0.99)));
        sb.append("  (with 10 requests in flight on 2 cores, latency is mostly waiting: for a core, for the\n"
                + "   WAL flush that commits share; the layers' throughputs bound the whole from above)\n");
        return sb.toString();
    }

    private static String source(ServerConfig c) {
        return c.source().pooled() ? c.source().name().toLowerCase(Locale.ROOT) + " pool"
                : "a new connection and login";
    }
}
