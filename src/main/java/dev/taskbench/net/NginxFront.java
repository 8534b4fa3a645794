package dev.taskbench.net;

import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as the seed's reverse proxy in front of a server, on a loopback port of its own:
 * the seed's Django and Node both sat behind one. Its configuration is generated into a
 * directory of its own (nothing of the system's nginx is read or touched): {@code worker_processes
 * auto}, access log off, the client's Host passed on (Django checks it), HTTP/1.1 to a keep-alive
 * upstream pool, so that the hop costs what a production proxy's does and not a new upstream
 * connection per request. Started as a child
 * process in the foreground ({@code daemon off}) and stopped with it.
 */
public final class NginxFront implements AutoCloseable {
    /** Where Debian puts nginx, when the PATH does not have it. */
    private static final Path DEBIAN_NGINX = Path.of("/usr/sbin/nginx");
    /** Kept-alive connections nginx keeps to the server, per worker. */
    static final int UPSTREAM_KEEPALIVE = 128;
    private static final long START_TIMEOUT_MS = 10_000;
    /** What a command says, and goes on, where {@link #find} finds none. */
    public static final String MISSING = "nginx is not on this machine (Debian: apt-get install nginx)";

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxFront(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The nginx binary on the PATH or at Debian's place, if this machine has one. */
    public static Optional<Path> find() {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isEmpty()) {
                    candidates.add(Path.of(d, "nginx"));
                }
            }
        }
        candidates.add(DEBIAN_NGINX);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts nginx on a free loopback port, proxying to {@code upstream} ({@code http://host:port}). */
    public static NginxFront start(Path nginx, URI upstream) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("taskbench-nginx-");
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, upstream), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxFront front = new NginxFront(p, dir, port);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                String why = front.log();
                front.close();
                throw new TaskbenchException("nginx did not start: " + why);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return front;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        front.close();
        throw new TaskbenchException("nginx did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT_MS + " ms");
    }

    /** The generated configuration: one server on {@code port}, proxying every path to {@code upstream}. */
    static String config(Path dir, int port, URI upstream) {
        String d = dir.toString();
        return String.join("\n",
                "daemon off;",
                "worker_processes auto;",
                "pid " + d + "/nginx.pid;",
                "error_log " + d + "/error.log warn;",
                "events { worker_connections 4096; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + d + "/body;",
                "  proxy_temp_path " + d + "/proxy;",
                "  fastcgi_temp_path " + d + "/fastcgi;",
                "  uwsgi_temp_path " + d + "/uwsgi;",
                "  scgi_temp_path " + d + "/scgi;",
                "  client_max_body_size 64m;",
                "  keepalive_requests 1000000;",
                "  upstream taskbench {",
                "    server " + upstream.getHost() + ":" + upstream.getPort() + ";",
                "    keepalive " + UPSTREAM_KEEPALIVE + ";",
                "    keepalive_requests 1000000;",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location / {",
                "      proxy_pass http://taskbench;",
                "      proxy_http_version 1.1;",
                "      proxy_set_header Connection \"\";",
                "      proxy_set_header Host $http_host;",
                "    }",
                "  }",
                "}",
                "");
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The last lines nginx wrote, for an error message. */
    private String log() {
        try {
            Path err = dir.resolve("error.log");
            Path out = dir.resolve("stdout.log");
            String s = (Files.exists(err) ? Files.readString(err) : "") + (Files.exists(out) ? Files.readString(out) : "");
            s = s.strip();
            int nl = s.lastIndexOf('\n');
            return s.isEmpty() ? "no output" : nl < 0 ? s : s.substring(nl + 1);
        } catch (IOException e) {
            return "its log is unreadable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskbenchException("interrupted while waiting for nginx");
        }
    }
}
