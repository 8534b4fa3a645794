package dev.taskbench.report;

import dev.taskbench.compare.Criteria;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.history.RatioDrift;
import dev.taskbench.results.RunResults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes a run folder's {@value #MARKDOWN}, {@value #HTML} and, for a steady run, its {@value SteadyStateFile#NAME}:
 * the one place a run's report is built, so a whole run and the merge of a sharded run's folders report alike.
 */
public final class RunReportFiles {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private RunReportFiles() {
    }

    /**
     * Answers {@code run}'s findings, their intervals widened by the drift of the runs under {@code resultsRoot} but
     * {@code leftOut}, and writes the files into the run's folder ({@link RunResults#source}); answers the findings,
     * for a caller that prints them.
     */
    public static List<Answer> write(RunResults run, Criteria criteria, Path resultsRoot, Set<String> leftOut,
            PrintStream err) {
        List<Answer> answers = Findings.of(run, criteria, RatioDrift.under(resultsRoot, run, criteria, leftOut, err));
        Path folder = run.source();
        if (SteadyStateFile.applies(run)) {
            SteadyStateFile.write(run, folder.resolve(SteadyStateFile.NAME));
        }
        Report report = RunReport.of(run, answers, criteria);
        ReportFormat.MARKDOWN.write(report, folder.resolve(MARKDOWN));
        ReportFormat.HTML.write(report, folder.resolve(HTML));
        return answers;
    }

    /** The line that says where a run's reports are, as a run and a merge print it. */
    public static String where(Path folder) {
        return "taskbench: reports: " + folder.resolve(HTML) + " and " + MARKDOWN + " beside it";
    }
}
