package dev.taskbench.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every command the docs show a user ({@code README.md} and {@code docs/**.md}): each line of a
 * {@code sh}/{@code console} block (in a {@code console} block, the lines after {@code $ } and the
 * {@code taskbench:} lines it is documented to print), and each inline code span that starts a
 * command ({@code mvn}, {@code java}, {@code git}, {@code bash}, {@code scripts/}, {@code .ci/}).
 */
final class DocumentedCommands {
    /** The first words of a command in an inline code span. */
    private static final Pattern STARTS_A_COMMAND = Pattern.compile("^((mvn|java|git|bash|psql|pgbench)\\s|(\\./|scripts/|\\.ci/)\\S*\\s)");
    private static final Pattern FENCE = Pattern.compile("^\\s*```+\\s*([A-Za-z]*)\\s*$");
    private static final Pattern INLINE = Pattern.compile("(?<!`)`([^`]+)`(?!`)");

    /** A command as documented: where, the text, and the output lines it is documented to print. */
    record Documented(Path file, int line, String command, List<String> prints) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private DocumentedCommands() {
    }

    /** The docs of the project at {@code root}: README.md, then docs/ in name order. */
    static List<Path> docs(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.walk(docs)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Every command of every doc, in order, duplicates included. */
    static List<Documented> in(Path root) throws IOException {
        List<Documented> all = new ArrayList<>();
        for (Path f : docs(root)) {
            all.addAll(in(f, Files.readString(f, StandardCharsets.UTF_8)));
        }
        return all;
    }

    static List<Documented> in(Path file, String text) {
        List<Documented> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder prose = new StringBuilder();
        int proseStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                if (prose.length() == 0) {
                    proseStart = i + 1;
                }
                prose.append(lines[i]).append('\n');
                continue;
            }
            out.addAll(inline(file, prose.toString(), proseStart));
            prose.setLength(0);
            String lang = fence.group(1);
            int end = i + 1;
            while (end < lines.length && !FENCE.matcher(lines[end]).matches()) {
                end++;
            }
            if (lang.equals("sh") || lang.equals("bash") || lang.equals("shell")) {
                out.addAll(shell(file, lines, i + 1, end));
            } else if (lang.equals("console")) {
                out.addAll(console(file, lines, i + 1, end));
            }
            i = end;
        }
        out.addAll(inline(file, prose.toString(), proseStart));
        return out;
    }

    private static List<Documented> shell(Path file, String[] lines, int from, int to) {
        List<Documented> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String c = withoutComment(lines[i]).strip();
            if (!c.isEmpty()) {
                out.add(new Documented(file, i + 1, c, List.of()));
            }
        }
        return out;
    }

    /** {@code $ command}, then the lines it prints; only its {@code taskbench:} lines are checked. */
    private static List<Documented> console(Path file, String[] lines, int from, int to) {
        List<Documented> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!lines[i].startsWith("$ ")) {
                continue;
            }
            int at = i;
            List<String> prints = new ArrayList<>();
            while (i + 1 < to && !lines[i + 1].startsWith("$ ")) {
                i++;
                if (lines[i].startsWith("taskbench:")) {
                    prints.add(lines[i].strip());
                }
            }
            out.add(new Documented(file, at + 1, withoutComment(lines[at].substring(2)).strip(), prints));
        }
        return out;
    }

    private static List<Documented> inline(Path file, String prose, int firstLine) {
        List<Documented> out = new ArrayList<>();
        Matcher m = INLINE.matcher(prose);
        while (m.find()) {
            String span = m.group(1).replaceAll("\\s*\n\\s*", " ").strip();
            if (STARTS_A_COMMAND.matcher(span + " ").find() && span.contains(" ")) {
                int line = firstLine + (int) prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(new Documented(file, line, span, List.of()));
            }
        }
        return out;
    }

    /** A shell line without its trailing {@code # comment} (a {@code #} outside quotes, after a space). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
