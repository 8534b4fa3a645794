package dev.taskbench.report;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.compare.PairDrift;
import dev.taskbench.compare.TestbedCheck;
import dev.taskbench.findings.Findings;
import dev.taskbench.history.RatioDrift;
import dev.taskbench.history.RunDrift;
import dev.taskbench.history.RunHistory;
import dev.taskbench.results.ProfileEvent;
import dev.taskbench.results.RunSpec;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.ByModes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A comparison as every command shows it: the table on the console, {@code report.md} and
 * {@code report.html} in {@code compare-<base>-vs-<candidate>/}, differential flame graphs of
 * the SLOWER rows when asked, and the gate's verdict. Rows whose forks land in more than one mode on
 * a side are compared mode by mode ({@link ByModes}); two separate runs hold each row against its
 * run-to-run drift from the earlier runs of the testbed under the results folder ({@link RunDrift}), and
 * each side's findings their ratio's ({@link RatioDrift}).
 */
public final class ComparisonReports {
    private ComparisonReports() {
    }

    /** Compares, prints the table, writes the reports under {@code root}, and returns the comparison. */
    public static Comparison compareAndReport(Path root, Path base, Path candidate, Criteria criteria, PrintStream out) {
        RunResults br = RunResults.read(base);
        RunResults cr = RunResults.read(candidate);
        return report(root, br, cr, criteria, out);
    }

    /** Two separate runs (or an interleaved run's two sides), each held against the history under {@code root}. */
    private static Comparison report(Path root, RunResults br, RunResults cr, Criteria criteria, PrintStream out) {
        History h = History.of(root, br, cr, criteria);
        List<Findings.Pair> findings = Findings.paired(Findings.of(br, criteria, h.baseFindings()),
                Findings.of(cr, criteria, h.candidateFindings()), false);
        return report(root, compare(br, cr, criteria, h.rows()), findings, cap(br, cr), out);
    }

    /** Two runs as every command compares them: rows with modes on a side mode by mode, the rest by ranks. */
    public static Comparison compare(RunResults base, RunResults candidate, Criteria criteria) {
        return compare(base, candidate, criteria, Drift.NONE);
    }

    /** The same, with the testbed's run-to-run drift (used only when the two were not interleaved). */
    public static Comparison compare(RunResults base, RunResults candidate, Criteria criteria, Drift drift) {
        return Comparison.compare(base, candidate, criteria, new ByModes(), drift);
    }

    /**
     * The earlier runs under {@code root} on the testbeds the two runs' rows depend on, without the two
     * compared: each candidate row's drift, and each side's findings' drift.
     */
    private record History(Drift rows, PairDrift baseFindings, PairDrift candidateFindings) {
        static final History NONE = new History(Drift.NONE, PairDrift.NONE, PairDrift.NONE);

        static History of(Path root, RunResults base, RunResults candidate, Criteria criteria) {
            Optional<RunHistory> read = RunHistory.mediansUnder(root, criteria, System.err);
            if (read.isEmpty()) {
                return NONE;
            }
            RunHistory history = read.get();
            // two folders may share a run id (each run's interleaved baseline/ folder): a set that takes both
            Set<String> compared = new HashSet<>(List.of(base.runId(), candidate.runId()));
            return new History(RunDrift.of(history.seriesOf(candidate), compared),
                    RatioDrift.of(history.seriesOf(base), compared), RatioDrift.of(history.seriesOf(candidate), compared));
        }
    }

    /** The adaptive cap the candidate's run recorded, else the base's; empty when neither did. */
    private static OptionalInt cap(RunResults base, RunResults candidate) {
        OptionalInt c = RunReport.cap(candidate);
        return c.isPresent() ? c : RunReport.cap(base);
    }

    /** Each flag set's findings, paired question by question across the two: from their forks alone. */
    private static List<Findings.Pair> findings(RunResults base, RunResults candidate, Criteria criteria) {
        return Findings.paired(Findings.of(base, criteria), Findings.of(candidate, criteria), true);
    }

