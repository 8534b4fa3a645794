package dev.taskbench.cli;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.Settings;
import dev.taskbench.report.HtmlReport;
import dev.taskbench.report.MarkdownReport;
import dev.taskbench.report.TextReport;
import dev.taskbench.results.RunResults;
import dev.taskbench.runner.RunRequest;
import dev.taskbench.runner.SuiteRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mvn jmh:compare -Dbase=RUN -Dcandidate=RUN}: per-fork statistics between two runs,
 * printed as a table and written as Markdown and HTML. With {@code -Dtaskbench.gate=true} the
 * exit code is {@value #REGRESSION} when a row is significantly slower beyond the effect size
 * (or allocates more). From the uber-jar:
 * {@code java -cp target/benchmarks.jar dev.taskbench.cli.CompareCommand -Dbase=… -Dcandidate=…}.
 */
public final class CompareCommand {
    /** Exit code of a gate that found a regression. */
    public static final int REGRESSION = 3;
    public static final String EFFECT = "taskbench.effect";

    private CompareCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            SuiteRunner.applySettings(args);
            Settings s = Settings.fromSystem();
            String base = s.get("base", "TASKBENCH_BASE");
            String candidate = s.get("candidate", "TASKBENCH_CANDIDATE");
            if (base == null || candidate == null) {
                throw new TaskbenchException("give two runs: -Dbase=RUN -Dcandidate=RUN (a folder name under results/ "
                        + "or a path to a run folder or JMH JSON file)");
            }
            Path root = resultsRoot(s);
            Comparison c = compareAndReport(root, RunResults.locate(root, base), RunResults.locate(root, candidate),
                    options(s), out);
            return Boolean.parseBoolean(s.get("taskbench.gate", null)) ? gateVerdict(c, err) : 0;
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return 1;
        }
    }

    public static Path resultsRoot(Settings s) {
        return SuiteRunner.projectDir().resolve(RunRequest.resultsDir(s));
    }

    public static Criteria options(Settings s) {
        String effect = s.get(EFFECT, null);
        if (effect == null) {
            return Criteria.defaults();
        }
        try {
            return Criteria.defaults().withMinEffect(Double.parseDouble(effect));
        } catch (IllegalArgumentException e) {
            throw new TaskbenchException("-D" + EFFECT + " must be a fraction such as 0.05, got: " + effect, e);
        }
    }

    /**
     * Compares, prints the table, writes {@code compare-<base>-vs-<candidate>/report.md|html}
     * under {@code root}, and returns the comparison.
     */
    public static Comparison compareAndReport(Path root, Path base, Path candidate, Criteria options, PrintStream out) {
        RunResults b = RunResults.read(base);
        RunResults c = RunResults.read(candidate);
        Comparison cmp = Comparison.compare(b, c, options);
        out.print(TextReport.render(cmp));
        Path dir = root.resolve("compare-" + safe(b.runId()) + "-vs-" + safe(c.runId()));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new TaskbenchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        MarkdownReport.write(cmp, dir.resolve("report.md"));
        HtmlReport.write(cmp, dir.resolve("report.html"));
        out.println("taskbench: comparison reports written to " + dir.resolve("report.md") + " and report.html");
        return cmp;
    }

    /** 0 when the gate passes; {@value #REGRESSION} after printing the rows that failed it. */
    public static int gateVerdict(Comparison c, PrintStream err) {
        if (c.passesGate()) {
            return 0;
        }
        err.println("taskbench: gate failed: " + c.gateFailures().size() + " significant regression(s):");
        c.gateFailures().forEach(r -> err.println("  " + r.flagSet() + "  " + r.key().label() + ": "
                + r.gateFailure().orElse("regression")));
        return REGRESSION;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
