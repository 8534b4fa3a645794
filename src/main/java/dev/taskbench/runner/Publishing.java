package dev.taskbench.runner;

import dev.taskbench.ExitCodes;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.findings.Answer;
import dev.taskbench.report.ComparisonReports;
import dev.taskbench.report.FindingsReport;
import dev.taskbench.report.ForksReport;
import dev.taskbench.report.ModesReport;
import dev.taskbench.report.Pivot;
import dev.taskbench.report.RunReport;
import dev.taskbench.report.RunReportFiles;
import dev.taskbench.results.FailedRows;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.StopLog;
import dev.taskbench.report.SteadyReport;
import dev.taskbench.results.JmhJsonReader;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.ReferenceResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.WarmupPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The last phase of a run: its files in the staging folder (a JMH JSON per flag set that ran, the
 * baseline jar's rounds joined, the pivot, the reference runtimes, the ceiling, a steady run's
 * forks by class), its reports, the
 * one rename that publishes it, the findings screen, and the verdict against its base. Every
 * call into the report package, and the pivot, is made here.
 */
final class Publishing {
    static final String PIVOT_FILE = "pivot.txt";
    static final String REFERENCE_FILE = "reference.json";
    static final String CEILING_FILE = "ceiling.txt";

    /** What the staging folder holds once the measurements are written: the flag sets that ran, and their files. */
    record Written(List<Planned> ran, Map<String, Path> files) {
    }

    private final RunSettings settings;
    private final ResultsStore store;
    private final RunPlan plan;
    private final RunSite site;
    private final PrintStream out;
    private final PrintStream err;

    Publishing(RunSettings settings, ResultsStore store, RunPlan plan, RunSite site, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.store = store;
        this.plan = plan;
        this.site = site;
        this.out = out;
        this.err = err;
    }

    /** The metadata as the run starts ({@link RunMetadata}), with the fork JVM arguments of its first flag set. */
    Map<String, Object> started(List<String> forkJvmArgs) {
        return RunMetadata.collect(site.runId(), settings.request(), settings.request().jmhArgs(), forkJvmArgs,
                site.db(), settings.projectDir(), settings.roundTrip(), HeldDatabase.drivers(plan.selected()));
    }

    /**
     * The whole metadata: as the run started, then how each flag set fared, the rounds, the baseline
     * jar, the profiles, and what explains its bimodal rows ({@code modes} null: nothing was profiled).
     */
    Map<String, Object> metadata(Map<String, Object> started, Measurements measured, Map<String, Object> profiles,
            ForkLog forks, StopLog stops, ModeExplanations modes) {
        Map<String, Object> m = new LinkedHashMap<>(started);
        Map<String, Object> flagSets = new LinkedHashMap<>();
        plan.flagReport().forEach((set, planned) -> flagSets.put(set, fared(planned, measured.failures().get(set))));
        m.put("flagSets", flagSets);
        m.put("interleaved", plan.rounds() > 1 ? plan.rounds() + " rounds of 1 fork per flag set" : "no");
        m.put(RunReport.ADAPTIVE_CAP, settings.adaptiveForks());
        m.put(ForkLog.METADATA_KEY, forks);
        failedRows(measured).ifPresent(f -> m.put(FailedRows.METADATA_KEY, f));
        if (stops != null) {
            m.put(StopLog.METADATA_KEY, stops);
        }
        if (plan.baseline() != null) {
            m.put("baselineJar", settings.baselineJar().toString());
        }
        if (profiles != null) {
            m.put("profiles", profiles);
        }
        if (modes != null) {
            m.put(ModeExplanations.METADATA_KEY, modes);
        }
        if (plan.rows().profile() == Profile.STEADY) {
            m.put(WarmupPlan.METADATA_KEY, Warmups.of(plan.rows()));
        }
        return m;
    }

    /** The rows a failed fork ended, in the order they failed; empty when none did. */
    static Optional<FailedRows> failedRows(Measurements measured) {
        List<FailedRows.Failure> rows = new ArrayList<>();
        measured.failedRows().forEach((set, failed) -> failed.forEach((key, why) -> rows.add(
                new FailedRows.Failure(set, key, why))));
        return rows.isEmpty() ? Optional.empty() : Optional.of(new FailedRows(rows));
    }

    private static Map<String, Object> fared(Map<String, Object> planned, String failed) {
        if (failed == null) {
            return planned;
        }
        Map<String, Object> r = new LinkedHashMap<>(planned);
        r.put("status", "failed: " + failed);
        return r;
    }

    /** The measurements into the staging folder, then the pivot and the ceiling, each printed as written. */
    Written write(Measurements measured) throws IOException {
        List<Planned> ran = measured.survivors(plan.flagSets());
        mergeBaselineRounds(measured);
        Map<String, Path> files = new LinkedHashMap<>();
        for (Planned p : ran) {
            Path f = site.staging().resolve("jmh-" + p.flagSet().fileName() + ".json");
            measured.writeJson(p.flagSet().name(), f);
            files.put(p.flagSet().name(), f);
            List<RunResult> replaced = measured.replacedForks(p.flagSet().name());
            if (!replaced.isEmpty()) {
                Measurements.writeJson(replaced, site.staging().resolve(ForkLog.REPLACED_PREFIX + p.flagSet().fileName()
                        + ".json"));
            }
        }
        writePivot(ran, files);
        writeCeiling(files);
        return new Written(ran, files);
    }

