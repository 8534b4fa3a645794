package dev.taskbench.server;

import static dev.taskbench.server.TaskServerTest.form;
import static dev.taskbench.server.TaskServerTest.marker;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import dev.taskbench.net.TcpProxy;
import dev.taskbench.pool.ConnectionSource;
import dev.taskbench.write.WritePath;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The reliability figures of issue #15, measured, printed, not asserted: a person runs it on a
 * quiet machine ({@code mvn -B -o test -Dtest=ReliabilityProbe -Dtaskbench.reliability=true
 * -Dsurefire.failIfNoSpecifiedTests=false}). Server and clients share this JVM, so the heap figure
 * includes the clients' (small) share.
 */
@EnabledIfSystemProperty(named = "taskbench.reliability", matches = "true",
        disabledReason = "a measurement of minutes, not a test: run with -Dtaskbench.reliability=true on a quiet machine")
class ReliabilityProbe {
    static final int USERS = 10;
    static final int SLOW_CLIENTS = Integer.getInteger("taskbench.reliability.slowClients", 200);
    static final int SECONDS = Integer.getInteger("taskbench.reliability.seconds", 30);
    /** The waits around a phase (users settled before a stall, answers after it) scale with it: 3 s of 30. */
    static final long SETTLE_MILLIS = SECONDS * 100L;
    /** Per phase and status, the answers that were not 201. */
    static final Map<String, AtomicInteger> NOT_CREATED = new ConcurrentSkipListMap<>();

