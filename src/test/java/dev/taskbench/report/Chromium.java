package dev.taskbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's WebSocket
 * and Jackson: opens a page as a reader's browser would, and records what that browser complains
 * about (console errors, uncaught exceptions, its own error log) and every URL the page asks for.
 * A test helper; one browser per test class, one tab per page.
 */
final class Chromium implements AutoCloseable {
    /** Debian's {@code chromium} package; {@code .ci/run} installs it. */
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one page did while it loaded, and what it looks like. */
    record Visit(String url, List<String> errors, List<String> requests, JsonNode structure) {
        /** The URLs that are not the page itself, {@code data:} or {@code about:}: a fetch from outside the file. */
        List<String> leaving() {
            return requests.stream().filter(u -> !withoutFragment(u).equals(url) && !u.startsWith("data:")
                    && !u.startsWith("about:")).toList();
        }
    }

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every event, in arrival order; waiters are woken on each. */
    private final List<JsonNode> events = new ArrayList<>();

    private Chromium(Process process, URI endpoint) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Starts the browser on a fresh profile under {@code profile}, its output into {@code log}.
     * It resolves no host name (a page that reaches out fails to, but is still seen asking) and
     * makes no request of its own that a page could be blamed for.
     */
    static Chromium start(Path profile, Path log) throws Exception {
        Files.createDirectories(profile);
        Files.createDirectories(log.toAbsolutePath().getParent());
        // The browser writes its port and path here once it listens: no parsing of its log. One left
        // by an earlier browser on this profile would name a port nobody listens on.
        Path active = profile.resolve("DevToolsActivePort");
        Files.deleteIfExists(active);
        Process p = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<String> lines = Files.exists(active) ? Files.readAllLines(active) : List.of();
            if (lines.size() >= 2) {
                try {
                    return new Chromium(p, URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()));
                } catch (Exception e) {
                    kill(p);
                    throw e;
                }
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                kill(p);
                throw new IllegalStateException(BINARY + " did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "):\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Opens {@code file} in a new tab of {@code width} x {@code height} CSS pixels, waits for its
     * load event and a frame after it, evaluates {@code structure} (a JavaScript expression whose
     * value is returned as JSON), saves a screenshot of the whole page to {@code screenshot}, and
     * closes the tab.
     */
    Visit visit(Path file, String structure, Path screenshot, int width, int height) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        try {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                call(session, domain + ".enable", Map.of());
            }
            call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            String url = file.toAbsolutePath().toUri().toString();
            int from = eventCount();
            JsonNode nav = call(session, "Page.navigate", Map.of("url", url));
            if (nav.hasNonNull("errorText")) {
                throw new IllegalStateException("cannot open " + url + ": " + nav.get("errorText").asText());
            }
            await(session, "Page.loadEventFired", from);
            // One frame and a little after the load: what a page does late is seen too.
            evaluate(session, "new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))");
            JsonNode shape = evaluate(session, structure);
            // The whole page, as far as one screenshot goes (Chromium's limit is 16,384 pixels a side).
            int tall = Math.min(16_000, Math.max(height, evaluate(session, "document.documentElement.scrollHeight").asInt()));
            byte[] png = Base64.getDecoder().decode(call(session, "Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", tall,
                            "scale", 1))).path("data").asText());
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            Files.write(screenshot, png);
            List<String> errors = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            for (JsonNode e : eventsOf(session, from)) {
                JsonNode p = e.path("params");
                switch (e.path("method").asText()) {
                    case "Runtime.exceptionThrown" -> errors.add("uncaught exception: "
                            + p.path("exceptionDetails").path("exception").path("description")
                                    .asText(p.path("exceptionDetails").path("text").asText()));
                    case "Runtime.consoleAPICalled" -> {
                        String type = p.path("type").asText();
                        if (type.equals("error") || type.equals("assert")) {
                            List<String> args = new ArrayList<>();
                            p.path("args").forEach(a -> args.add(a.path("value").asText(a.path("description").asText())));
                            errors.add("console." + type + ": " + String.join(" ", args));
                        }
                    }
                    case "Log.entryAdded" -> {
                        if (p.path("entry").path("level").asText().equals("error")) {
                            errors.add("browser log: " + p.path("entry").path("text").asText() + " "
                                    + p.path("entry").path("url").asText(""));
                        }
                    }
                    case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                    default -> {
                    }
                }
            }
            return new Visit(url, errors, requests, shape);
        } finally {
            call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    /** The value of a JavaScript expression (a promise awaited), as JSON; its exception, thrown. */
    private JsonNode evaluate(String session, String expression) throws Exception {
        JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("the page's JavaScript failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) { // one send at a time: the JDK's WebSocket refuses overlapping ones
            socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    private synchronized int eventCount() {
        return events.size();
    }

    private synchronized List<JsonNode> eventsOf(String session, int from) {
        return events.subList(from, events.size()).stream()
                .filter(e -> session.equals(e.path("sessionId").asText())).toList();
    }

    private synchronized void await(String session, String method, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (eventsOf(session, from).stream().noneMatch(e -> method.equals(e.path("method").asText()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no " + method + " within " + TIMEOUT);
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    private synchronized void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
            if (f != null) {
                f.complete(message);
            }
        } else {
            events.add(message);
            notifyAll();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            failPending(new IllegalStateException("the browser closed the connection: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failPending(error);
        }

        private void failPending(Throwable t) {
            pending.values().forEach(f -> f.completeExceptionally(t));
            pending.clear();
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", Map.of());
        } catch (Exception e) {
            // it may go before it answers; the process is ended below either way
        }
        socket.abort();
        destroy(process);
    }

    /** After Browser.close: a few seconds to go by itself, then ended with every process it started. */
    private static void destroy(Process p) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                kill(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
