package dev.taskbench.net;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP forwarder in front of a PostgreSQL server, on a loopback port of its own: the network
 * between the suite and the database, made to misbehave on purpose.
 *
 * <p>{@link #delayed} holds every chunk for half a round trip in each direction, in order, so a
 * request and its answer cost the injected round trip on top of loopback's (the latency axis:
 * loopback alone shows no concurrency model why it exists). {@link #stop()} closes the listener
 * and cuts every forwarded connection (clients see a reset or EOF, new connections are refused);
 * {@link #start()} listens again on the same port. {@link #stall()} is a database that stops
 * answering without closing anything (SIGSTOP, a blackholed route): nothing is forwarded either
 * way, every socket stays open, new connections are still accepted, and {@link #resume()}
 * forwards again, held bytes first.
 */
public final class TcpProxy implements AutoCloseable {
    private static final int BUFFER = 16384;

    private final String upstreamHost;
    private final int upstreamPort;
    private final String urlTail;
    private final long oneWayNanos;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;
    private final Object gate = new Object();
    private boolean stalled;

    /** A forwarder that adds nothing but its own hop. */
    public TcpProxy(ConnectionInfo upstream) throws IOException {
        this(upstream, Duration.ZERO);
    }

    private TcpProxy(ConnectionInfo upstream, Duration oneWay) throws IOException {
        JdbcUrls.Target t = JdbcUrls.target(upstream.url());
        if (t == null) {
            throw new IllegalArgumentException("cannot proxy " + upstream.redactedUrl());
        }
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + oneWay);
        }
        upstreamHost = t.host();
        upstreamPort = t.port();
        urlTail = t.tail();
        oneWayNanos = oneWay.toNanos();
        ServerSocket s = listen(0);
        port = s.getLocalPort();
        accept(s);
    }

    /** A forwarder that adds {@code roundTrip} to every exchange: half of it each way. */
    public static TcpProxy delayed(ConnectionInfo upstream, Duration roundTrip) throws IOException {
        return new TcpProxy(upstream, roundTrip.dividedBy(2));
    }

    /** The upstream's database and settings, reached through this proxy. */
    public ConnectionInfo info(ConnectionInfo upstream) {
        return new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + port + "/" + urlTail, upstream.user(),
                upstream.password());
    }

    /** The round trip this proxy adds on purpose (its own hop comes on top). */
    public Duration addedRoundTrip() {
        return Duration.ofNanos(oneWayNanos * 2);
    }

    public synchronized void stop() throws IOException {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            s.close();
        }
        for (Socket c : live) {
            c.close();
        }
        live.clear();
    }

    public void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    private void awaitFlowing() throws InterruptedException {
        synchronized (gate) {
            while (stalled) {
                gate.wait();
            }
        }
    }

    public synchronized void start() throws IOException {
        if (listener == null) {
            accept(listen(port));
        }
    }

    private static ServerSocket listen(int p) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
        return s;
    }

    private void accept(ServerSocket s) {
        listener = s;
        daemon("tcp-proxy-accept", () -> {
            while (!s.isClosed()) {
                try {
                    connect(s, s.accept());
                } catch (IOException e) {
                    // listener closed: stopped
                }
            }
        });
    }

    private void connect(ServerSocket s, Socket client) throws IOException {
        Socket server = new Socket(upstreamHost, upstreamPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        live.add(client);
        live.add(server);
        if (listener != s) { // stopped meanwhile
            client.close();
            server.close();
            return;
        }
        forward(client, server);
        forward(server, client);
    }

    /** One direction: straight through, or through a queue that releases each chunk when it is due. */
    private void forward(Socket from, Socket to) {
        if (oneWayNanos == 0) {
            daemon("tcp-proxy-pump", () -> pump(from, to));
            return;
        }
        BlockingQueue<Chunk> due = new LinkedBlockingQueue<>();
        daemon("tcp-proxy-read", () -> read(from, due));
        daemon("tcp-proxy-write", () -> writeWhenDue(from, to, due));
    }

    private void pump(Socket from, Socket to) {
        relay(from, to, () -> {
            byte[] buf = new byte[BUFFER];
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                awaitFlowing();
                out.write(buf, 0, n);
            }
        });
    }

    /** One direction's work until either side closes; then both are closed. */
    @FunctionalInterface
    private interface Relay {
        void run() throws IOException, InterruptedException;
    }

    private void relay(Socket from, Socket to, Relay work) {
        try {
            work.run();
        } catch (IOException e) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
        }
    }

    /** A chunk read at some instant, to be written {@link #oneWayNanos} later; {@code bytes == null}: the end. */
    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private void read(Socket from, BlockingQueue<Chunk> due) {
        byte[] buf = new byte[BUFFER];
        try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                due.add(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            due.add(new Chunk(System.nanoTime() + oneWayNanos, null));
        }
    }

    private void writeWhenDue(Socket from, Socket to, BlockingQueue<Chunk> due) {
        relay(from, to, () -> {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = due.take();
                for (long wait = c.dueNanos() - System.nanoTime(); wait > 0; wait = c.dueNanos() - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (c.bytes() == null) {
                    return; // the end is delayed like the bytes before it
                }
                awaitFlowing();
                out.write(c.bytes());
            }
        });
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket s) {
        live.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        resume();
        stop();
    }
}
