package dev.taskbench.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docs/commands.txt}: how each documented command is run by {@link DocumentedCommandsTest}.
 * An entry is the command exactly as the docs show it, on a line of its own, then indented
 * attributes:
 * <pre>
 *   with: -Dkey=value -f 1 ...   smoke-sized arguments, each replacing the command's own (same
 *                                -Dkey or flag) or added; {run:NAME} is the run folder NAME made
 *   name: NAME                   the run folder this command makes is {run:NAME} to later ones
 *   exit: N                      the exit code it must end with (default 0)
 *   prints: TEXT                 a line of its output contains TEXT ("…" matches anything); repeatable
 *   limit: SECONDS               how long it may take (default 240)
 *   serve: REGEX                 a server until Ctrl-C: REGEX's group 1 in its output is the URI it
 *                                serves; it gets one form POST (201 expected), then SIGINT
 *   after: SHELL LINE            run once it has ended, whatever the outcome (cleaning up)
 *   by: .ci/run                  .ci/run runs this command itself (checked to be there), not run again
 *   why: TEXT                    the reason for the substitution, shown in the table
 * </pre>
 */
final class CommandManifest {
    static final Set<String> ATTRIBUTES = Set.of("with", "name", "exit", "prints", "limit", "serve", "after", "by", "why");
    static final int DEFAULT_LIMIT_SECONDS = 240;

    /** One command's entry. */
    record Entry(String command, int line, Map<String, List<String>> attributes) {
        String one(String key, String otherwise) {
            List<String> v = attributes.getOrDefault(key, List.of());
            return v.isEmpty() ? otherwise : v.get(v.size() - 1);
        }

        List<String> all(String key) {
            return attributes.getOrDefault(key, List.of());
        }

        int exit() {
            return Integer.parseInt(one("exit", "0"));
        }

        int limitSeconds() {
            return Integer.parseInt(one("limit", String.valueOf(DEFAULT_LIMIT_SECONDS)));
        }

        boolean byCi() {
            return attributes.containsKey("by");
        }

        boolean serves() {
            return attributes.containsKey("serve");
        }
    }

    private CommandManifest() {
    }

    static Map<String, Entry> read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The entries by command; a malformed line is an error naming it. */
    static Map<String, Entry> parse(String name, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String command = null;
        int at = 0;
        Map<String, List<String>> attributes = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (command != null) {
                    put(entries, name, new Entry(command, at, attributes));
                }
                command = line.strip();
                at = i + 1;
                attributes = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (command == null || !ATTRIBUTES.contains(key)) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected a command, or an indented "
                        + ATTRIBUTES + ": line, found '" + line.strip() + "'");
            }
            attributes.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        if (command != null) {
            put(entries, name, new Entry(command, at, attributes));
        }
        return entries;
    }

    private static void put(Map<String, Entry> entries, String name, Entry e) {
        if (entries.put(e.command(), e) != null) {
            throw new IllegalArgumentException(name + ":" + e.line() + ": '" + e.command() + "' has two entries");
        }
        for (String n : List.of("exit", "limit")) {
            String v = e.one(n, "0");
            if (!v.matches("\\d+")) {
                throw new IllegalArgumentException(name + ":" + e.line() + ": " + n + ": " + v + " is not a whole number");
            }
        }
    }
}
