package dev.taskbench.runner;

import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads this machine's {@link Testbed}: CPU model and flags from {@code /proc/cpuinfo}, cores,
 * memory in whole GiB, kernel, the runner's JDK build, and PostgreSQL's version and write
 * settings from the run's database section. What cannot be read is left out.
 */
final class TestbedProbe {
    /** PostgreSQL settings that change what a durable write costs. */
    static final List<String> POSTGRES = List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
            "shared_buffers", "ssl");

    /** The database section's key for a round trip injected between the suite and PostgreSQL, in ms. */
    static final String INJECTED_ROUND_TRIP = "injectedRoundTripMs";

    private TestbedProbe() {
    }

    static Testbed probe(Map<String, Object> database) {
        SortedMap<String, String> facts = new TreeMap<>();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        Testbed.put(facts, "cpu.model", firstValue(cpuinfo, "model name"));
        Testbed.put(facts, "cpu.flags", firstValue(cpuinfo, "flags"));
        Testbed.put(facts, "cpu.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        if (memKb != null) {
            Testbed.put(facts, "memory.gib", String.valueOf(Math.round(Long.parseLong(memKb.replaceAll("\\D", "")) / 1048576.0)));
        }
        Testbed.put(facts, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Testbed.put(facts, "jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        for (String s : POSTGRES) {
            Testbed.put(facts, "postgres." + s, database.get(s));
        }
        Object injected = database.get(INJECTED_ROUND_TRIP); // absent on loopback: older runs keep their hash
        Testbed.put(facts, "network.injectedRoundTripMs", injected == null ? null : String.valueOf(injected));
        return new Testbed(facts);
    }

    /** The value of the first {@code key : value} line, or null when the file or key is missing. */
    static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: leave it out
        }
        return null;
    }

}
