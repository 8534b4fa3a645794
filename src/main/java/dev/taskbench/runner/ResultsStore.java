package dev.taskbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code results/} folder. A run writes into a hidden staging folder and becomes
 * {@code results/<run-id>/} in one rename, so a reader never sees half a run and an
 * interrupted run leaves no run folder behind.
 */
public final class ResultsStore {
    /** JMH's JSON for one flag set: {@code jmh-<flag set>.json}; {@code jmh-default.json} without flag sets. */
    public static final String RESULT_PREFIX = "jmh-";
    public static final String DEFAULT_RESULT_FILE = "jmh-default.json";
    public static final String METADATA_FILE = "metadata.json";
    public static final String INDEX_FILE = "index.json";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new, unused run id such as {@code 20261122-131500-smoke}. */
    public String newRunId(String profile, LocalDateTime now) {
        String base = ID.format(now) + "-" + profile;
        String id = base;
        for (int n = 2; Files.exists(root.resolve(id)) || Files.exists(staging(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Claims a new run id and creates its staging folder, safe against another process claiming
     * at the same moment: creating the folder is the claim, and a name published meanwhile is
     * given up for the next.
     */
    public String beginNew(String profile, LocalDateTime now) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String id = newRunId(profile, now);
            try {
                Files.createDirectories(root);
                Files.createDirectory(staging(id));
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new TaskbenchException("cannot create a run folder under " + root.toAbsolutePath() + ": "
                        + e.getMessage(), e);
            }
            if (!Files.exists(root.resolve(id))) {
                return id;
            }
            discardIfEmpty(id);
        }
        throw new TaskbenchException("cannot find a free run name under " + root.toAbsolutePath());
    }

    /** Creates the staging folder for a run. */
    public Path begin(String runId) {
        try {
            Files.createDirectories(root);
            return Files.createDirectory(staging(runId));
        } catch (IOException e) {
            throw new TaskbenchException("cannot create a run folder under " + root.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    public Path staging(String runId) {
        return root.resolve(".incomplete-" + runId);
    }

    public static void writeJson(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            move(tmp, file);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Publishes the staged run as {@code results/<run-id>/}, atomically. */
    public Path commit(String runId, Map<String, Object> metadata) {
        Path staged = staging(runId);
        if (dev.taskbench.results.RunResults.resultFiles(staged).isEmpty()) {
            throw new TaskbenchException("the run produced no " + RESULT_PREFIX + "*.json in " + staged);
        }
        writeJson(staged.resolve(METADATA_FILE), metadata);
        Path target = root.resolve(runId);
        try {
            move(staged, target);
        } catch (IOException e) {
            throw new TaskbenchException("cannot publish " + staged + " as " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * Rewrites {@code index.json}: one entry per published run (folder with a metadata file),
     * newest first, with what a reader picks runs by. Built from the folders each time, so it
     * can never disagree with them; written to a temporary file and renamed.
     */
    public Path writeIndex() {
        java.util.List<Map<String, Object>> runs = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : (Iterable<Path>) s.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder())::iterator) {
                Path meta = dir.resolve(METADATA_FILE);
                if (dir.getFileName().toString().startsWith(".") || !Files.isRegularFile(meta)) {
                    continue;
                }
                Map<String, Object> entry = new java.util.LinkedHashMap<>();
                entry.put("run", dir.getFileName().toString());
                try {
                    com.fasterxml.jackson.databind.JsonNode m = JSON.readTree(meta.toFile());
                    entry.put("startedAt", m.path("startedAt").asText(null));
                    entry.put("profile", m.path("profile").asText(null));
                    entry.put("commit", m.path("git").path("commit").asText(null));
                    entry.put("flagSets", dev.taskbench.results.RunResults.resultFiles(dir).keySet());
                } catch (IOException | RuntimeException e) {
                    entry.put("error", "unreadable metadata: " + e.getMessage());
                }
                runs.add(entry);
            }
        } catch (IOException e) {
            throw new TaskbenchException("cannot list " + root + ": " + e.getMessage(), e);
        }
        Path index = root.resolve(INDEX_FILE);
        writeJson(index, Map.of("runs", runs));
        return index;
    }

    /** Removes a staging folder that holds nothing worth keeping; keeps one that has partial output. */
    public boolean discardIfEmpty(String runId) {
        Path staged = staging(runId);
        try (Stream<Path> s = Files.list(staged)) {
            if (s.findAny().isPresent()) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
