package dev.taskbench.runner;

import dev.taskbench.compare.DiffFolded;
import dev.taskbench.findings.Standing;
import dev.taskbench.jit.JitDiff;
import dev.taskbench.jit.JitEvents;
import dev.taskbench.report.DiffFlameGraph;
import dev.taskbench.report.ModesReport;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.Figures;
import dev.taskbench.stability.ForkModes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Why a row is bimodal: for each row whose forks the modes report names ({@link Standing#modes},
 * the same call), unmeasured profiled forks of that row one at a time ({@link Profiler}: a CPU
 * profile and a JFR recording of the JIT each), each placed in the mode nearest its score, until
 * one fork of the fastest mode and one of the slowest are in hand, or {@code -Dtaskbench.modes.explain}
 * forks were tried. The two give {@code modes/<row>/fast-vs-slow.html} (the differential flame
 * graph, slow against fast) and {@code modes/<row>/jit.md} ({@link JitDiff}); the run's metadata
 * keeps what was tried ({@link ModeExplanations}). No profiled score reaches a result, the
 * history or a verdict; a profiler or JFR that fails costs the explanation, in one line, never the run.
 */
final class ModeProfiles {
    /** At most this many rows are explained a run: the rows with most forks in their smallest mode first. */
    static final int MAX_ROWS = 4;
    static final String FLAME_GRAPH = "fast-vs-slow.html";
    static final String JIT_TABLE = "jit.md";
    static final String EVENT = "cpu";

    /**
     * One unmeasured profiled fork of a row.
     *
     * @param score its primary score; NaN when the fork failed
     * @param stacks its CPU samples as collapsed stacks; empty when the profiler could not run
     * @param jit what its JIT did; empty when JFR could not record or be read
     * @param notes what went wrong, a line each
     */
    record Profiled(double score, Map<String, Long> stacks, Optional<JitEvents> jit, List<String> notes) {
        Profiled {
            stacks = Map.copyOf(stacks);
            notes = List.copyOf(notes);
        }
    }

    /** Runs one profiled fork of a row, its parameters, mode and threads pinned. */
    @FunctionalInterface
    interface Profiler {
        Profiled fork(BenchmarkResult row, int attempt) throws IOException;
    }

    private final int maxForks;
    private final Profiler profiler;
    private final Path runDir;
    private final PrintStream out;

    ModeProfiles(int maxForks, Profiler profiler, Path runDir, PrintStream out) {
        this.maxForks = maxForks;
        this.profiler = profiler;
        this.runDir = runDir;
        this.out = out;
    }

    /** The run's phase: {@code -Dtaskbench.modes.explain} forks a row, each run as {@link JitProfiledFork} runs it. */
    static ModeProfiles of(RunSettings settings, Execution execution, List<Planned> ran, Path staging,
            PrintStream out) {
        Map<String, Planned> byName = new LinkedHashMap<>();
        ran.forEach(p -> byName.put(p.flagSet().name(), p));
        Profiler forks = new JitProfiledFork(settings.profiling(),
                r -> execution.profiledFork(byName.get(r.flagSet()), r.key()), staging.resolve(ModeExplanations.FOLDER));
        return new ModeProfiles(settings.explainModes(), forks, staging, out);
    }

    /** The rows as the reports will read them: each flag set's results file. */
    static List<BenchmarkResult> rows(Map<String, Path> files) {
        return files.entrySet().stream().flatMap(f -> JmhJsonReader.read(f.getValue(), f.getKey()).stream()).toList();
    }

    /** A bimodal row: its result and its modes. */
    private record Bimodal(BenchmarkResult row, ForkModes modes) {
        int minority() {
            return modes.modes().stream().mapToInt(ForkModes.Mode::count).min().orElse(0);
        }
    }

    /** Explains the bimodal rows among {@code rows}; null when off, so the metadata stays as it was. */
    ModeExplanations explain(List<BenchmarkResult> rows) {
        if (maxForks == 0) {
            return null;
        }
        List<Bimodal> bimodal = new ArrayList<>();
        rows.forEach(r -> Standing.modes(r).filter(ForkModes::multimodal).ifPresent(m -> bimodal.add(new Bimodal(r, m))));
        if (bimodal.isEmpty()) {
            return null;
        }
        bimodal.sort(Comparator.comparingInt(Bimodal::minority).reversed());
        out.printf("taskbench: %d row(s) in more than one mode; profiling unmeasured forks of %s one at a time, until"
                + " one lands in the fastest mode and one in the slowest (at most %d a row)%n", bimodal.size(),
                bimodal.size() > MAX_ROWS ? "the " + MAX_ROWS + " with most forks in their smallest mode" : "each",
                maxForks);
        List<ModeExplanations.Row> explained = new ArrayList<>();
        for (Bimodal b : bimodal.subList(0, Math.min(MAX_ROWS, bimodal.size()))) {
            explained.add(row(b));
        }
        removeIfEmpty(runDir.resolve(ModeExplanations.FOLDER));
        return new ModeExplanations(maxForks, explained);
    }

    private ModeExplanations.Row row(Bimodal b) {
        BenchmarkResult r = b.row();
        List<Double> locations = b.modes().modes().stream().map(ForkModes.Mode::location).toList();
        int slowest = locations.size() - 1;
        List<ModeExplanations.Fork> tried = new ArrayList<>();
        Map<Integer, Profiled> kept = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int attempt = 1; attempt <= maxForks && !(kept.containsKey(0) && kept.containsKey(slowest)); attempt++) {
            Profiled p = fork(r, attempt);
            p.notes().forEach(n -> notes.add("fork " + (tried.size() + 1) + ": " + n));
            if (!Double.isFinite(p.score())) {
                break;
            }
            int mode = nearest(locations, p.score());
            boolean keep = (mode == 0 || mode == slowest) && !kept.containsKey(mode);
            if (keep) {
                kept.put(mode, p);
            }
            tried.add(new ModeExplanations.Fork(p.score(), mode, keep));
        }
        ModeExplanations.Row partial = new ModeExplanations.Row(r.flagSet(), r.key(), r.unit(), locations, tried, null,
                null, List.of(), 0, notes);
        if (!kept.containsKey(0) || !kept.containsKey(slowest)) {
            notes.add(missing(tried, locations, r.unit(), kept.containsKey(0)));
            return say(withNotes(partial, notes));
        }
        return say(write(partial, kept.get(0), kept.get(slowest), notes));
    }

    /** One fork; a profiler that throws costs this fork's explanation, said in its line. */
    private Profiled fork(BenchmarkResult r, int attempt) {
        try {
            return profiler.fork(r, attempt);
        } catch (IOException | RuntimeException e) {
            return new Profiled(Double.NaN, Map.of(), Optional.empty(), List.of("could not be profiled: "
                    + e.getMessage()));
        }
    }

    /** "6 profiled forks all landed near 150 ns; the slow mode did not recur". */
    static String missing(List<ModeExplanations.Fork> tried, List<Double> locations, String unit, boolean haveFast) {
        if (tried.isEmpty()) {
            return "no profiled fork ran, so the modes are not explained";
        }
        String where = tried.stream().mapToInt(ModeExplanations.Fork::mode).distinct().count() == 1
                ? "all landed near " + Figures.value(locations.get(tried.get(0).mode()), unit)
                : "landed in modes " + tried.stream().map(f -> String.valueOf(f.mode() + 1)).distinct().toList();
        return tried.size() + " profiled fork(s) " + where + "; the " + (haveFast ? "slow" : "fast")
                + " mode did not recur";
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: it holds a row's files
        }
    }

    /** The mode whose location is nearest the score, on the log scale modes are found on. */
    static int nearest(List<Double> locations, double score) {
        return IntStream.range(0, locations.size()).boxed()
                .min(Comparator.comparingDouble(m -> Math.abs(Math.log(score / locations.get(m))))).orElseThrow();
    }

    /** The fast-against-slow flame graph and the JIT's differences into {@code modes/<row>/}. */
    private ModeExplanations.Row write(ModeExplanations.Row row, Profiled fast, Profiled slow, List<String> notes) {
        Path dir = runDir.resolve(ModeExplanations.FOLDER).resolve(folder(row.flagSet(), row.key()));
        String rel = ModeExplanations.FOLDER + "/" + dir.getFileName() + "/";
        String graph = null;
        String table = null;
        List<ModeExplanations.Difference> top = List.of();
        int more = 0;
        try {
            Files.createDirectories(dir);
            if (fast.stacks().isEmpty() || slow.stacks().isEmpty()) {
                notes.add("no CPU profile of " + (fast.stacks().isEmpty() ? "the fast" : "the slow")
                        + " fork, so no flame graph; the JIT's differences are read for the benchmark's package only");
            } else {
                Files.writeString(dir.resolve(FLAME_GRAPH), DiffFlameGraph.render(new DiffFlameGraph.Title(
                        row.key().label(), "fast fork " + Figures.value(fast.score(), row.unit()), "slow fork "
                                + Figures.value(slow.score(), row.unit()), EVENT),
                        DiffFolded.diff(fast.stacks(), slow.stacks())), StandardCharsets.UTF_8);
                writeStacks(dir, "fast", fast);
                writeStacks(dir, "slow", slow);
                graph = rel + FLAME_GRAPH;
            }
            if (fast.jit().isEmpty() || slow.jit().isEmpty()) {
                notes.add("no JIT recording of " + (fast.jit().isEmpty() ? "the fast" : "the slow")
                        + " fork, so no JIT differences");
            } else {
                JitDiff.Table all = JitDiff.of(new JitDiff.Fork(fast.jit().get(), fast.stacks()),
                        new JitDiff.Fork(slow.jit().get(), slow.stacks()), ownPackage(row.key()), Integer.MAX_VALUE);
                List<ModeExplanations.Difference> lines = all.lines().stream()
                        .map(l -> new ModeExplanations.Difference(l.method(), l.fast(), l.slow())).toList();
                ModeExplanations.Row withForks = withNotes(row, notes);
                Files.writeString(dir.resolve(JIT_TABLE), ModesReport.jitPage(row.key().label(), withForks, lines),
                        StandardCharsets.UTF_8);
                table = rel + JIT_TABLE;
                top = lines.stream().limit(JitDiff.MAX_LINES).toList();
                more = lines.size() - top.size();
            }
        } catch (IOException | RuntimeException e) {
            notes.add("the explanation could not be written: " + e.getMessage());
        }
        return new ModeExplanations.Row(row.flagSet(), row.key(), row.unit(), row.modes(), row.forks(), graph, table,
                top, more, notes);
    }

    /** A side's samples beside the graph, {@code fast-cpu.collapsed}: what a later look can diff again. */
    private static void writeStacks(Path dir, String side, Profiled p) throws IOException {
        Files.writeString(dir.resolve(side + "-" + EVENT + ".collapsed"), collapsed(p.stacks()), StandardCharsets.UTF_8);
    }

    /** Collapsed stacks as async-profiler writes them, {@code frame;frame count} a line, for a later diff. */
    static String collapsed(Map<String, Long> stacks) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(stacks).forEach((s, n) -> b.append(s).append(' ').append(n).append('\n'));
        return b.toString();
    }

    private static ModeExplanations.Row withNotes(ModeExplanations.Row r, List<String> notes) {
        return new ModeExplanations.Row(r.flagSet(), r.key(), r.unit(), r.modes(), r.forks(), r.flameGraph(),
                r.jitTable(), r.jit(), r.moreJit(), notes);
    }

    /** One line a row as it ends; the reports, printed as the run ends, carry the rest. */
    private ModeExplanations.Row say(ModeExplanations.Row r) {
        String scores = String.join(", ", r.forks().stream().map(f -> Figures.value(f.score(), r.unit()) + " (mode "
                + (f.mode() + 1) + ")").toList());
        out.println("taskbench:   " + r.key().label() + setSuffix(r.flagSet()) + ": " + (scores.isEmpty() ? "no fork"
                : scores) + (r.jitTable() != null ? "; " + (r.jit().size() + r.moreJit()) + " JIT difference(s) in "
                        + r.jitTable() : ""));
        r.notes().forEach(n -> out.println("taskbench:     " + n));
        return r;
    }

    /** The benchmark's package: its own code, whose methods count even where no sample saw them. */
    static String ownPackage(BenchmarkKey key) {
        String method = key.benchmark();
        int cls = method.lastIndexOf('.', Math.max(0, method.lastIndexOf('.') - 1));
        return cls > 0 ? method.substring(0, cls) : "";
    }

    /** {@code FormParsingBenchmark.decode-decoder-tomcat-avgt-t1}, with its flag set when it is not the default. */
    static String folder(String flagSet, BenchmarkKey key) {
        StringBuilder b = new StringBuilder(key.shortName());
        key.params().forEach((k, v) -> b.append('-').append(k).append('-').append(v));
        b.append('-').append(key.mode()).append("-t").append(key.threads()).append(setSuffix(flagSet).replace(" ", ""));
        return b.toString().replaceAll("[^A-Za-z0-9._=+-]", "_");
    }

    private static String setSuffix(String flagSet) {
        return flagSet.equals(RunResults.DEFAULT_FLAG_SET) ? "" : " (" + flagSet + ")";
    }
}
