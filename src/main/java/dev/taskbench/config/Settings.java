package dev.taskbench.config;

import dev.taskbench.TaskbenchException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The settings of one command, read once and never written: {@code -Dkey=value} program
 * arguments over this JVM's system properties, then an environment variable where a setting has
 * one. Every typed getter turns a bad value into one line that names the setting, the value and
 * what it takes. Blank values count as unset. Every {@code taskbench.*} key is declared in
 * {@link SettingsCatalogue}; readers name its {@link Setting}s, and a command's settings with a
 * key it does not declare are refused ({@link #known()}).
 */
public final class Settings {
    private static final BiConsumer<String, String> UNOBSERVED = (property, envVar) -> { };

    private final Map<String, String> values;
    private final Map<String, String> environment;
    /** Told each property (and its environment variable) asked for: how a test holds readers to the catalogue. */
    private final BiConsumer<String, String> observer;

    public Settings(Properties properties, Map<String, String> environment) {
        this(fromProperties(properties), environment, UNOBSERVED);
    }

    private Settings(Map<String, String> values, Map<String, String> environment, BiConsumer<String, String> observer) {
        this.values = Map.copyOf(values);
        this.environment = Map.copyOf(environment);
        this.observer = observer;
    }

    /**
     * Settings that tell {@code observer} every property asked for, with the environment variable
     * it was asked with (null for none): for the tests that hold each command's readers to
     * {@link SettingsCatalogue}.
     */
    public static Settings observed(Properties properties, Map<String, String> environment,
            BiConsumer<String, String> observer) {
        return new Settings(fromProperties(properties), environment, observer);
    }

    /** This JVM's system properties and environment: for JMH forks and JMH's own CLI, where {@code -D} is the only channel. */
    public static Settings fromSystem() {
        return new Settings(System.getProperties(), System.getenv());
    }

    /**
     * A command's settings: its {@code -Dkey=value} arguments over the system properties, with the
     * environment behind both. Anything else on the command line is refused in one line, and so is
     * a {@code taskbench.*} key the catalogue does not declare (a typo would be ignored otherwise).
     */
    public static Settings parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = fromProperties(System.getProperties());
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("-D") || eq < 3) {
                throw new TaskbenchException("unexpected argument '" + a + "': give settings as -Dkey=value");
            }
            values.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return new Settings(values, environment, UNOBSERVED).known();
    }

    /** These settings, unless a {@code taskbench.*} key among them is not in the catalogue: then its one-line refusal. */
    public Settings known() {
        SettingsCatalogue.refuseUnknown(values);
        return this;
    }

    /** The same settings with one more (or a replaced) value: for a command that hands a derived setting on. */
    public Settings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new Settings(copy, environment, observer);
    }

    /** The value of {@code property}, else of {@code envVar}, else {@code null}; blanks count as unset; trimmed. */
    public String get(String property, String envVar) {
        observer.accept(property, envVar);
        String v = values.get(property);
        if (v == null || v.isBlank()) {
            v = envVar == null ? null : environment.get(envVar);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    public Optional<String> optional(String property, String envVar) {
        return Optional.ofNullable(get(property, envVar));
    }

    public String string(String property, String envVar, String dflt) {
        String v = get(property, envVar);
        return v == null ? dflt : v;
    }

    /** An environment variable alone, untrimmed; blank counts as unset. */
    public String env(String envVar) {
        String v = environment.get(envVar);
        return v == null || v.isBlank() ? null : v;
    }

    public int integer(String property, String envVar, int dflt, int min, int max) {
        return (int) longValue(property, envVar, dflt, min, max);
    }

    public long longValue(String property, String envVar, long dflt, long min, long max) {
        String v = get(property, envVar);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw bad(property, v, "a whole number from " + min + " to " + max);
    }

    /** A finite number in [min, max]: NaN and infinities are refused, never silently accepted. */
    public double decimal(String property, String envVar, double dflt, double min, double max) {
        String v = get(property, envVar);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw bad(property, v, "a number from " + min + " to " + max);
    }

    /** {@code true} or {@code false} (any case); anything else is an error, never a silent false. */
    public boolean flag(String property, String envVar, boolean dflt) {
        String v = get(property, envVar);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(property, v, "true or false");
    }

    /** One constant of {@code type}, matched by {@link Names#match}. */
    public <E extends Enum<E>> E choice(String property, String envVar, Class<E> type, E dflt) {
        String v = get(property, envVar);
        if (v == null) {
            return dflt;
        }
        return Names.match(type, v).orElseThrow(() -> bad(property, v, "one of " + Names.list(type)));
    }

    /** A comma-separated list of constants of {@code type}; {@code dflt} when unset. */
    public <E extends Enum<E>> List<E> choices(String property, String envVar, Class<E> type, List<E> dflt) {
        String v = get(property, envVar);
        if (v == null) {
            return dflt;
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Names.match(type, s).orElseThrow(() -> bad(property, v, "a comma-separated list of "
                        + Names.list(type))))
                .collect(Collectors.toUnmodifiableList());
    }

    public Path path(String property, String envVar, Path dflt) {
        String v = get(property, envVar);
        return v == null ? dflt : Path.of(v);
    }

    // The same readers for a declared setting: its key and environment variable as the catalogue has them.

    public String get(Setting s) {
        return get(s.key(), s.env());
    }

    public Optional<String> optional(Setting s) {
        return optional(s.key(), s.env());
    }

    public String string(Setting s, String dflt) {
        return string(s.key(), s.env(), dflt);
    }

    public int integer(Setting s, int dflt, int min, int max) {
        return integer(s.key(), s.env(), dflt, min, max);
    }

    public long longValue(Setting s, long dflt, long min, long max) {
        return longValue(s.key(), s.env(), dflt, min, max);
    }

    public double decimal(Setting s, double dflt, double min, double max) {
        return decimal(s.key(), s.env(), dflt, min, max);
    }

    public boolean flag(Setting s, boolean dflt) {
        return flag(s.key(), s.env(), dflt);
    }

    public <E extends Enum<E>> E choice(Setting s, Class<E> type, E dflt) {
        return choice(s.key(), s.env(), type, dflt);
    }

    public <E extends Enum<E>> List<E> choices(Setting s, Class<E> type, List<E> dflt) {
        return choices(s.key(), s.env(), type, dflt);
    }

    public Path path(Setting s, Path dflt) {
        return path(s.key(), s.env(), dflt);
    }

    /** The one-line error for a value a setting does not take. */
    public static TaskbenchException bad(String property, String value, String takes) {
        return new TaskbenchException("-D" + property + "=" + value + " is not valid: it takes " + takes);
    }

    private static Map<String, String> fromProperties(Properties properties) {
        Map<String, String> m = new HashMap<>();
        for (String k : properties.stringPropertyNames()) {
            m.put(k, properties.getProperty(k));
        }
        return m;
    }

    @Override
    public String toString() {
        return values.keySet().stream().filter(k -> k.startsWith(SettingsCatalogue.NAMESPACE) || k.startsWith("jmh."))
                .sorted().map(k -> k.toLowerCase(Locale.ROOT).contains("password") ? k + "=***" : k + "=" + values.get(k))
                .collect(Collectors.joining(" "));
    }
}
