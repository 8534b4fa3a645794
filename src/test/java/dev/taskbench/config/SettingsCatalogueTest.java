package dev.taskbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Setting.Use;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One declaration per key, the refusal of any other, and every key the project uses declared. */
class SettingsCatalogueTest {
    /** A setting's key, after -D or standing alone: not {@code dev.taskbench.cli...}, not inside a word. */
    static final Pattern KEY = Pattern.compile(
            "(?:(?<=-D)|(?<![\\w.$-]))taskbench\\.[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9](\\.\\*)?");

    /** What the tests of the refusal misspell on purpose; none of it may be declared. */
    static final Set<String> TYPOS = Set.of("taskbench.flagset", "taskbench.gates", "taskbench.zz",
            "taskbench.db.roundtripms", "taskbench.seed.write", "taskbench.server.pol", "taskbench.profilers.engin",
            "taskbench.profiler");

    @Test
    void theNearestKeyIsTheFewestEditsAway() {
        assertEquals(0, SettingsCatalogue.distance("abc", "abc"));
        assertEquals(1, SettingsCatalogue.distance("flagset", "flagsets"));
        assertEquals(3, SettingsCatalogue.distance("kitten", "sitting"));
        assertEquals("taskbench.flagsets", SettingsCatalogue.nearest("taskbench.flagset"));
        assertEquals("taskbench.db.roundTripMs", SettingsCatalogue.nearest("taskbench.db.roundtripms"));
        assertEquals("taskbench.seed.writes", SettingsCatalogue.nearest("taskbench.seed.write"));
        assertEquals("taskbench.server.pool", SettingsCatalogue.nearest("taskbench.server.pol"));
        assertEquals("taskbench.profilers.engine", SettingsCatalogue.nearest("taskbench.profilers.engin"));
        assertEquals("taskbench.profile", SettingsCatalogue.nearest("taskbench.profiler"), "a tie: the first in order");
    }