    @Test
    void stalledDatabase() throws Exception {
        ServerConfig d = ServerConfig.defaults();
        List<ServerConfig> cases = List.of(d, d.withThreading(Threading.dispatch),
                d.withPath(WritePath.jooq), d.withPath(WritePath.hibernateSeq), d.withPath(WritePath.hibernateIdentity),
                d.withSource(ConnectionSource.dbcp2), d.withSource(ConnectionSource.agroal));
        for (ServerConfig config : cases) {
            ConnectionInfo db = TestDatabase.info();
            String run = marker();
            try (TcpProxy proxy = new TcpProxy(db); TaskServer server = TaskServer.start(proxy.info(db), config)) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong stalledAt = new AtomicLong(Long.MAX_VALUE);
                ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>(); // {sentNanos, answeredNanos, status}
                AtomicInteger seq = new AtomicInteger();
                List<Thread> users = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    Thread t = new Thread(() -> {
                        try (Poster p = new RawClient(server.uri())) {
                            while (!stop.get()) {
                                String title = run + "-" + seq.incrementAndGet();
                                long sent = System.nanoTime();
                                int status;
                                try {
                                    status = p.post("/api/tasks", form("title", title, "description", "desc of " + title)
                                            .getBytes(StandardCharsets.UTF_8)).status();
                                } catch (IOException e) {
                                    status = -1;
                                }
                                answers.add(new long[] {sent, System.nanoTime(), status});
                            }
                        } catch (Exception e) {
                            answers.add(new long[] {0, 0, -2});
                        }
                    });
                    t.start();
                    users.add(t);
                }
                Thread.sleep(SETTLE_MILLIS);
                stalledAt.set(System.nanoTime());
                proxy.stall();
                Thread.sleep(SECONDS * 1000L / 3);
                long resumedAt = System.nanoTime();
                proxy.resume();
                long firstOk = -1;
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (firstOk < 0 && System.nanoTime() < deadline) {
                    for (long[] a : answers) {
                        if (a[2] == 201 && a[0] > resumedAt) {
                            firstOk = a[1];
                        }
                    }
                    Thread.sleep(50);
                }
                Thread.sleep(SETTLE_MILLIS * 2 / 3);
                stop.set(true);
                for (Thread t : users) {
                    t.join(30_000);
                }
                long worstInFlight = 0;
                long worstDuring = 0;
                int during = 0;
                int odd = 0;
                for (long[] a : answers) {
                    boolean inFlight = a[0] < stalledAt.get() && a[1] > stalledAt.get();
                    boolean sentDuring = a[0] >= stalledAt.get() && a[0] < resumedAt;
                    if (a[2] != 201 && a[2] != 503) {
                        odd++;
                    }
                    if (inFlight) {
                        worstInFlight = Math.max(worstInFlight, a[1] - stalledAt.get());
                    }
                    if (sentDuring) {
                        during++;
                        worstDuring = Math.max(worstDuring, a[1] - a[0]);
                    }
                }
                System.out.printf("stall [%s, %s, %s, request timeout %d ms]: in flight at the stall answered within %d ms;"
                        + " %d sent during it, slowest answer %d ms; answers neither 201 nor 503: %d;"
                        + " first 201 %s ms after resume; half-written rows: %d%n", config.threading(), config.path(),
                        config.source(),
                        config.limits().requestTimeout().toMillis(), worstInFlight / 1_000_000, during,
                        worstDuring / 1_000_000, odd, firstOk < 0 ? "never (60 s)" : (firstOk - resumedAt) / 1_000_000,
                        DatabaseStallTest.mismatched(run));
            }
        }
    }

    @Test
    void slowClientsBesideRealUsers() throws Exception {
        try (TaskServer server = TaskServer.start(TestDatabase.info(), ServerConfig.defaults())) {
            String run = marker();
            users(server, run + "-warmup", SECONDS / 3); // the JIT's first seconds are not the unloaded figure
            long[] unloaded = users(server, run + "-unloaded", SECONDS / 3);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger cut = new AtomicInteger();
            AtomicLong peakHeap = new AtomicLong();
            Thread slow = new Thread(() -> slowClients(server, stop, cut), "slow-clients");
            Thread heap = new Thread(() -> {
                while (!stop.get()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakHeap.accumulateAndGet(used, Math::max);
                    sleep(100);
                }
            }, "heap-sampler");
            slow.start();
            heap.start();
            Thread.sleep(SETTLE_MILLIS);
            long[] loaded = users(server, run + "-loaded", SECONDS);
            stop.set(true);
            slow.join(10_000);
            heap.join(1_000);
            System.out.printf("slow clients: %d users unloaded: %d ok of %d, p99 %.2f ms; beside %d slow clients"
                    + " (1 byte/s, Content-Length 2 MiB, reconnecting when cut, %d cut): %d ok of %d, p99 %.2f ms"
                    + " (%.1fx); peak heap used %d MiB (-Xmx %d MiB)%n", USERS, unloaded[0], unloaded[1],
                    unloaded[2] / 1e6, SLOW_CLIENTS, cut.get(), loaded[0], loaded[1], loaded[2] / 1e6,
                    (double) loaded[2] / unloaded[2], peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("slow clients: answers other than 201 (status -1: an I/O error): " + NOT_CREATED);
        }
    }

    /** {ok, sent, p99 nanos} of {@link #USERS} users posting for {@code seconds}. */
    private static long[] users(TaskServer server, String title, int seconds) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            Thread t = new Thread(() -> {
                byte[] body = form("title", title, "description", "d").getBytes(StandardCharsets.UTF_8);
                try (Poster p = new RawClient(server.uri())) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = p.post("/api/tasks", body).status();
                        } catch (IOException e) {
                            status = -1;
                        }
                        latencies.add(System.nanoTime() - t0);
                        if (status == 201) {
                            ok.incrementAndGet();
                        } else {
                            NOT_CREATED.computeIfAbsent(title + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    // counted as not ok
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
        return new long[] {ok.get(), sorted.size(), p99};
    }

    /** {@link #SLOW_CLIENTS} sockets each sending one body byte a second; a cut one is opened anew. */
    private static void slowClients(TaskServer server, AtomicBoolean stop, AtomicInteger cut) {
        Socket[] sockets = new Socket[SLOW_CLIENTS];
        byte[] head = ("POST /api/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: " + TaskHandler.FORM
                + "\r\nContent-Length: " + (2 << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (!stop.get()) {
            for (int i = 0; i < sockets.length; i++) {
                try {
                    if (sockets[i] == null) {
                        sockets[i] = new Socket(server.uri().getHost(), server.uri().getPort());
                        sockets[i].setSoTimeout(1);
                        sockets[i].getOutputStream().write(head);
                    }
                    OutputStream out = sockets[i].getOutputStream();
                    out.write('t');
                    if (answered(sockets[i])) {
                        throw new IOException("answered: cut off");
                    }
                } catch (IOException e) {
                    cut.incrementAndGet();
                    close(sockets[i]);
                    sockets[i] = null;
                }
            }
            sleep(1000);
        }
        for (Socket s : sockets) {
            close(s);
        }
    }

    /** Whether the server answered or closed: a read that does not time out (a 1 ms socket timeout). */
    private static boolean answered(Socket s) throws IOException {
        try {
            return s.getInputStream().read(new byte[512]) != 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    private static void close(Socket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
