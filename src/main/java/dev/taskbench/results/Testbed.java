package dev.taskbench.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The machine a run measured on, as far as it moves the numbers: CPU model and flags, cores,
 * memory, kernel, the runner's JDK build, PostgreSQL's version and write settings. Two runs
 * compare fairly only on one testbed (conbench's rule); a comparison across testbeds measures the
 * machines. The fingerprint is a hash of these facts.
 *
 * <p>The facts split by what they move: the machine's (CPU, memory, kernel, JDK) move every row,
 * the database's ({@code postgres.*}, and the round trip injected in front of it) only the rows
 * that drive PostgreSQL. A row is keyed on the facts it depends on ({@link #scoped}), so a run that
 * needed no database and a full run on one machine are one testbed for their CPU-only rows.
 *
 * @param facts name to value, sorted; a fact that could not be read is absent
 */
public record Testbed(SortedMap<String, String> facts) {
    /** The metadata section the runner writes. */
    public static final String METADATA_KEY = "testbed";

    /** Which of the facts a row's figures depend on. */
    public enum Scope {
        /** The machine's facts only: a row that needs no database. */
        MACHINE("the machine alone"),
        /** The machine's facts and the database's: a row that drives PostgreSQL. */
        DATABASE("the machine and PostgreSQL");

        private final String keyedOn;

        Scope(String keyedOn) {
            this.keyedOn = keyedOn;
        }

        /** What a key of this scope is the hash of: {@code the machine alone}. */
        public String keyedOn() {
            return keyedOn;
        }

        /** The benchmarks of this scope, as a console line names them after a count. */
        public String rows() {
            return "benchmark(s) keyed on " + keyedOn;
        }
    }

    /** Fact name prefixes of the database side: only rows that drive PostgreSQL depend on them. */
    private static final List<String> DATABASE_FACTS = List.of("postgres.", "network.");

    public Testbed {
        facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    }

    /** Twelve hex digits of SHA-256 over {@code name=value} lines: equal facts, equal hash. */
    public String hash() {
        StringBuilder canonical = new StringBuilder();
        facts.forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Whether a fact is the database's ({@code postgres.*}, an injected round trip) rather than the machine's. */
    public static boolean databaseFact(String name) {
        return DATABASE_FACTS.stream().anyMatch(name::startsWith);
    }

    /**
     * The facts a row of this scope depends on: the machine's alone, or all. A full run's
     * {@link Scope#DATABASE} testbed is the whole testbed, so its hash is the run's.
     */
    public Testbed scoped(Scope scope) {
        if (scope == Scope.DATABASE) {
            return this;
        }
        SortedMap<String, String> machine = new TreeMap<>(facts);
        machine.keySet().removeIf(Testbed::databaseFact);
        return new Testbed(machine);
    }

    /** {@link Scope#DATABASE} when any fact is the database's, else {@link Scope#MACHINE}: what a key of these facts covers. */
    public Scope scope() {
        return facts.keySet().stream().anyMatch(Testbed::databaseFact) ? Scope.DATABASE : Scope.MACHINE;
    }

    public boolean sameAs(Testbed other) {
        return facts.equals(other.facts);
    }

    /**
     * The testbed a run's metadata records; for runs older than the fingerprint, the same facts
     * read from the sections they did record (without CPU flags, so such a run never matches a
     * fingerprinted one: its machine is not known well enough).
     */
    @SuppressWarnings("unchecked")
    public static Testbed of(Map<String, Object> metadata) {
        Object recorded = metadata.get(METADATA_KEY);
        if (recorded instanceof Map<?, ?> m && m.get("facts") instanceof Map<?, ?> f) {
            SortedMap<String, String> facts = new TreeMap<>();
            f.forEach((k, v) -> facts.put(String.valueOf(k), String.valueOf(v)));
            return new Testbed(facts);
        }
        SortedMap<String, String> facts = new TreeMap<>();
        Map<String, Object> machine = section(metadata, "machine");
        put(facts, "cpu.model", machine.get("cpuModel"));
        put(facts, "cpu.cores", machine.get("cores"));
        put(facts, "os", machine.get("os"));
        Map<String, Object> jdk = section(metadata, "jdk");
        put(facts, "jdk", jdk.get("vm"));
        Map<String, Object> db = section(metadata, "database");
        for (String s : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method", "shared_buffers")) {
            put(facts, "postgres." + s, db.get(s));
        }
        return new Testbed(facts);
    }

    /** One line per fact that differs: {@code cpu.model: A | B}; CPU flags as the flags each side lacks. */
    public List<String> differences(Testbed other) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(facts.keySet());
        names.addAll(other.facts.keySet());
        for (String name : names) {
            String a = facts.get(name);
            String b = other.facts.get(name);
            if (a != null && a.equals(b)) {
                continue;
            }
            if (name.equals("cpu.flags") && a != null && b != null) {
                out.add("cpu.flags: only in the first " + onlyIn(a, b) + "; only in the second " + onlyIn(b, a));
            } else {
                out.add(name + ": " + (a == null ? "(not recorded)" : a) + " | " + (b == null ? "(not recorded)" : b));
            }
        }
        return out;
    }

    /** {@code hash (cpu model, N cores, jdk, PostgreSQL version)}: enough to tell testbeds apart on a console. */
    public String describe() {
        return hash() + " (" + String.join(", ", present("cpu.model", "cpu.cores", "os", "jdk", "postgres.server_version"))
                + ")";
    }

    private List<String> present(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (facts.containsKey(n)) {
                out.add(n.equals("cpu.cores") ? facts.get(n) + " cores" : facts.get(n));
            }
        }
        return out;
    }

    private static String onlyIn(String a, String b) {
        TreeSet<String> mine = new TreeSet<>(List.of(a.split("\\s+")));
        mine.removeAll(List.of(b.split("\\s+")));
        return mine.isEmpty() ? "none" : mine.stream().limit(12).collect(Collectors.joining(" "))
                + (mine.size() > 12 ? " (+" + (mine.size() - 12) + ")" : "");
    }

    /** The metadata section for a testbed: its facts and hash. */
    public Map<String, Object> toMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", hash());
        m.put("facts", new LinkedHashMap<>(facts));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> metadata, String name) {
        Object s = metadata.get(name);
        return s instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Adds a fact when there is one to add: a value that is absent or blank is left out, others trimmed. */
    public static void put(SortedMap<String, String> facts, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            facts.put(name, String.valueOf(value).trim());
        }
    }
}
