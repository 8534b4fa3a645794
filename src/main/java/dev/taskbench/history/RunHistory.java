package dev.taskbench.history;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Bootstrap;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Interval;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RowTestbeds;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.Testbed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every published run under a folder ({@code results/}, or a folder of unpacked nightly
 * artifacts, at any depth), each reduced to one point per row: the median fork score with its
 * bootstrap interval, when the run started, its commit and the testbed the row depends on
 * ({@link RowTestbeds}: the machine alone for a CPU-only row, the machine and PostgreSQL for a
 * database row). A folder that is not a readable run is skipped and said so, and a copy of a run
 * already read (a second folder with its run id) is skipped with one line on stderr; neither
 * stops the history.
 */
public final class RunHistory {
    /** A run read into the history; {@code testbed} is the whole run's, for display. */
    public record Run(String id, Path folder, Instant started, String commit, Testbed testbed, int rows) {
    }

    private final List<Run> runs;
    private final List<Series.Observation> observations;
    private final List<String> skipped;
    private final Map<RowKey, String> units;
    private final Map<String, Testbed> testbeds;

    private RunHistory(List<Run> runs, List<Series.Observation> observations, List<String> skipped,
            Map<RowKey, String> units, Map<String, Testbed> testbeds) {
        this.runs = List.copyOf(runs);
        this.observations = List.copyOf(observations);
        this.skipped = List.copyOf(skipped);
        this.units = Map.copyOf(units);
        this.testbeds = Map.copyOf(testbeds);
    }

    /** The history under {@code root}; a copied run folder is said on {@code System.err}. */
    public static RunHistory read(Path root, Criteria criteria) {
        return read(root, criteria, System.err);
    }

    /** Resamples for a history read for its medians only (drift), whose intervals nobody uses. */
    private static final int MEDIAN_RESAMPLES = 100;

    /** The history under {@code root} for its medians only; empty when there is no such folder. */
    public static java.util.Optional<RunHistory> mediansUnder(Path root, Criteria criteria, PrintStream err) {
        return Files.isDirectory(root) ? java.util.Optional.of(read(root, criteria.withResamples(MEDIAN_RESAMPLES), err))
                : java.util.Optional.empty();
    }

