package dev.taskbench.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskbench.TaskbenchException;
import dev.taskbench.load.Timing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What each of the seed's configurations cost in the newest seed run of the results folder: a
 * round of it from start to stop, its write round and its CPU cells apart. A configuration's three
 * phases end at their count or their time limit, whichever comes first, so its bound is many times
 * what a fast stack takes; {@link SeedClock} plans a configuration measured before from what it took,
 * and the rest at the bound.
 *
 * @param run the seed run it was read from, null for none
 * @param settings what sets a round's length ({@link #settings(int, PeersRound.Plan, int)}): a round is planned from
 *        a run with the same only
 * @param writes configuration ({@code node}, {@code django-9}) → the median seconds of its write rounds
 * @param cpu {@link PeersCpu}'s configuration ({@code node-cluster-3}) → the median seconds of its CPU cells
 */
record SeedHistory(String run, String settings, Map<String, Double> writes, Map<String, Double> cpu) {
    /** In a seed run's folder, beside its page. */
    static final String FILE = "seed.json";
    static final SeedHistory NONE = new SeedHistory(null, "", Map.of(), Map.of());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    SeedHistory {
        writes = Map.copyOf(writes);
        cpu = Map.copyOf(cpu);
    }

    /** What sets how long a configuration's round and CPU cell take: its users, its phases' count and limit, a cell's seconds. */
    static String settings(int users, PeersRound.Plan peers, int cpuSeconds) {
        return "users=" + users + " writes=" + peers.writes(users) + " phaseSeconds=" + peers.phaseLimit().toSeconds()
                + " cpuSeconds=" + cpuSeconds;
    }

    /** This history where it was measured with {@code settings}, else none: its rounds would not last as long. */
    SeedHistory matching(String settings) {
        return this.settings.equals(settings) ? this : NONE;
    }

    /** The median seconds of a round of write configuration {@code name}, if the run measured it. */
    OptionalDouble writeRound(String name) {
        Double s = writes.get(name);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** The median seconds of CPU cell {@code name}, if the run measured it. */
    OptionalDouble cpuCell(String name) {
        Double s = cpu.get(name);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /**
     * The newest seed run under {@code results} (by its folder's name, the time it started) that holds
     * {@link #FILE}; one that cannot be read is passed over with one line on {@code out}.
     */
    static SeedHistory newest(Path results, PrintStream out) {
        if (!Files.isDirectory(results)) {
            return NONE;
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(results)) {
            runs = s.filter(p -> p.getFileName().toString().endsWith("-seed") || p.getFileName().toString()
                    .matches(".*-seed-\\d+")).filter(p -> Files.isRegularFile(p.resolve(FILE)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            out.println("taskbench seed: cannot list " + results + " (" + e.getMessage() + "): planned without earlier"
                    + " seed runs");
            return NONE;
        }
        for (Path run : runs) {
            try {
                return read(run);
            } catch (TaskbenchException e) {
                out.println("taskbench seed: " + e.getMessage() + ": passed over");
            }
        }
        return NONE;
    }

    static SeedHistory read(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Map<String, Object> m = JSON.readValue(file.toFile(), new TypeReference<>() {
            });
            Object settings = m.remove("settings");
            Map<String, Map<String, List<Double>>> rounds = JSON.convertValue(m, new TypeReference<>() {
            });
            return new SeedHistory(folder.getFileName().toString(), String.valueOf(settings),
                    medians(rounds.get("writes"), file), medians(rounds.get("cpu"), file));
        } catch (IOException | RuntimeException e) {
            throw new TaskbenchException("cannot read " + file + " (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
    }

    private static Map<String, Double> medians(Map<String, List<Double>> rounds, Path file) {
        if (rounds == null) {
            throw new TaskbenchException(file + " has no writes or cpu");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        rounds.forEach((name, seconds) -> {
            double[] xs = seconds.stream().filter(s -> s != null && s >= 0 && Double.isFinite(s))
                    .mapToDouble(Double::doubleValue).toArray();
            if (xs.length > 0) {
                out.put(name, Timing.median(xs));
            }
        });
        return out;
    }

    /** {@link #FILE} in {@code folder}: every configuration's seconds, round by round; none where a stack was missing. */
    static void write(Path folder, String settings, List<PeersRound.Cell> writes, List<PeersCpu.Cell> cpu) {
        Map<String, List<Double>> w = new LinkedHashMap<>();
        writes.stream().filter(c -> !Double.isNaN(c.seconds()))
                .forEach(c -> w.computeIfAbsent(c.peer().name(), k -> new ArrayList<>()).add(c.seconds()));
        Map<String, List<Double>> c = new LinkedHashMap<>();
        cpu.stream().filter(x -> !Double.isNaN(x.seconds()))
                .forEach(x -> c.computeIfAbsent(x.peer().name(), k -> new ArrayList<>()).add(x.seconds()));
        try {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("settings", settings);
            all.put("writes", w);
            all.put("cpu", c);
            JSON.writeValue(folder.resolve(FILE).toFile(), all);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