    @Test
    void anUnknownKeyIsRefusedInOneLineNamingTheNearest() {
        assertEquals(Optional.of("-Dtaskbench.flagset=c2: no such setting; did you mean taskbench.flagsets?"),
                SettingsCatalogue.refusal(Map.of("taskbench.flagset", "c2", "taskbench.profile", "smoke")));
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> Settings.parse(new String[] {"-Dtaskbench.gates=true"}, Map.of()));
        assertEquals("-Dtaskbench.gates=true: no such setting; did you mean taskbench.gate?", e.getMessage());
        assertEquals(ExitCodes.FAILED, e.exitCode());
        String two = SettingsCatalogue.refusal(Map.of("taskbench.zz", "1", "taskbench.flagset", "")).orElseThrow();
        assertEquals(1, two.lines().count(), two);
        assertTrue(two.startsWith("-Dtaskbench.flagset: no such setting; did you mean taskbench.flagsets?"), two);
        assertTrue(two.endsWith("(nor are taskbench.zz)"), two);
    }

    /** JMH's, Maven's, the JVM's and the commands' own arguments are not the catalogue's to judge. */
    @Test
    void onlyTheNamespaceIsJudged() {
        Properties p = new Properties();
        p.setProperty("jmh.include", "Connection");
        p.setProperty("base", "nightly");
        p.setProperty("taskbenchx", "1");
        p.setProperty("java.home", "/x");
        p.put(Path.of("not a string"), 1);
        assertEquals(Optional.empty(), SettingsCatalogue.refusal(p));
        for (Setting s : SettingsCatalogue.all()) {
            assertEquals(Optional.empty(), SettingsCatalogue.refusal(Map.of(s.key(), "x")), s.key());
        }
    }

    /** This test JVM's own properties (Maven's -D, surefire's) pass, or every command started from a test would fail. */
    @Test
    void thisJvmsPropertiesAreKnown() {
        assertEquals(Optional.empty(), SettingsCatalogue.refusal(System.getProperties()));
    }

    @Test
    void everyDeclarationIsCompleteAndInternalOnesHaveNoEnvironment() {
        Set<String> envs = new TreeSet<>();
        for (Setting s : SettingsCatalogue.all()) {
            assertTrue(s.key().startsWith(SettingsCatalogue.NAMESPACE), s.key());
            assertFalse(s.dflt().isBlank() || s.takes().isBlank(), s.key());
            assertTrue(s.about().endsWith("."), "one sentence: " + s.key());
            if (s.env() != null) {
                assertFalse(s.internal(), s.key());
                assertTrue(s.env().matches("TASKBENCH_[A-Z_]+") && envs.add(s.env()), s.key() + " " + s.env());
            }
            boolean onlyOurs = Set.of(Use.forks, Use.tests).containsAll(s.readBy());
            assertTrue(!onlyOurs || s.internal(), s.key() + ": read only by forks or tests, so internal");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Setting("jmh.x", null, "1", "1", "A.", Set.of(Use.run), false));
    }

    /** Each key is spelled once in src/main: in the catalogue; the rest name its declarations. */
    @Test
    void srcMainSpellsEachKeyOnlyInTheCatalogue() throws IOException {
        Pattern literal = Pattern.compile("\"taskbench\\.[A-Za-z0-9_.]*\"");
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (f.getFileName().toString().equals("SettingsCatalogue.java")) {
                    continue;
                }
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    elsewhere.add(f + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), elsewhere);
    }

    /**
     * Every key the tests, CI, the nightly workflow and the scripts set or name is declared (a key
     * used but not declared would be refused, or is a typo); the tests' typos are {@link #TYPOS}.
     */
    @Test
    void everyKeyTheProjectUsesIsDeclared() throws IOException {
        Map<String, String> undeclared = new TreeMap<>();
        List<Path> files = new ArrayList<>(List.of(Path.of(".ci", "run"), Path.of(".github", "workflows", "nightly.yml"),
                Path.of("pom.xml")));
        for (String root : new String[] {"scripts", "src/test", "src/jmh"}) {
            if (Files.isDirectory(Path.of(root))) {
                try (Stream<Path> s = Files.walk(Path.of(root))) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f);
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // a binary file
            }
            Matcher m = KEY.matcher(text);
            while (m.find()) {
                if (!declared(m.group()) && !TYPOS.contains(m.group())) {
                    undeclared.put(m.group(), f.toString());
                }
            }
        }
        assertEquals(Map.of(), undeclared);
        for (String typo : TYPOS) {
            assertFalse(declared(typo), typo + " is declared: no typo");
        }
    }

    /** A key, or a family {@code taskbench.seed.*} that has declared keys. */
    static boolean declared(String mention) {
        if (mention.endsWith(".*")) {
            String prefix = mention.substring(0, mention.length() - 1);
            return SettingsCatalogue.all().stream().anyMatch(s -> s.key().startsWith(prefix));
        }
        return SettingsCatalogue.find(mention).isPresent();
    }

    /** Each command's part lists exactly the settings it reads, none internal; the internal ones come apart. */
    @Test
    void helpListsEachCommandsSettingsAndInternalOnesApart() {
        List<String> help = SettingsCatalogue.help();
        int internalAt = help.indexOf("internal: passed between the suite's own processes, or the tests' switches;"
                + " not for users");
        assertTrue(internalAt > 0, String.join("\n", help));
        for (Setting s : SettingsCatalogue.all()) {
            long listed = help.subList(0, internalAt).stream().filter(l -> l.startsWith("  " + s.flag() + "=")).count();
            long apart = help.subList(internalAt, help.size()).stream().filter(l -> l.startsWith("  " + s.flag() + " "))
                    .count();
            long commands = s.readBy().stream().filter(u -> u != Use.forks && u != Use.tests).count();
            assertEquals(s.internal() ? 0 : commands, listed, s.key());
            assertEquals(s.internal() ? 1 : 0, apart, s.key());
        }
        int run = help.indexOf("mvn jmh:run");
        int serve = help.indexOf("mvn jmh:serve");
        assertTrue(run > 0 && serve > run, "grouped by command, run first");
        assertTrue(help.subList(run, serve).stream().anyMatch(l -> l.startsWith("  -Dtaskbench.profile=smoke|standard"
                + "|full|steady  (env TASKBENCH_PROFILE)  default: standard")), String.join("\n", help));
        assertFalse(help.subList(run, serve).stream().anyMatch(l -> l.contains("taskbench.port=")), "port is serve's");
    }
}
