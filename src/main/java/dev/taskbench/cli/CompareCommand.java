package dev.taskbench.cli;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.report.ComparisonReports;
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
    public static final int REGRESSION = ExitCodes.REGRESSION;
    public static final String EFFECT = Criteria.EFFECT;

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
            Comparison c = ComparisonReports.compareAndReport(root, RunResults.locate(root, base), RunResults.locate(root, candidate),
                    options(s), out);
            return Boolean.parseBoolean(s.get("taskbench.gate", null)) ? ComparisonReports.gateVerdict(c, err) : 0;
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return 1;
        }
    }

    public static Path resultsRoot(Settings s) {
        return ProjectPaths.resultsRoot(s);
    }

    public static Criteria options(Settings s) {
        return Criteria.from(s);
    }

}
