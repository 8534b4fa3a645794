package dev.taskbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The docs are an executable contract: every command {@code README.md} and {@code docs/} show is
 * run, with the smoke-sized arguments declared for it in {@code docs/commands.txt}, under a time
 * limit and a limit on silence; it must end as documented (exit code, the lines it is documented
 * to print). {@code mvn install} checks that the docs and the manifest list the same commands;
 * {@code .ci/run} runs them all after it ({@code -Dtaskbench.docs.run=true}: they need the
 * installed {@code jmh:} goals and the uber-jar), printing each command as run and its time.
 */
class DocumentedCommandsTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path MANIFEST = ROOT.resolve("docs").resolve("commands.txt");
    /** A command that prints nothing for this long is stuck (or waits without saying so). */
    static final Duration SILENCE = Duration.ofSeconds(Long.getLong("taskbench.docs.silenceSeconds", 60));
    static final Duration STOP = Duration.ofSeconds(30);
    static final String FORM = "title=Buy+milk+and+eggs&description=Two+litres+of+organic+semi-skimmed+milk";

    /** Every documented command, once, first place first. */
    static Map<String, DocumentedCommands.Documented> documented() throws IOException {
        Map<String, DocumentedCommands.Documented> once = new LinkedHashMap<>();
        for (DocumentedCommands.Documented d : DocumentedCommands.in(ROOT)) {
            once.merge(d.command(), d, (a, b) -> a.prints().isEmpty() && !b.prints().isEmpty() ? b : a);
        }
        return once;
    }

    /** Whether .ci/run runs the command: a Maven goal through mvn or its MVN array, a script as such or through bash. */
    private static boolean ciRuns(String ci, String command) {
        String runner = command.startsWith("mvn ") ? "(mvn|\"\\$\\{MVN\\[@]}\")\\s+" : "(bash\\s+)?";
        String rest = command.replaceFirst("^mvn ", "");
        return Pattern.compile("(^|\\s)" + runner + Pattern.quote(rest) + "(\\s|$)", Pattern.MULTILINE).matcher(ci).find();
    }

    @Test
    void everyDocumentedCommandHasAnEntryAndEveryEntryIsDocumented() throws IOException {
        Map<String, DocumentedCommands.Documented> docs = documented();
        Map<String, CommandManifest.Entry> manifest = CommandManifest.read(MANIFEST);
        List<String> missing = docs.values().stream().filter(d -> !manifest.containsKey(d.command()))
                .map(d -> d.where() + ": " + d.command()).toList();
        List<String> stale = manifest.values().stream().filter(e -> !docs.containsKey(e.command()))
                .map(e -> "commands.txt:" + e.line() + ": " + e.command()).toList();
        assertEquals(List.of(), missing, "documented but not in docs/commands.txt (add how CI runs it)");
        assertEquals(List.of(), stale, "in docs/commands.txt but no longer documented");
        String ci = Files.readString(ROOT.resolve(".ci").resolve("run"), StandardCharsets.UTF_8);
        for (CommandManifest.Entry e : manifest.values()) {
            if (e.byCi()) {
                assertTrue(ciRuns(ci, e.command()), ".ci/run does not run: " + e.command());
            }
            ShellWords.substitute(ShellWords.split(e.command()), e.one("with", "").replaceAll("\\{run:[^}]*}", "x"),
                    Map.of());
            if (e.serves()) {
                Pattern.compile(e.one("serve", ""));
            }
        }
        System.out.println("Documented commands (" + docs.size() + "), and how CI runs each:");
        int n = 0;
        for (DocumentedCommands.Documented d : docs.values()) {
            CommandManifest.Entry e = manifest.get(d.command());
            System.out.printf(Locale.ROOT, "%3d. %-22s %s%n      %s%n", ++n, d.where(), d.command(), how(e, Map.of()));
        }
    }

    @Test
    void theExtractorFindsBlocksInlineSpansAndConsoleOutput() {
        String md = String.join("\n", "Run `mvn jmh:run -Dx=1` or `java.net.http.HttpClient`, then `mvn",
                "jmh:history`.", "```sh", "mvn install   # builds", "", "```", "```console",
                "$ mvn jmh:run -Dtaskbench.flagset=c2", "[INFO] noise", "taskbench: no such setting",
                "$ java -jar target/benchmarks.jar -l", "```", "```java", "mvn not.a.command", "```");
        List<DocumentedCommands.Documented> found = DocumentedCommands.in(Path.of("README.md"), md);
        assertEquals(List.of("mvn jmh:run -Dx=1", "mvn jmh:history", "mvn install",
                "mvn jmh:run -Dtaskbench.flagset=c2", "java -jar target/benchmarks.jar -l"),
                found.stream().map(DocumentedCommands.Documented::command).toList());
        assertEquals(List.of("taskbench: no such setting"), found.get(3).prints());
        assertEquals(List.of(1, 1, 4, 8, 11), found.stream().map(DocumentedCommands.Documented::line).toList());
    }

    @Test
    void aSubstitutionReplacesTheCommandsOwnSettingsAndAddsTheRest() {
        List<String> words = ShellWords.split("mvn jmh:run -Djmh.include='TaskServer|HttpRoundTrip' -Dtaskbench.profile=full");
        assertEquals("mvn jmh:run '-Djmh.include=TaskServer|HttpRoundTrip' -Dtaskbench.profile=smoke -Dx=1",
                ShellWords.join(ShellWords.substitute(words, "-Dtaskbench.profile=smoke -Dx=1", Map.of())));
        List<String> jar = ShellWords.split("java -jar target/benchmarks.jar Connection -f 1");
        assertEquals("java -Dtaskbench.profile=smoke -jar target/benchmarks.jar Connection -f 2 -i 1",
                ShellWords.join(ShellWords.substitute(jar, "-f 2 -i 1 -Dtaskbench.profile=smoke", Map.of())));
        List<String> compare = ShellWords.split("mvn jmh:compare -Dbase=RUN:c2 -Dcandidate=RUN:c1");
        assertEquals("mvn jmh:compare -Dbase=20261205-1:c2 -Dcandidate=20261205-1:c1",
                ShellWords.join(ShellWords.substitute(compare, "-Dbase={run:sets}:c2 -Dcandidate={run:sets}:c1",
                        Map.of("sets", "20261205-1"))));
        List<String> chain = ShellWords.split("git worktree add ../b main~1 && mvn -f ../b/pom.xml package");
        assertEquals("git worktree add ../b main~1 && mvn -f ../b/pom.xml package -q",
                ShellWords.join(ShellWords.substitute(chain, "-q", Map.of())));
    }

    @Test
    void aMalformedManifestLineIsNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CommandManifest.parse("commands.txt", "mvn jmh:run\n  wiht: -Dx=1\n"));
        assertTrue(e.getMessage().startsWith("commands.txt:2: expected a command"), e.getMessage());
    }

    /** What a documented command is run as, and why. */
    static String how(CommandManifest.Entry e, Map<String, String> runs) {
        if (e.byCi()) {
            return "run by " + e.one("by", "") + " itself";
        }
        String with = e.one("with", "");
        String line = with.isEmpty() ? "as documented" : "as: " + ShellWords.join(ShellWords.substitute(
                ShellWords.split(e.command()), runs.isEmpty() ? with.replaceAll("\\{run:([^}]*)}", "<run $1>") : with,
                runs));
        return (e.serves() ? "served, one POST, then Ctrl-C; " : "") + line
                + (e.all("why").isEmpty() ? "" : " (" + e.one("why", "") + ")");
    }

    /** The outcome of one command. */
    record Outcome(String where, String command, String ran, int exit, double seconds, String failure) {
    }

    @Test
    @EnabledIfSystemProperty(named = "taskbench.docs.run", matches = "true", disabledReason = "run by .ci/run after"
            + " mvn install (-Dtaskbench.docs.run=true): the documented commands need the installed jmh: goals and"
            + " target/benchmarks.jar")
    void everyDocumentedCommandRunsAsDocumented() throws Exception {
        Map<String, CommandManifest.Entry> manifest = CommandManifest.read(MANIFEST);
        Pattern only = Pattern.compile(System.getProperty("taskbench.docs.only", ".*"));
        Path logs = ROOT.resolve("target").resolve("doc-commands");
        Files.createDirectories(logs);
        Map<String, String> runs = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        int n = 0;
        for (DocumentedCommands.Documented d : documented().values()) {
            CommandManifest.Entry e = manifest.get(d.command());
            n++;
            if (e == null || e.byCi() || !only.matcher(d.command()).find()) {
                continue;
            }
            Outcome o = run(n, d, e, runs, logs.resolve(String.format(Locale.ROOT, "%02d.log", n)));
            outcomes.add(o);
            System.out.printf(Locale.ROOT, "taskbench docs: %3d. %-5s %6.1f s  %s%n", n, o.failure() == null ? "ok" : "FAIL",
                    o.seconds(), o.ran() + (o.failure() == null ? "" : "\n      " + o.failure()));
        }
        System.out.println("Documented commands run (" + outcomes.size() + "):");
        double total = 0;
        for (Outcome o : outcomes) {
            total += o.seconds();
            System.out.printf(Locale.ROOT, "  %-5s %6.1f s  exit %-3d %-22s %s%n", o.failure() == null ? "ok" : "FAIL",
                    o.seconds(), o.exit(), o.where(), o.ran());
        }
        System.out.printf(Locale.ROOT, "  total %.0f s%n", total);
        List<String> failed = outcomes.stream().filter(o -> o.failure() != null)
                .map(o -> o.where() + " " + o.command() + ": " + o.failure()).toList();
        if (!failed.isEmpty()) {
            fail(failed.size() + " documented command(s) did not run as documented:\n" + String.join("\n", failed));
        }
    }

    private static Outcome run(int n, DocumentedCommands.Documented d, CommandManifest.Entry e,
            Map<String, String> runs, Path log) throws Exception {
        List<String> words = ShellWords.substitute(ShellWords.split(d.command()), e.one("with", ""), runs);
        String line = ShellWords.join(words);
        Set<String> before = runFolders();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("setsid", "bash", "-c", line).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String failure = e.serves() ? serve(p, e, log) : null;
        if (failure == null) {
            failure = await(p, e, log, t0);
        } else {
            stop(p, "-KILL");
        }
        for (String after : e.all("after")) {
            Process a = new ProcessBuilder("bash", "-c", after).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!a.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || a.exitValue() != 0) {
                failure = failure != null ? failure : "its clean-up '" + after + "' failed";
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int exit = p.isAlive() ? -1 : p.exitValue();
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        // a server stopped by SIGTERM (SIGINT ignored here) ends as 128 + 15 where Ctrl-C ends it as 128 + 2
        int documented = e.serves() && INTERRUPT_IGNORED && e.exit() == 130 ? 143 : e.exit();
        if (failure == null && exit != documented) {
            failure = "exit code " + exit + ", documented " + documented + "; its output ends:\n" + tail(output, 15);
        }
        if (failure == null) {
            failure = missing(output, e, d);
        }
        Set<String> made = runFolders();
        made.removeAll(before);
        if (e.attributes().containsKey("name")) {
            if (made.size() == 1) {
                runs.put(e.one("name", ""), made.iterator().next());
            } else if (failure == null) {
                failure = "it was to make one run folder (name: " + e.one("name", "") + "), it made " + made;
            }
        }
        return new Outcome(d.where(), d.command(), line, exit, seconds, failure);
    }

    /** Waits for the end, within the limit and never silent for longer than {@link #SILENCE}. */
    private static String await(Process p, CommandManifest.Entry e, Path log, long t0) throws Exception {
        long lastSize = -1;
        long lastChange = System.nanoTime();
        long limit = t0 + Duration.ofSeconds(e.limitSeconds()).toNanos();
        while (p.isAlive()) {
            long size = Files.size(log);
            long now = System.nanoTime();
            if (size != lastSize) {
                lastSize = size;
                lastChange = now;
            }
            if (now - lastChange > SILENCE.toNanos()) {
                stop(p, "-TERM");
                return "printed nothing for " + SILENCE.toSeconds() + " s; stopped. Its output ends:\n"
                        + tail(Files.readString(log, StandardCharsets.UTF_8), 10);
            }
            if (now > limit) {
                stop(p, "-TERM");
                return "still running after its limit of " + e.limitSeconds() + " s; stopped";
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** A server until Ctrl-C: wait for the URI it prints, POST one form, then SIGINT its process group. */
    private static String serve(Process p, CommandManifest.Entry e, Path log) throws Exception {
        Pattern ready = Pattern.compile(e.one("serve", ""));
        long deadline = System.nanoTime() + Duration.ofSeconds(e.limitSeconds()).toNanos();
        Matcher m = ready.matcher("");
        while (!m.reset(Files.readString(log, StandardCharsets.UTF_8)).find()) {
            if (!p.isAlive()) {
                return "ended (exit code " + p.exitValue() + ") before it printed /" + ready + "/:\n"
                        + tail(Files.readString(log, StandardCharsets.UTF_8), 10);
            }
            if (System.nanoTime() > deadline) {
                return "did not print /" + ready + "/ within " + e.limitSeconds() + " s";
            }
            Thread.sleep(100);
        }
        URI uri = URI.create(m.group(1) + "/api/tasks");
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(FORM)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            return "POST " + uri + " answered " + r.statusCode() + " " + r.body() + ", not 201";
        }
        String signal = INTERRUPT_IGNORED ? "-TERM" : "-INT";
        signal(p, signal);
        if (!p.waitFor(STOP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            return "still running " + STOP.toSeconds() + " s after " + (INTERRUPT_IGNORED ? "SIGTERM" : "Ctrl-C");
        }
        return null;
    }

    /**
     * True when this JVM started with SIGINT ignored, as a job a non-interactive shell sent to the
     * background does: its children inherit that, and a JVM keeps an ignored SIGINT ignored, so no
     * Ctrl-C can reach a server; SIGTERM runs the same shutdown hooks.
     */
    static final boolean INTERRUPT_IGNORED = interruptIgnored();

    private static boolean interruptIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    boolean ignored = (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
                    if (ignored) {
                        System.out.println("taskbench docs: SIGINT is ignored in this process tree (started in the"
                                + " background by a non-interactive shell): servers are stopped with SIGTERM instead");
                    }
                    return ignored;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: signals as on a terminal
        }
        return false;
    }

    /** Signals the command's whole process group (it runs under setsid), as Ctrl-C would. */
    private static void signal(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", signal, "--", "-" + p.pid()).inheritIO().start().waitFor();
    }

    /** Ends the command's process group: the signal, then SIGKILL after 5 s. */
    private static void stop(Process p, String signal) throws Exception {
        signal(p, signal);
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).inheritIO().start().waitFor();
            p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The first documented line the output lacks, as a failure; null when it has them all. */
    private static String missing(String output, CommandManifest.Entry e, DocumentedCommands.Documented d) {
        List<String> wanted = new ArrayList<>(e.all("prints"));
        wanted.addAll(d.prints());
        for (String w : new LinkedHashSet<>(wanted)) {
            Pattern p = Pattern.compile(Stream.of(w.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
            if (output.lines().noneMatch(l -> p.matcher(l).find())) {
                return "never printed '" + w + "'; its output ends:\n" + tail(output, 15);
            }
        }
        return null;
    }

    private static Set<String> runFolders() throws IOException {
        Path results = ROOT.resolve("results");
        if (!Files.isDirectory(results)) {
            return new TreeSet<>();
        }
        try (Stream<Path> s = Files.list(results)) {
            return s.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .filter(f -> f.matches("\\d{8}-\\d{6}.*")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream().map(l -> "      | " + l)
                .collect(Collectors.joining("\n"));
    }
}
