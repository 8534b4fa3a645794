package dev.taskbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.taskbench.db.ConnectionInfo;

/**
 * A TCP forwarder in front of the shared PostgreSQL, on a loopback port of its own: the test
 * cannot stop the real server, so it makes the database go away by closing this. {@link #stop()}
 * closes the listener and cuts every forwarded connection (clients see a reset or EOF, new
 * connections are refused); {@link #start()} listens again on the same port. {@link #stall()}
 * is a database that stops answering without closing anything (SIGSTOP, a blackholed route): it
 * stops forwarding either way, every socket stays open, new connections are still accepted, and
 * {@link #resume()} forwards again, held bytes first.
 */
final class TcpProxy implements AutoCloseable {
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)");

    private final String upstreamHost;
    private final int upstreamPort;
    private final String urlTail;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;
    private final Object gate = new Object();
    private boolean stalled;

    TcpProxy(ConnectionInfo upstream) throws IOException {
        Matcher m = HOST_PORT.matcher(upstream.url());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot proxy " + upstream.redactedUrl());
        }
        upstreamHost = m.group(1);
        upstreamPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        urlTail = m.group(3);
        ServerSocket s = listen(0);
        port = s.getLocalPort();
        accept(s);
    }

    /** The upstream's database and settings, reached through this proxy. */
    ConnectionInfo info(ConnectionInfo upstream) {
        return new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + port + "/" + urlTail, upstream.user(),
                upstream.password());
    }

    synchronized void stop() throws IOException {
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

    void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    void resume() {
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

    synchronized void start() throws IOException {
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
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket server = new Socket(upstreamHost, upstreamPort);
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    live.add(client);
                    live.add(server);
                    if (listener != s) { // stopped meanwhile
                        client.close();
                        server.close();
                        continue;
                    }
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // listener closed: stopped
                }
            }
        }, "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    awaitFlowing();
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // one side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pump");
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
