package dev.taskbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results of one run, read from a run folder ({@code metadata.json} plus one
 * {@code jmh-<flagset>.json} per flag set, or a legacy single {@code jmh-result.json} taken
 * as flag set {@value #DEFAULT_FLAG_SET}) or from one JMH JSON file (flag set
 * {@value #DEFAULT_FLAG_SET}).
 *
 * @param metadata the run's {@code metadata.json} as read, empty when there is none
 */
public record RunResults(Path source, String runId, Map<String, Object> metadata, List<BenchmarkResult> results) {
    public static final String DEFAULT_FLAG_SET = "default";
    public static final String LEGACY_RESULT_FILE = "jmh-result.json";
    public static final String METADATA_FILE = "metadata.json";
    private static final String PREFIX = "jmh-";
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunResults {
        metadata = Map.copyOf(metadata);
        results = List.copyOf(results);
    }

    /** Reads a run folder or a single JMH JSON file. */
    public static RunResults read(Path runFolderOrFile) {
        Path path = runFolderOrFile;
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString();
            String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
            return new RunResults(path, id, Map.of(), JmhJsonReader.read(path, DEFAULT_FLAG_SET));
        }
        if (!Files.isDirectory(path)) {
            throw new TaskbenchException("no run at " + path + ": neither a run folder nor a JMH JSON file");
        }
        String folder = path.toAbsolutePath().normalize().getFileName() == null ? path.toString()
                : path.toAbsolutePath().normalize().getFileName().toString();
        if (folder.startsWith(".incomplete-")) {
            throw new TaskbenchException(path + " is an unfinished run (interrupted?): it was never published");
        }
        Map<String, Path> files = resultFiles(path);
        List<BenchmarkResult> all = new ArrayList<>();
        files.forEach((flagSet, file) -> all.addAll(JmhJsonReader.read(file, flagSet)));
        Map<String, Object> metadata = metadata(path.resolve(METADATA_FILE));
        Object id = metadata.get("runId");
        return new RunResults(path, id instanceof String s ? s : folder, metadata, ForkLog.apply(metadata, all));
    }

    /**
     * Finds a run by name under {@code resultsRoot} ({@code results/}) or as a path; the error
     * lists the runs that exist.
     */
    public static Path locate(Path resultsRoot, String nameOrPath) {
        Path direct = Path.of(nameOrPath);
        if (Files.exists(direct)) {
            return direct;
        }
        Path named = resultsRoot.resolve(nameOrPath);
        if (Files.exists(named)) {
            return named;
        }
        String known;
        try (Stream<Path> s = Files.isDirectory(resultsRoot) ? Files.list(resultsRoot) : Stream.empty()) {
            known = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().collect(Collectors.joining(", "));
        } catch (IOException e) {
            known = "";
        }
        throw new TaskbenchException("no run named " + nameOrPath + " under " + resultsRoot
                + (known.isEmpty() ? " (it holds no runs)" : " (runs: " + known + ")") + " and no such path");
    }

    /** Flag set name to file, sorted by flag set with {@value #DEFAULT_FLAG_SET} first. */
    public static Map<String, Path> resultFiles(Path folder) {
        List<Path> jmh;
        try (Stream<Path> s = Files.list(folder)) {
            jmh = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && n.length() > PREFIX.length() + SUFFIX.length();
            }).collect(Collectors.toList());
        } catch (IOException e) {
            throw new TaskbenchException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        Map<String, Path> byFlagSet = new TreeMap<>(FLAG_SET_ORDER);
        boolean legacy = false;
        for (Path p : jmh) {
            String n = p.getFileName().toString();
            if (n.equals(LEGACY_RESULT_FILE)) {
                legacy = true;
            } else {
                byFlagSet.put(n.substring(PREFIX.length(), n.length() - SUFFIX.length()), p);
            }
        }
        if (legacy && byFlagSet.isEmpty()) {
            byFlagSet.put(DEFAULT_FLAG_SET, folder.resolve(LEGACY_RESULT_FILE));
        } else if (legacy) {
            throw new TaskbenchException(folder + " holds both a legacy " + LEGACY_RESULT_FILE
                    + " and jmh-<flagset>.json files: keep one layout");
        }
        if (byFlagSet.isEmpty()) {
            throw new TaskbenchException(folder + " holds no jmh-<flagset>.json result (nor a legacy "
                    + LEGACY_RESULT_FILE + "): not a run folder");
        }
        return byFlagSet;
    }

    /** {@value #DEFAULT_FLAG_SET} first, then by name. */
    public static final Comparator<String> FLAG_SET_ORDER = Comparator
            .comparing((String f) -> !f.equals(DEFAULT_FLAG_SET)).thenComparing(Comparator.naturalOrder());

    /** A run folder's {@code metadata.json} alone, empty when it has none: for readers that need no scores. */
    public static Map<String, Object> metadataOf(Path runFolder) {
        return metadata(runFolder.resolve(METADATA_FILE));
    }

    private static Map<String, Object> metadata(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Map<String, Object> m = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
            if (m == null) {
                throw new TaskbenchException(file + " is not run metadata: expected a JSON object");
            }
            m.values().removeIf(v -> v == null);
            return m;
        } catch (JsonProcessingException e) {
            throw new TaskbenchException(file + " is truncated or not a JSON object (" + e.getOriginalMessage()
                    .lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new TaskbenchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flag sets in this run, {@value #DEFAULT_FLAG_SET} first. */
    public List<String> flagSets() {
        return results.stream().map(BenchmarkResult::flagSet).distinct().sorted(FLAG_SET_ORDER).toList();
    }

    public List<BenchmarkResult> results(String flagSet) {
        return results.stream().filter(r -> r.flagSet().equals(flagSet)).toList();
    }

    public Optional<BenchmarkResult> find(RowKey row) {
        return results.stream().filter(r -> r.row().equals(row)).findFirst();
    }

    /** Results grouped by key, each key's flag sets in {@link #flagSets()} order. */
    public Map<BenchmarkKey, List<BenchmarkResult>> byKey() {
        Map<BenchmarkKey, List<BenchmarkResult>> m = new TreeMap<>();
        for (String f : flagSets()) {
            for (BenchmarkResult r : results(f)) {
                m.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<BenchmarkKey, List<BenchmarkResult>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
