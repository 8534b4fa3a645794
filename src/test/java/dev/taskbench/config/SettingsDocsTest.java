package dev.taskbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.write.TaskSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README (and any docs/**.md) against the catalogue: every {@code taskbench.*} it mentions is
 * a declared key (or a family of them), and every setting for users is mentioned somewhere.
 */
class SettingsDocsTest {
    /** The suite's table, schema-qualified: a name in the docs that is not a setting. */
    private static final String TABLE = SettingsCatalogue.NAMESPACE + TaskSchema.TABLE;

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        if (Files.isDirectory(Path.of("docs"))) {
            try (Stream<Path> s = Files.walk(Path.of("docs"))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    static Map<String, Path> mentions() throws IOException {
        Map<String, Path> found = new TreeMap<>();
        for (Path doc : docs()) {
            Matcher m = SettingsCatalogueTest.KEY.matcher(withoutRefusedExamples(Files.readString(doc)));
            while (m.find()) {
                found.putIfAbsent(m.group(), doc);
            }
        }
        return found;
    }

    /**
     * The docs' examples of a mistyped key ({@code $ mvn jmh:run -Dtaskbench.flagset=c2} and the
     * refusal it prints) name a key on purpose that is not one.
     */
    static String withoutRefusedExamples(String doc) {
        List<String> lines = new ArrayList<>(doc.lines().toList());
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).contains(": no such setting; did you mean ") && lines.get(i - 1).startsWith("$ ")) {
                lines.remove(i);
                lines.remove(i - 1);
                i--;
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void everyKeyTheDocsMentionIsDeclared() throws IOException {
        Map<String, Path> mentions = mentions();
        assertTrue(mentions.size() > 50, "the README names the settings: " + mentions.keySet());
        Map<String, Path> undeclared = new TreeMap<>(mentions);
        undeclared.keySet().removeIf(k -> k.equals(TABLE) || SettingsCatalogueTest.declared(k));
        assertEquals(Map.of(), undeclared);
    }

    @Test
    void everySettingForUsersIsInTheDocs() throws IOException {
        Set<String> mentioned = mentions().keySet();
        Set<String> missing = new TreeSet<>();
        for (Setting s : SettingsCatalogue.all()) {
            if (!s.internal() && !mentioned.contains(s.key())) {
                missing.add(s.key());
            }
        }
        assertEquals(Set.of(), missing);
    }
}
