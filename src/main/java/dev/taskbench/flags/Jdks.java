package dev.taskbench.flags;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds installed JDKs: the running one, {@code JAVA_HOME}, {@code -Dtaskbench.jdks=HOME,HOME},
 * and the usual install folders. A JDK is recognised by its {@code release} file.
 */
public final class Jdks {
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    static final List<Path> INSTALL_DIRS = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"),
            Path.of("/usr/java"), Path.of("/Library/Java/JavaVirtualMachines"));

    /** {@code -Dtaskbench.jdks=HOME,HOME}: JDKs beyond the ones found by looking. */
    public static final String SETTING = SettingsCatalogue.JDKS.key();

    private final List<Jdk> found;

    Jdks(List<Jdk> found) {
        this.found = List.copyOf(found);
    }

    public static Jdks discover(String extraHomes) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        if (extraHomes != null) {
            for (String h : extraHomes.split(",")) {
                if (!h.isBlank()) {
                    candidates.add(Path.of(h.strip()));
                }
            }
        }
        for (Path dir : INSTALL_DIRS) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.sorted().forEach(p -> {
                        candidates.add(p);
                        candidates.add(p.resolve("Contents").resolve("Home"));
                    });
                } catch (IOException e) {
                    // unreadable install folder: skip it
                }
            }
        }
        return new Jdks(read(candidates));
    }

    static List<Jdk> read(List<Path> homes) {
        Map<Path, Jdk> byRealPath = new LinkedHashMap<>();
        for (Path home : homes) {
            try {
                Path release = home.resolve("release");
                if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
                    continue;
                }
                Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (!m.find()) {
                    continue;
                }
                Path real = home.toRealPath();
                byRealPath.putIfAbsent(real, new Jdk(major(m.group(1)), m.group(1), real));
            } catch (IOException | NumberFormatException e) {
                // not a JDK we can read: skip it
            }
        }
        List<Jdk> out = new ArrayList<>(byRealPath.values());
        out.sort(Comparator.comparingInt(Jdk::major));
        return out;
    }

    /** {@code 17.0.15} → 17, {@code 1.8.0_402} → 8, {@code 25} → 25. */
    static int major(String version) {
        String[] parts = version.split("[._+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    public List<Jdk> all() {
        return found;
    }

    public Optional<Jdk> find(int major) {
        return found.stream().filter(j -> j.major() == major).findFirst();
    }

    /**
     * The {@code java} one JVM of this flag set starts with: its {@code @jdk:N}'s, else the running
     * JVM's; a JDK the set names and this machine lacks is a one-line error.
     */
    public Path java(FlagSet set) {
        if (set.jdkMajor() == null) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        return find(set.jdkMajor()).orElseThrow(() -> new TaskbenchException("flag set " + set.name() + " needs JDK "
                + set.jdkMajor() + ", and none was found (" + this + "; -D" + SETTING + "=HOME adds one)")).java();
    }

    @Override
    public String toString() {
        return found.isEmpty() ? "none" : found.stream().map(j -> j.major() + " = " + j).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