    private void mergeBaselineRounds(Measurements measured) throws IOException {
        Path dir = site.staging().resolve(BaselineJar.FOLDER);
        for (Map.Entry<String, List<Path>> b : measured.baselineRounds().entrySet()) {
            BaselineJar.mergeRounds(b.getValue(), dir.resolve("jmh-" + b.getKey() + ".json"));
            for (Path f : b.getValue()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private void writePivot(List<Planned> ran, Map<String, Path> files) throws IOException {
        List<ReferenceResult> refs = references(plan.selected());
        if (ran.size() > 1 || !refs.isEmpty() || settings.flagSpec() != null) {
            String pivot = Pivot.read(files, refs, settings.criteria()).render();
            Files.writeString(site.staging().resolve(PIVOT_FILE), pivot, StandardCharsets.UTF_8);
            out.println();
            out.print(pivot);
        }
    }

    private List<ReferenceResult> references(List<BenchmarkListEntry> selected) throws IOException {
        if (!settings.timesReferences()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>();
        for (BenchmarkListEntry e : selected) {
            String ref = Pivot.referenceFor(e.getUsername());
            if (ref != null && !wanted.contains(ref)) {
                wanted.add(ref);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        out.println("taskbench: timing the reference runtimes (CPython, PyPy, Node) for " + wanted);
        ReferenceRuntimes r = ReferenceRuntimes.run(settings.projectDir().resolve("scripts").resolve("reference"),
                wanted);
        r.notes().forEach(n -> out.println("taskbench: reference: " + n));
        ResultsStore.writeJson(site.staging().resolve(REFERENCE_FILE), Map.of("results", r.results(), "notes",
                r.notes()));
        return r.results();
    }

    private void writeCeiling(Map<String, Path> files) throws IOException {
        if (!plan.ceilingCovered() || settings.ceiling().equals(CeilingPlan.OFF)) {
            return;
        }
        String ceiling = settings.ceiling().report(files, site.db().info(), site.runId(), out);
        Files.writeString(site.staging().resolve(CEILING_FILE), ceiling, StandardCharsets.UTF_8);
        out.println();
        out.print(ceiling);
    }

    /**
     * {@code report.md} and {@code report.html} ({@link RunReportFiles}: the findings, then per benchmark and flag
     * set the fork scores with intervals), the one rename that publishes the run, the index, and the
     * findings as the run's last screen. Answers the published folder.
     */
    Path publish(Written written, Map<String, Object> metadata) {
        RunResults run = new RunResults(site.staging(), site.runId(), metadata, ForkLog.apply(metadata,
                written.files().entrySet().stream().flatMap(f -> JmhJsonReader.read(f.getValue(), f.getKey()).stream())
                        .toList()));
        Criteria criteria = Criteria.defaults();
        List<Answer> answers = RunReportFiles.write(run, criteria, settings.resultsRoot(), Set.of(site.runId()), err);
        Path published = site.publish(() -> store.commit(site.runId(), metadata));
        store.writeIndex();
        out.println();
        out.print(FindingsReport.text(answers, criteria));
        out.print(ModesReport.text(run));
        out.print(ForksReport.text(run));
        out.print(SteadyReport.text(run));
        out.println();
        out.println(RunReportFiles.where(published));
        out.println("taskbench: results written to " + published);
        return published;
    }

    /**
     * Failed flag sets fail the run; else the comparison with the base (the baseline jar's results,
     * or {@code -Dbase}), the flame graphs of its SLOWER rows if asked, and the gate's verdict if asked.
     * Rows that failed fail a run that would else pass, after its comparison is printed.
     */
    int verdict(Measurements measured, Written written, Path published, FlameGraphs flameGraphs) {
        if (!measured.failures().isEmpty()) {
            err.println("taskbench: flag set(s) failed and are missing from the results: " + measured.failures());
            return ExitCodes.FAILED;
        }
        int verdict = compare(written, published, flameGraphs);
        Optional<FailedRows> failed = failedRows(measured);
        if (failed.isEmpty()) {
            return verdict;
        }
        err.println("taskbench: " + failed.get().rows().size() + " row(s) failed and are missing from the results: "
                + String.join("; ", failed.get().lines(plan.flagSets().size() > 1)));
        return verdict == ExitCodes.OK ? ExitCodes.FAILED : verdict;
    }

    private int compare(Written written, Path published, FlameGraphs flameGraphs) {
        Path against = plan.baseline() != null ? published.resolve(BaselineJar.FOLDER) : plan.base();
        if (against == null) {
            return ExitCodes.OK;
        }
        Comparison comparison = ComparisonReports.compareAndReport(store.root(), against, published,
                settings.criteria(), out);
        settings.profileRegressions().ifPresent(e -> {
            flameGraphs.slowerRows(comparison, written.ran(), published, e);
            ComparisonReports.writeRegressionProfiles(store.root(), comparison, against, published, e, out);
        });
        return settings.gate() ? ComparisonReports.gateVerdict(comparison, settings.acrossTestbeds(), err)
                : ExitCodes.OK;
    }
}
