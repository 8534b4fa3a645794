package dev.taskbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges the run folders of a run's shards (each a runner's {@code mvn jmh:run}) into one run folder, losing nothing
 * a report reads: each flag set's JMH JSON (and the baseline jar's, and the replaced forks') joined row by row, a row
 * in two shards refused; the metadata of the first shard, with every shard's per-row sections joined (fork logs, stop
 * reasons, plans, mode explanations), the flag sets' reports and the database benchmarks united, and each shard's
 * own run id, start, clock and shard kept under {@value #SHARDS_KEY} (the merged run has no clock of its own). Shards of {@code -Dtaskbench.shard=K/N} must
 * all be there, each once. Everything is read and checked before anything is written, into a folder beside the
 * output that is renamed into place, so a failed merge leaves nothing behind.
 */
public final class ShardMerge {
    /** The metadata key a shard of a run records its shard under. */
    public static final String SHARD_KEY = "shard";
    /** The shard section's digest of the whole split: every shard of one run has the same. */
    public static final String SPLIT_KEY = "split";
    /** The merged metadata's key for what each shard ran. */
    public static final String SHARDS_KEY = "shards";
    private static final String BASELINE = "baseline";
    private static final String ROWS = "rows";
    private static final String FLAG_SETS = "flagSets";
    private static final String FAILED = "failed";
    /** A run's planned against its real time: a shard's own, kept under {@value #SHARDS_KEY} only. */
    private static final String CLOCK = "clock";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One shard's run folder as read: its metadata and its result files by their path in the folder. */
    private record Shard(Path folder, ObjectNode metadata, Map<String, ArrayNode> files) {
        String name() {
            return folder.getFileName().toString();
        }

        int index() {
            return metadata.path(SHARD_KEY).path("index").asInt(0);
        }
    }

    /**
     * What a merge wrote: the run folder, its flag sets' files and its rows; {@code runIds} are the merged run's and
     * its shards', which a history of the folders beside it must not take for earlier runs.
     */
    public record Merged(Path folder, int shards, int files, int rows, Set<String> runIds) {
        public Merged {
            runIds = Set.copyOf(runIds);
        }
    }

    private ShardMerge() {
    }

    /** Merges every run folder directly under {@code shardsDir} into the new run folder {@code out}. */
    public static Merged merge(Path shardsDir, Path out) throws IOException {
        if (Files.exists(out)) {
            throw new TaskbenchException(out + " exists; refusing to overwrite a run");
        }
        List<Shard> shards = ordered(read(shardsDir));
        Map<String, ArrayNode> files = joined(shards);
        ObjectNode metadata = metadata(shards, out.getFileName().toString());
        write(out, files, metadata);
        int rows = files.entrySet().stream().filter(f -> isResults(f.getKey())).mapToInt(f -> f.getValue().size()).sum();
        return new Merged(out, shards.size(), (int) files.keySet().stream().filter(ShardMerge::isResults).count(), rows,
                runIds(metadata, shards));
    }

    private static List<Shard> read(Path shardsDir) throws IOException {
        if (!Files.isDirectory(shardsDir)) {
            throw new TaskbenchException("no folder of shards at " + shardsDir);
        }
        List<Shard> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(shardsDir)) {
            for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
                out.add(shard(folder));
            }
        }
        if (out.isEmpty()) {
            throw new TaskbenchException("no shard folders under " + shardsDir);
        }
        return out;
    }

    /** One shard's folder; a missing or unreadable metadata.json or results file is a one-line error naming it. */
    private static Shard shard(Path folder) throws IOException {
        Path meta = folder.resolve(RunResults.METADATA_FILE);
        if (!Files.isRegularFile(meta)) {
            throw new TaskbenchException("shard " + folder + " has no " + RunResults.METADATA_FILE
                    + ": not a finished run folder (did its run fail?)");
        }
        if (!(parse(meta) instanceof ObjectNode metadata)) {
            throw new TaskbenchException(meta + " is not a JSON object");
        }
        Map<String, ArrayNode> files = new LinkedHashMap<>();
        for (String name : resultFiles(folder)) {
            if (!(parse(folder.resolve(name)) instanceof ArrayNode rows)) {
                throw new TaskbenchException(folder.resolve(name) + " is not a JMH result array");
            }
            files.put(name, rows);
        }
        if (files.keySet().stream().noneMatch(ShardMerge::isResults)) {
            throw new TaskbenchException("shard " + folder + " holds no jmh-*.json: its run measured nothing");
        }
        return new Shard(folder, metadata, files);
    }

    private static JsonNode parse(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new TaskbenchException(file + " is not valid JSON: " + e.getOriginalMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    /** The folder's result files: {@code jmh-*.json}, {@code replaced-*.json}, and the baseline jar's. */
    private static List<String> resultFiles(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("", BASELINE + "/")) {
            Path d = folder.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && (n.startsWith("jmh-")
                        || dir.isEmpty() && n.startsWith(ForkLog.REPLACED_PREFIX))).sorted()
                        .forEach(n -> out.add(dir + n));
            }
        }
        return out;
    }

    /** A flag set's results, the candidate's or the baseline jar's: a row in two of them is refused. */
    private static boolean isResults(String file) {
        return file.startsWith("jmh-") || file.startsWith(BASELINE + "/jmh-");
    }

    /**
     * The shards in their order: by shard number when they are shards of one run ({@code -Dtaskbench.shard}), which
     * must all be there once each with no unit in two; else by folder name.
     */
    private static List<Shard> ordered(List<Shard> shards) {
        long numbered = shards.stream().filter(s -> s.metadata().has(SHARD_KEY)).count();
        if (numbered == 0) {
            return shards;
        }
        if (numbered < shards.size()) {
            throw new TaskbenchException("some shard folders are shards of a -Dtaskbench.shard run and some are not: "
                    + String.join(", ", shards.stream().filter(s -> !s.metadata().has(SHARD_KEY)).map(Shard::name)
                            .toList()) + " not");
        }
        int of = shards.get(0).metadata().path(SHARD_KEY).path("of").asInt();
        Map<Integer, Shard> byIndex = new HashMap<>();
        Map<String, Shard> units = new HashMap<>();
        for (Shard s : shards) {
            checkShard(s, of, byIndex, units);
        }
        Set<Integer> missing = new TreeSet<>();
        for (int k = 1; k <= of; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new TaskbenchException("shard(s) " + join(missing) + " of " + of + " missing under "
                    + shards.get(0).folder().getParent() + " (did their runs fail?)");
        }
        return shards.stream().sorted(Comparator.comparingInt(Shard::index)).toList();
    }

    private static void checkShard(Shard s, int of, Map<Integer, Shard> byIndex, Map<String, Shard> units) {
        JsonNode shard = s.metadata().path(SHARD_KEY);
        if (shard.path("of").asInt() != of) {
            throw new TaskbenchException(s.name() + " is a shard of " + shard.path("of").asInt() + ", the others of "
                    + of + ": not shards of one run");
        }
        Shard first = byIndex.values().stream().findFirst().orElse(s);
        if (!shard.path(SPLIT_KEY).equals(first.metadata().path(SHARD_KEY).path(SPLIT_KEY))) {
            throw new TaskbenchException(s.name() + " split the run otherwise than " + first.name() + " (split "
                    + shard.path(SPLIT_KEY).asText() + ", not " + first.metadata().path(SHARD_KEY).path(SPLIT_KEY)
                    .asText() + "): a unit may have run twice or not at all; give every shard the same commit, flag"
                    + " sets, JDKs and results folder");
        }
        Shard twice = byIndex.put(s.index(), s);
        if (twice != null) {
            throw new TaskbenchException(twice.name() + " and " + s.name() + " are both shard " + s.index() + " of " + of);
        }
        for (JsonNode u : shard.path("units")) {
            Shard other = units.put(u.asText(), s);
            if (other != null) {
                throw new TaskbenchException("unit " + u.asText() + " ran in two shards, " + other.name() + " and "
                        + s.name() + ": their plans differ (same commit, flag sets and results folder?)");
            }
        }
    }

    /** Each result file, the shards' rows one after the other; a flag set's row in two shards is refused. */
    private static Map<String, ArrayNode> joined(List<Shard> shards) {
        Map<String, ArrayNode> out = new LinkedHashMap<>();
        Map<String, Map<JsonNode, String>> seen = new HashMap<>();
        for (Shard s : shards) {
            s.files().forEach((name, rows) -> {
                ArrayNode into = out.computeIfAbsent(name, n -> JSON.createArrayNode());
                for (JsonNode row : rows) {
                    if (isResults(name)) {
                        checkOnce(seen.computeIfAbsent(name, n -> new HashMap<>()), row, name, s.name());
                    }
                    into.add(row);
                }
            });
        }
        return out;
    }

    private static void checkOnce(Map<JsonNode, String> seen, JsonNode row, String file, String shard) {
        ObjectNode key = JSON.createObjectNode();
        for (String field : List.of("benchmark", "mode", "threads", "params")) {
            key.set(field, row.path(field));
        }
        String first = seen.putIfAbsent(key, shard);
        if (first != null) {
            throw new TaskbenchException("row " + row.path("benchmark").asText() + " " + row.path("params")
                    + " (" + row.path("mode").asText() + ") of " + file + " is in two shards, " + first + " and " + shard
                    + "; nothing merged");
        }
    }

    /**
     * The first shard's metadata, with every shard's rows in each per-row section, the flag sets' reports united (a
     * failed one kept as failed), the database benchmarks united, and each shard under {@value #SHARDS_KEY}.
     */
    private static ObjectNode metadata(List<Shard> shards, String name) {
        ObjectNode m = shards.get(0).metadata().deepCopy();
        m.remove(List.of(SHARD_KEY, CLOCK));
        for (Shard s : shards.subList(1, shards.size())) {
            joinRows(m, s.metadata());
            uniteFlagSets(m, s.metadata());
            uniteDatabaseBenchmarks(m, s.metadata());
        }
        ArrayNode each = m.putArray(SHARDS_KEY);
        for (Shard s : shards) {
            ObjectNode one = each.addObject();
            one.put("folder", s.name());
            for (String key : List.of("runId", "startedAt", CLOCK, SHARD_KEY)) {
                if (s.metadata().has(key)) {
                    one.set(key, s.metadata().get(key));
                }
            }
        }
        m.put("runId", runId(name, shards));
        return m;
    }

    /** Every section that holds a {@code rows} array (fork log, stops, plan, mode explanations): the rows joined. */
    private static void joinRows(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> f : from.properties()) {
            JsonNode rows = f.getValue().path(ROWS);
            if (!rows.isArray()) {
                continue;
            }
            if (!into.has(f.getKey())) {
                into.set(f.getKey(), f.getValue().deepCopy());
            } else if (into.get(f.getKey()).path(ROWS).isArray()) {
                ((ArrayNode) into.get(f.getKey()).get(ROWS)).addAll((ArrayNode) rows);
            }
        }
    }

    private static void uniteFlagSets(ObjectNode into, ObjectNode from) {
        if (!(from.get(FLAG_SETS) instanceof ObjectNode sets)) {
            return;
        }
        ObjectNode mine = into.get(FLAG_SETS) instanceof ObjectNode o ? o : into.putObject(FLAG_SETS);
        sets.properties().forEach(f -> {
            if (!mine.has(f.getKey()) || f.getValue().path("status").asText().startsWith(FAILED)) {
                mine.set(f.getKey(), f.getValue());
            }
        });
    }

    private static void uniteDatabaseBenchmarks(ObjectNode into, ObjectNode from) {
        JsonNode theirs = from.path(Testbed.METADATA_KEY).path(RowTestbeds.DATABASE_BENCHMARKS);
        if (!theirs.isArray() || !(into.get(Testbed.METADATA_KEY) instanceof ObjectNode testbed)
                || !(testbed.get(RowTestbeds.DATABASE_BENCHMARKS) instanceof ArrayNode mine)) {
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        mine.forEach(b -> all.add(b.asText()));
        theirs.forEach(b -> all.add(b.asText()));
        ArrayNode united = testbed.putArray(RowTestbeds.DATABASE_BENCHMARKS);
        all.forEach(united::add);
    }

    /**
     * The merged run's id: the output folder's name and the first shard's start ({@code nightly-20261206-021700}),
     * so that each night's merged run is a run of its own in a history.
     */
    private static String runId(String name, List<Shard> shards) {
        String started = shards.get(0).metadata().path("startedAt").asText("");
        String stamp = started.length() >= 19 ? started.substring(0, 19).replaceAll("[-:]", "").replace('T', '-') : "";
        return stamp.isEmpty() ? name : name + "-" + stamp;
    }

    private static Set<String> runIds(ObjectNode metadata, List<Shard> shards) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(metadata.path("runId").asText());
        shards.forEach(s -> ids.add(s.metadata().path("runId").asText(s.name())));
        return ids;
    }

    /** The files into a folder beside {@code out}, then one rename: nothing is left behind by a failed write. */
    private static void write(Path out, Map<String, ArrayNode> files, ObjectNode metadata) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, out.getFileName() + ".incomplete-");
        try {
            for (Map.Entry<String, ArrayNode> f : files.entrySet()) {
                Path file = tmp.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                JSON.writeValue(file.toFile(), f.getValue());
            }
            JSON.writeValue(tmp.resolve(RunResults.METADATA_FILE).toFile(), metadata);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String join(Set<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
