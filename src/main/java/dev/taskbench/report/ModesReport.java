package dev.taskbench.report;

import dev.taskbench.findings.Standing;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.ForkModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a run whose fork scores land in more than one mode ({@link ForkModes}), each with its
 * modes' locations and counts: such a row's median and interval describe a mixture, not one level.
 */
public final class ModesReport {
    static final String TITLE = "Rows in more than one mode";
    static final String LEGEND = "forks grouped by Engelman and Hartigan's test for clusters on the fork scores";

    private ModesReport() {
    }

    /** For the terminal: the bimodal rows, or nothing when every row is in one mode. */
    public static String text(RunResults run) {
        return of(run).map(s -> ReportFormat.TEXT.render(new Report(s.title(), s.legend(), s.blocks()))).orElse("");
    }

    /** The section, present only when some row lands in more than one mode. */
    static Optional<Section> of(RunResults run) {
        List<Text> lines = new ArrayList<>();
        for (BenchmarkResult r : run.results()) {
            Standing.modes(r).filter(ForkModes::multimodal).ifPresent(m -> lines.add(Text.of(line(r, m, run))));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("modes", TITLE, LEGEND, false, List.of(new Items(null, null, lines))));
    }

    /** "FormParsingBenchmark.decode [input=seed] avgt t1: 2 modes: 3 forks near 150 ns, 2 near 200 ns". */
    static String line(BenchmarkResult r, ForkModes m, RunResults run) {
        String flagSet = run.flagSets().size() > 1 ? " (" + r.flagSet() + ")" : "";
        return r.key().label() + flagSet + ": " + m.describe(r.unit());
    }
}