    /** The history under {@code root}; a copied run folder is said on {@code err}. */
    public static RunHistory read(Path root, Criteria criteria, PrintStream err) {
        if (!Files.isDirectory(root)) {
            throw new TaskbenchException("no results folder at " + root);
        }
        List<Run> runs = new ArrayList<>();
        List<Series.Observation> observations = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<RowKey, String> units = new HashMap<>();
        Map<String, Testbed> testbeds = new HashMap<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path folder : runFolders(root)) {
            try {
                RunResults r = RunResults.read(folder);
                Path first = seen.get(r.runId());
                if (first != null) {
                    err.println("taskbench: " + first + " and " + folder + " hold the same run " + r.runId()
                            + "; skipping " + folder);
                    continue;
                }
                Run run = run(r, folder);
                List<Series.Observation> points = points(r, run, criteria, testbeds);
                seen.put(r.runId(), folder);
                runs.add(run);
                observations.addAll(points);
                r.results().forEach(b -> units.putIfAbsent(b.row(), b.unit()));
            } catch (TaskbenchException | IllegalArgumentException e) {
                skipped.add(root.relativize(folder) + ": " + e.getMessage());
            }
        }
        runs.sort(java.util.Comparator.comparing(Run::started).thenComparing(Run::id));
        return new RunHistory(runs, observations, skipped, units, testbeds);
    }

    public List<Run> runs() {
        return runs;
    }

    /**
     * Testbed key to its series, testbeds in the order of their first run. A key is the hash of
     * the facts its rows depend on: one machine's CPU-only rows are one testbed whatever else
     * shared their runs, and its database rows another per PostgreSQL's settings.
     */
    public Map<String, List<Series>> series() {
        return Series.group(observations);
    }

    /** The facts a testbed key is the hash of. */
    public Testbed testbed(String key) {
        Testbed t = testbeds.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no testbed " + key + " in this history");
        }
        return t;
    }

    /** The runs with a row on a testbed key, in time order. */
    public List<Run> runsOn(String key) {
        Set<String> ids = new HashSet<>();
        observations.stream().filter(o -> o.point().testbed().equals(key)).forEach(o -> ids.add(o.point().runId()));
        return runs.stream().filter(r -> ids.contains(r.id())).toList();
    }

    /**
     * Each row's series on the testbed that row of {@code run} depends on: the history a
     * comparison holds the run's rows against ({@link RunDrift}).
     */
    public List<Series> seriesOf(RunResults run) {
        RowTestbeds keys = RowTestbeds.of(run);
        return series().values().stream().flatMap(List::stream)
                .filter(s -> s.testbed().equals(keys.key(s.row().key().benchmark()))).toList();
    }

    /** The unit of a row's scores, as its first run recorded it. */
    public String unit(RowKey row) {
        return units.getOrDefault(row, "");
    }

    /** One line per folder that looked like a run but could not be read. */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * Folders holding a JMH result ({@code jmh-*.json}), at any depth, in name order; not the
     * unfinished ({@code .}), comparison ({@code compare-}) or interleaved baseline folders
     * inside a run (the baseline's commit is not the run's).
     */
    static List<Path> runFolders(Path root) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isDirectory).filter(d -> !hidden(root, d)).filter(RunHistory::holdsResult).sorted()
                    .forEach(d -> {
                        boolean nested = out.stream().anyMatch(d::startsWith);
                        if (!nested) {
                            out.add(d);
                        }
                    });
        } catch (IOException e) {
            throw new TaskbenchException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** What a reader of run metadata does with one run's: its folder, its run id and its metadata. */
    @FunctionalInterface
    interface MetadataReader {
        void read(Path folder, String runId, Map<String, Object> metadata) throws IOException;
    }

    /**
     * Each run folder's metadata under {@code root}, once per run id (the first folder of a copied
     * run wins); a folder whose metadata cannot be read, or that {@code reader} cannot read, is
     * passed over: the histories that read fork logs and stop logs plan without it.
     */
    static void eachRunsMetadata(Path root, MetadataReader reader) {
        Set<String> seen = new HashSet<>();
        for (Path folder : runFolders(root)) {
            try {
                Map<String, Object> metadata = RunResults.metadataOf(folder);
                String id = metadata.get("runId") instanceof String s ? s : folder.getFileName().toString();
                if (seen.add(id)) {
                    reader.read(folder, id, metadata);
                }
            } catch (TaskbenchException | IllegalArgumentException | IOException e) {
                // not a readable run: the history says so; a plan does without it
            }
        }
    }

    private static boolean hidden(Path root, Path dir) {
        for (Path part : root.relativize(dir)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("compare-")) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsResult(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("jmh-") && n.endsWith(".json"));
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Run run(RunResults r, Path folder) {
        Object started = r.metadata().get("startedAt");
        Instant when;
        try {
            when = started instanceof String s ? Instant.parse(s) : Files.getLastModifiedTime(folder).toInstant();
        } catch (DateTimeParseException | IOException e) {
            throw new TaskbenchException("its metadata.json has no readable startedAt: " + started);
        }
        String commit = "";
        if (r.metadata().get("git") instanceof Map<?, ?> git && git.get("commit") instanceof String c) {
            commit = c;
        }
        return new Run(r.runId(), folder, when, commit, Testbed.of(r.metadata()), r.results().size());
    }

    /** One point per row with forks, each on the testbed its row depends on (noted in {@code testbeds}). */
    private static List<Series.Observation> points(RunResults r, Run run, Criteria c, Map<String, Testbed> testbeds) {
        RowTestbeds keys = RowTestbeds.of(r);
        List<Series.Observation> out = new ArrayList<>();
        for (BenchmarkResult b : r.results()) {
            double[] forks = b.forks();
            if (forks.length == 0) {
                continue;
            }
            String benchmark = b.key().benchmark();
            testbeds.putIfAbsent(keys.key(benchmark), keys.of(benchmark));
            Interval median = Bootstrap.median(forks, c.resamples(), c.confidence(), c.seed());
            out.add(new Series.Observation(b.row(), new Point(run.id(), run.started(),
                    run.commit(), keys.key(benchmark), median.estimate(), median)));
        }
        return out;
    }
}
