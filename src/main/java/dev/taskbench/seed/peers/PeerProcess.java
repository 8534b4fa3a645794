package dev.taskbench.seed.peers;

import dev.taskbench.Processes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.JdbcUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of the seed's configurations running as a child process tree (PM2 and its Node workers,
 * gunicorn and its workers) on a free loopback port, its output in a log of its own: started,
 * waited for until it answers HTTP (a bounded wait it announces), and stopped with every
 * process it started. A start that fails is one line with the log's last lines.
 */
public final class PeerProcess implements AutoCloseable {
    /** Log lines a failure quotes. */
    static final int TAIL = 3;

    private final Peer peer;
    private final Process process;
    private final Path dir;
    private final int port;

    private PeerProcess(Peer peer, Process process, Path dir, int port) {
        this.peer = peer;
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts {@code peer} from {@code project} on database {@code db} (its rows go to the peer's
     * schema) and waits at most {@code wait} for its first HTTP answer, saying so on {@code out}.
     */
    public static PeerProcess start(Peer peer, Path project, ConnectionInfo db, Duration wait, PrintStream out)
            throws IOException {
        int port = freePort();
        Path dir = Files.createTempDirectory("taskbench-peer-");
        ProcessBuilder pb = new ProcessBuilder(peer.command(port)).directory(peer.dir(project).toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile());
        pb.environment().putAll(environment(peer, project, db, port, dir));
        out.printf("  %s: starting on 127.0.0.1:%d, waiting up to %d s for its first answer ...%n", peer.name(), port,
                wait.toSeconds());
        PeerProcess p = new PeerProcess(peer, pb.start(), dir, port);
        p.process.getOutputStream().close();
        try {
            p.awaitReady(wait);
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** The peer's environment: the database in libpq's variables (node-postgres reads them too), its schema, its port. */
    static Map<String, String> environment(Peer peer, Path project, ConnectionInfo db, int port, Path dir) {
        JdbcUrls.Target t = JdbcUrls.target(db.url());
        if (t == null) {
            throw new TaskbenchException("the seed's stacks need a jdbc:postgresql://host:port/database URL, not "
                    + db.redactedUrl());
        }
        Map<String, String> params = JdbcUrls.params(db.url());
        String user = !db.user().isEmpty() ? db.user() : params.getOrDefault("user", "postgres");
        String password = !db.password().isEmpty() ? db.password() : params.getOrDefault("password", "");
        Map<String, String> env = new java.util.HashMap<>(Map.of("PGHOST", t.host(), "PGPORT", String.valueOf(t.port()),
                "PGDATABASE", t.database(), "PGUSER", user, "PGPASSWORD", password,
                "PGSSLMODE", params.getOrDefault("sslmode", "disable"),
                "PGOPTIONS", "-c search_path=" + peer.stack().schema + " -c synchronous_commit=on",
                "PGAPPNAME", "taskbench-peer-" + peer.name(), "TASKBENCH_PEER_PORT", String.valueOf(port),
                "PM2_HOME", dir.resolve("pm2").toString()));
        env.put("TASKBENCH_CONN_MAX_AGE", peer.persistent() ? String.valueOf(Peer.CONN_MAX_AGE) : "0");
        env.put("DJANGO_SETTINGS_MODULE", "task_management.settings");
        if (peer.stack() == Peer.Stack.pypy) {
            env.put("PYTHONPATH", project.resolve(PeerStacks.PYPY_PATH).toString());
        }
        return env;
    }

    private void awaitReady(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before answering");
            }
            if (answers()) {
                return;
            }
            sleep(100);
        }
        throw failure("did not answer HTTP within " + wait.toSeconds() + " s");
    }

    /** Whether a GET of the write route gets any HTTP answer (405 or 404: the route takes POST). */
    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(2_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET /api/tasks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(8);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** One line: the configuration, what happened, and the last lines of its log. */
    public TaskbenchException failure(String what) {
        return new TaskbenchException(peer.name() + " " + what + "; its log ends: " + logTail());
    }

    /** The log's last {@link #TAIL} non-blank lines, joined by " | ". */
    public String logTail() {
        try {
            return lastLines(Files.readString(dir.resolve("peer.log"), StandardCharsets.UTF_8), TAIL);
        } catch (IOException e) {
            return "(its log is unreadable: " + e.getMessage() + ")";
        }
    }

    /** The last {@code n} non-blank lines of {@code text}, joined by " | "; "(nothing)" when there are none. */
    static String lastLines(String text, int n) {
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "(nothing)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    public Peer peer() {
        return peer;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Whether the process PM2 or gunicorn runs as is still alive. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Stops the whole tree (SIGTERM, then SIGKILL after {@link Processes#GRACE}) and removes its folder. */
    @Override
    public void close() {
        Processes.end(Processes.tree(process.toHandle()), Processes.GRACE);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskbenchException("interrupted while waiting for a peer to start");
        }
    }
}
