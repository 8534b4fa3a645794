package dev.taskbench.cli;

import dev.taskbench.ExitCodes;
import dev.taskbench.compare.Comparison;
import dev.taskbench.config.Command;
import dev.taskbench.report.ComparisonReports;
import java.io.PrintStream;

/**
 * {@code mvn jmh:compare -Dbase=RUN -Dcandidate=RUN}: per-fork statistics between two runs,
 * printed as a table and written as Markdown and HTML ({@code RUN:FLAGSET} takes one flag set of a
 * run). With {@code -Dtaskbench.gate=true} the exit code is {@value #REGRESSION} when a row is
 * significantly slower beyond the effect size (or allocates more), and 4 when the gate cannot
 * judge (see {@link ComparisonReports#gateVerdict}). With {@code -Dtaskbench.profile.regressions=true}
 * it writes a differential flame graph per SLOWER row from both runs' profiles. From the uber-jar:
 * {@code java -cp target/benchmarks.jar dev.taskbench.cli.CompareCommand -Dbase=… -Dcandidate=…}.
 */
public final class CompareCommand {
    /** Exit code of a gate that found a regression. */
    public static final int REGRESSION = ExitCodes.REGRESSION;

    private CompareCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the comparison", args, System.getenv(), err, s -> compare(CompareSettings.from(s), out, err));
    }

    static int compare(CompareSettings c, PrintStream out, PrintStream err) {
        Comparison cmp = ComparisonReports.compareAndReport(c.resultsRoot(), c.base(), c.candidate(), c.criteria(),
                c.profileRegressions(), out);
        return c.gate() ? ComparisonReports.gateVerdict(cmp, c.acrossTestbeds(), err) : ExitCodes.OK;
    }
}
