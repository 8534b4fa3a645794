package dev.taskbench.cli;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.config.Command;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.history.ChangePoints;
import dev.taskbench.history.RunHistory;
import dev.taskbench.report.HistoryReport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code mvn jmh:history}: every run under {@code results/} (or {@code -Dtaskbench.history.dir},
 * a folder of unpacked nightly artifacts) in time order, grouped by the testbed each row depends on; per row the series
 * of per-run medians with intervals and its change points; writes {@code history.md} and
 * {@code history.html} into {@code -Dtaskbench.history.out} (default {@code <dir>/history}).
 * From the uber-jar: {@code java -cp target/benchmarks.jar dev.taskbench.cli.HistoryCommand}.
 */
public final class HistoryCommand {
    static final String DIR = SettingsCatalogue.HISTORY_DIR.key();
    static final String OUT = SettingsCatalogue.HISTORY_OUT.key();
    static final String MAX_P = SettingsCatalogue.HISTORY_MAX_P.key();
    static final String WINDOW = SettingsCatalogue.HISTORY_WINDOW.key();

    /** The history's settings, read once. */
    record HistorySettings(Path dir, Path out, ChangePoints.Params params, Criteria criteria) {
        static HistorySettings from(Settings s) {
            Path dir = s.path(DIR, null, ProjectPaths.resultsRoot(s));
            ChangePoints.Params d = ChangePoints.Params.defaults();
            ChangePoints.Params p = new ChangePoints.Params(s.integer(WINDOW, null, d.window(), 4, 100_000),
                    s.decimal(MAX_P, null, d.maxP(), 1e-12, 0.5), d.minMagnitude());
            return new HistorySettings(dir, s.path(OUT, null, dir.resolve("history")), p, Criteria.from(s));
        }
    }

    private HistoryCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Command.run("the history", args, System.getenv(), err, s -> history(HistorySettings.from(s), out, err));
    }

    static int history(HistorySettings h, PrintStream out, PrintStream err) {
        RunHistory history = RunHistory.read(h.dir(), h.criteria(), err);
        if (history.runs().isEmpty()) {
            throw new TaskbenchException("no runs under " + h.dir() + " (a run folder holds jmh-*.json)");
        }
        HistoryReport report = new HistoryReport(history, h.params());
        out.print(report.text(h.dir()));
        report.write(h.out());
        out.println("taskbench: history written to " + h.out().resolve("history.md") + " and history.html");
        return ExitCodes.OK;
    }
}
