package dev.taskbench.report;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A comparison as every command shows it: the table on the console, {@code report.md} and
 * {@code report.html} in {@code compare-<base>-vs-<candidate>/}, and the gate's verdict.
 */
public final class ComparisonReports {
    private ComparisonReports() {
    }

    /** Compares, prints the table, writes the reports under {@code root}, and returns the comparison. */
    public static Comparison compareAndReport(Path root, Path base, Path candidate, Criteria criteria, PrintStream out) {
        RunResults b = RunResults.read(base);
        RunResults c = RunResults.read(candidate);
        Comparison cmp = Comparison.compare(b, c, criteria);
        out.print(TextReport.render(cmp));
        Path dir = root.resolve("compare-" + safe(b.runId()) + "-vs-" + safe(c.runId()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TaskbenchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        MarkdownReport.write(cmp, dir.resolve("report.md"));
        HtmlReport.write(cmp, dir.resolve("report.html"));
        out.println("taskbench: comparison reports written to " + dir.resolve("report.md") + " and report.html");
        return cmp;
    }

    /** {@link ExitCodes#OK} when the gate passes; {@link ExitCodes#REGRESSION} after printing the rows that failed it. */
    public static int gateVerdict(Comparison c, PrintStream err) {
        if (c.passesGate()) {
            return ExitCodes.OK;
        }
        err.println("taskbench: gate failed: " + c.gateFailures().size() + " significant regression(s):");
        c.gateFailures().forEach(r -> err.println("  " + r.flagSet() + "  " + r.key().label() + ": "
                + r.gateFailure().orElse("regression")));
        return ExitCodes.REGRESSION;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