    /**
     * The same for {@code RUN[:FLAGSET]} on either side: with a flag set on either side, that
     * flag set of one run against (the same or another) flag set of the other run, which may be
     * the same run; a side without one takes the other side's. With {@code diffEvent}, then a
     * differential flame graph of that event per SLOWER row ({@link RegressionProfiles}).
     */
    public static Comparison compareAndReport(Path root, String base, String candidate, Criteria criteria,
            Optional<ProfileEvent> diffEvent, PrintStream out) {
        RunSpec b = RunSpec.parse(base, root);
        RunSpec c = RunSpec.parse(candidate, root);
        RunResults br = RunResults.read(RunResults.locate(root, b.run()));
        RunResults cr = RunResults.read(RunResults.locate(root, c.run()));
        Comparison cmp = report(root, b, br, c, cr, criteria, out);
        diffEvent.ifPresent(e -> RegressionProfiles.write(cmp, br, cr, e, dir(root, cmp), out));
        return cmp;
    }

    /**
     * The differential flame graphs of a comparison of two run folders (an interleaved run's
     * baseline and candidate), beside its reports: one per SLOWER row whose stacks both hold.
     */
    public static List<Path> writeRegressionProfiles(Path root, Comparison cmp, Path base, Path candidate,
            ProfileEvent event, PrintStream out) {
        return RegressionProfiles.write(cmp, RunResults.read(base), RunResults.read(candidate), event, dir(root, cmp),
                out);
    }

    private static Comparison report(Path root, RunSpec b, RunResults br, RunSpec c, RunResults cr, Criteria criteria,
            PrintStream out) {
        if (b.flagSet().isEmpty() && c.flagSet().isEmpty()) {
            return report(root, br, cr, criteria, out);
        }
        String bf = b.flagSet().orElseGet(() -> c.flagSet().get());
        String cf = c.flagSet().orElseGet(() -> b.flagSet().get());
        return report(root, Comparison.compareFlagSets(br, bf, cr, cf, criteria, new ByModes()),
                findings(Findings.only(br, bf), Findings.only(cr, cf), criteria), cap(br, cr), out);
    }

    private static Comparison report(Path root, Comparison cmp, List<Findings.Pair> findings, OptionalInt cap,
            PrintStream out) {
        Report report = ComparisonReport.of(cmp, findings, cap);
        cmp.testbeds().lines().forEach(out::println);
        out.print(ReportFormat.TEXT.render(report));
        Path dir = dir(root, cmp);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TaskbenchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        ReportFormat.MARKDOWN.write(report, dir.resolve("report.md"));
        ReportFormat.HTML.write(report, dir.resolve("report.html"));
        out.println("taskbench: comparison reports written to " + dir.resolve("report.md") + " and report.html");
        return cmp;
    }

    /** Where a comparison's reports go: {@code compare-<base>-vs-<candidate>/} under {@code root}. */
    private static Path dir(Path root, Comparison cmp) {
        return root.resolve("compare-" + safe(cmp.baseName()) + "-vs-" + safe(cmp.candidateName()));
    }

    /** {@link #gateVerdict(Comparison, boolean, PrintStream)} on one testbed only. */
    public static int gateVerdict(Comparison c, PrintStream err) {
        return gateVerdict(c, false, err);
    }

    /**
     * The gate: {@link ExitCodes#REGRESSION} after printing each row significantly slower beyond
     * the effect size (or allocating more); else {@link ExitCodes#NOT_JUDGED} when it could not
     * judge (base and candidate on other testbeds unless {@code acrossTestbeds}, nothing matched,
     * rows on one side only, rows UNKNOWN), saying why; else {@link ExitCodes#OK}.
     */
    public static int gateVerdict(Comparison c, boolean acrossTestbeds, PrintStream err) {
        TestbedCheck testbeds = c.testbeds();
        if (testbeds != null && !testbeds.allowsGate() && !acrossTestbeds) {
            err.println("taskbench: gate cannot judge: " + testbeds.refusal());
            return ExitCodes.NOT_JUDGED;
        }
        if (!c.passesGate()) {
            err.println("taskbench: gate failed: " + c.gateFailures().size() + " significant regression(s):");
            c.gateFailures().forEach(r -> err.println("  " + r.flagSet() + "  " + r.key().label() + ": "
                    + r.gateFailure().orElse("regression")));
            return ExitCodes.REGRESSION;
        }
        List<String> coverage = c.coverageFailures();
        if (!coverage.isEmpty()) {
            err.println("taskbench: gate cannot judge (no regression found among the rows it could judge):");
            coverage.forEach(line -> err.println("  " + line));
            return ExitCodes.NOT_JUDGED;
        }
        err.println("taskbench: gate passed: " + c.rows().size() + " row(s) judged, none significantly slower");
        return ExitCodes.OK;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
