package dev.taskbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.Processes;
import dev.taskbench.results.ReferenceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the seed's code in CPython, PyPy and Node where they are installed, so the pivot can
 * show the JVM's flag sets next to them. A missing runtime is a note, never a failure.
 */
public final class ReferenceRuntimes {
    /** Interpreter, script: each script prints one JSON object per line. */
    static final List<String[]> SCRIPTS = List.of(
            new String[] {"python3", "counter_loop.py"},
            new String[] {"pypy3", "counter_loop.py"},
            new String[] {"node", "counter_loop.js"},
            new String[] {"python3", "form_decode.py"},
            new String[] {"pypy3", "form_decode.py"},
            new String[] {"node", "form_decode.js"});
    static final String INSTALL_HINT = "scripts/peers/install installs them from Debian";

    private final List<ReferenceResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ReferenceRuntimes() {
    }

    public List<ReferenceResult> results() {
        return results;
    }

    public List<String> notes() {
        return notes;
    }

    /** Runs the scripts for the wanted benchmarks (their ids, {@code counter_loop}, …). */
    public static ReferenceRuntimes run(Path scriptsDir, List<String> wanted) {
        return run(scriptsDir, wanted, SCRIPTS.stream().map(s -> s[0]).distinct().toList());
    }

    /** The same in the named interpreters only ({@code pypy3}, …). */
    static ReferenceRuntimes run(Path scriptsDir, List<String> wanted, List<String> interpreters) {
        ReferenceRuntimes r = new ReferenceRuntimes();
        if (!Files.isDirectory(scriptsDir)) {
            r.notes.add("reference scripts not found at " + scriptsDir + " (run from the project folder)");
            return r;
        }
        List<String> missing = new ArrayList<>();
        for (String[] s : SCRIPTS) {
            String bench = s[1].substring(0, s[1].indexOf('.'));
            if (!wanted.contains(bench) || !interpreters.contains(s[0])) {
                continue;
            }
            Path exe = Processes.installed(s[0]).orElse(null);
            if (exe == null) {
                if (!missing.contains(s[0])) {
                    missing.add(s[0]);
                }
                continue;
            }
            r.runScript(exe, scriptsDir.resolve(s[1]));
        }
        if (!missing.isEmpty()) {
            r.notes.add("not installed, so not shown: " + String.join(", ", missing) + " (" + INSTALL_HINT + ")");
        }
        return r;
    }

    private void runScript(Path exe, Path script) {
        try {
            Processes.Outcome o = Processes.run(new ProcessBuilder(exe.toString(), script.toString()),
                    Duration.ofSeconds(300));
            if (o.timedOut()) {
                notes.add(exe.getFileName() + " " + script.getFileName() + ": no answer within 300 s");
                return;
            }
            if (o.exitCode() != 0) {
                String e = o.stderr().strip();
                notes.add(exe.getFileName() + " " + script.getFileName() + " failed: "
                        + (e.isEmpty() ? "exit " + o.exitCode() : e.lines().reduce((a, b) -> b).orElse(e)));
                return;
            }
            results.addAll(parse(o.stdout()));
        } catch (IOException e) {
            notes.add(exe.getFileName() + " " + script.getFileName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<ReferenceResult> parse(String output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ReferenceResult> out = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            out.add(new ReferenceResult(n.path("runtime").asText(), n.path("benchmark").asText(),
                    n.path("best").asDouble(), n.path("median").asDouble(), n.path("unit").asText()));
        }
        return out;
    }

}
