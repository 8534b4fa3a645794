package dev.taskbench.docs;

import dev.taskbench.runner.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A documented command as shell words, and the smoke-sized substitution of its arguments: the
 * same command with some of its settings replaced, never a different command.
 */
final class ShellWords {
    /** Words that join commands; they stay unquoted. */
    private static final Set<String> OPERATORS = Set.of("&&", "||", ";", "|");

    private ShellWords() {
    }

    /** Splits as the runner splits {@code -Djmh.args}: blanks separate, single and double quotes group. */
    static List<String> split(String line) {
        return RunRequest.tokenize(line);
    }

    /** The words as one shell line, quoted where needed. */
    static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(OPERATORS.contains(w) || w.matches("[A-Za-z0-9_@%+=:,./~^-]+") ? w
                    : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }

    /**
     * Applies {@code with} to the first {@code mvn} or {@code java} command of {@code words}: a
     * {@code -Dkey=value} replaces the same key (else goes after {@code java}, or at the end for
     * others); a flag with a value ({@code -f 1}) replaces that flag's value (else is added at the
     * end); {@code {run:NAME}} becomes the named run folder.
     */
    static List<String> substitute(List<String> words, String with, Map<String, String> runs) {
        List<String> out = new ArrayList<>(words);
        List<String> w = split(placeholders(with, runs));
        int start = 0;
        while (start < out.size() && !out.get(start).equals("mvn") && !out.get(start).equals("java")) {
            start++;
        }
        if (start == out.size()) {
            if (!w.isEmpty()) {
                throw new IllegalArgumentException("nothing to substitute in: " + join(words));
            }
            return out;
        }
        int end = start;
        while (end < out.size() && !OPERATORS.contains(out.get(end))) {
            end++;
        }
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            if (word.startsWith("-D") && word.contains("=")) {
                String key = word.substring(0, word.indexOf('=') + 1);
                int at = find(out, start, end, a -> a.startsWith(key));
                if (at >= 0) {
                    out.set(at, word);
                } else {
                    int to = out.get(start).equals("java") ? start + 1 : end;
                    out.add(to, word);
                    end++;
                }
            } else if (word.startsWith("-") && i + 1 < w.size() && !w.get(i + 1).startsWith("-")) {
                String value = w.get(++i);
                int at = find(out, start, end, word::equals);
                if (at >= 0 && at + 1 < end) {
                    out.set(at + 1, value);
                } else {
                    out.add(end++, word);
                    out.add(end++, value);
                }
            } else {
                out.add(end++, word);
            }
        }
        return out;
    }

    private static int find(List<String> words, int from, int to, java.util.function.Predicate<String> p) {
        for (int i = from; i < to; i++) {
            if (p.test(words.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String placeholders(String with, Map<String, String> runs) {
        String out = with;
        for (Map.Entry<String, String> r : runs.entrySet()) {
            out = out.replace("{run:" + r.getKey() + "}", r.getValue());
        }
        if (out.contains("{run:")) {
            throw new IllegalArgumentException("no run of that name has been made yet: " + with);
        }
        return out;
    }
}
