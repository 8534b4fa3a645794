package dev.taskbench.flags;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The flag-set file: {@code name = options} lines, {@code @jdk:N} to pick a JDK, {@code #} comments. */
public final class FlagSets {
    /** {@code -Dtaskbench.flagsets}: the flag sets a command runs. */
    public static final String SETTING = SettingsCatalogue.FLAGSETS.key();
    /** {@code -Dtaskbench.flagsets.file}: a flag-set file instead of the built-in one. */
    public static final String FILE_SETTING = SettingsCatalogue.FLAGSETS_FILE.key();
    static final String BUILT_IN = "/dev/taskbench/flagsets.conf";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern JDK = Pattern.compile("@jdk:(\\d+)");

    private final Map<String, FlagSet> sets;

    private FlagSets(Map<String, FlagSet> sets) {
        this.sets = sets;
    }

    /** The built-in file, or {@code file} when given. */
    public static FlagSets load(Path file) {
        if (file != null) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new TaskbenchException("cannot read flag-set file " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = FlagSets.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new TaskbenchException("the built-in flag-set file " + BUILT_IN + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in flagsets.conf");
        } catch (IOException e) {
            throw new TaskbenchException("cannot read the built-in flag-set file: " + e.getMessage(), e);
        }
    }

    public static FlagSets parse(String text, String origin) {
        Map<String, FlagSet> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new TaskbenchException(where + ": expected 'name = JVM options', got: " + line);
            }
            String name = line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new TaskbenchException(where + ": '" + name + "' is not a flag-set name (letters, digits, . _ -)");
            }
            if (out.containsKey(name)) {
                throw new TaskbenchException(where + ": flag set '" + name + "' is defined twice");
            }
            List<String> options = new ArrayList<>();
            Integer jdk = null;
            for (String word : line.substring(eq + 1).strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                Matcher m = JDK.matcher(word);
                if (m.matches()) {
                    if (jdk != null) {
                        throw new TaskbenchException(where + ": more than one @jdk in '" + name + "'");
                    }
                    jdk = Integer.valueOf(m.group(1));
                } else if (word.startsWith("@")) {
                    throw new TaskbenchException(where + ": unknown directive '" + word + "' (only @jdk:MAJOR)");
                } else if (!word.startsWith("-")) {
                    throw new TaskbenchException(where + ": '" + word + "' is not a JVM option (options start with '-')");
                } else {
                    options.add(word);
                }
            }
            out.put(name, new FlagSet(name, options, jdk));
        }
        return new FlagSets(out);
    }

    public List<String> names() {
        return List.copyOf(sets.keySet());
    }

    /** Resolves {@code a+b} to one combined set; unknown names are an error listing the known ones. */
    public FlagSet resolve(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new TaskbenchException("empty flag-set name in -Dtaskbench.flagsets");
        }
        FlagSet combined = null;
        for (String part : s.split("\\+")) {
            FlagSet set = sets.get(part.strip());
            if (set == null) {
                throw new TaskbenchException("unknown flag set '" + part.strip() + "'; known: "
                        + String.join(", ", sets.keySet()));
            }
            try {
                combined = combined == null ? set : combined.plus(set);
            } catch (IllegalArgumentException e) {
                throw new TaskbenchException("flag set " + e.getMessage(), e);
            }
        }
        return combined;
    }

    /** Resolves a comma-separated list; duplicates are an error, since each set gets one result file. */
    public List<FlagSet> resolveAll(String commaList) {
        List<FlagSet> out = new ArrayList<>();
        for (String spec : commaList.split(",")) {
            FlagSet f = resolve(spec);
            if (out.stream().anyMatch(o -> o.fileName().equals(f.fileName()))) {
                throw new TaskbenchException("flag set '" + f.name() + "' is listed twice in -Dtaskbench.flagsets");
            }
            out.add(f);
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(sets.keySet().toArray());
    }
}
