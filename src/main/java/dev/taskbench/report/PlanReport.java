package dev.taskbench.report;

import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.PlanLog;
import dev.taskbench.results.RunResults;
import java.util.List;
import java.util.Optional;

/**
 * What a run planned for each row before its first fork and why ({@link PlanLog}): one line of
 * counts, then one line per row. Present only when the run kept a plan.
 */
public final class PlanReport {
    static final String TITLE = "Plan per row";
    static final String LEGEND = "each row starts at the forks, iterations and warm-up earlier runs of its testbed ask"
            + " for (Kalibera and Jones' split of the variance between and within forks, a steady run's warm-up),"
            + " else the profile's; the stop rule may add forks";

    private PlanReport() {
    }

    /** For the terminal, before the first fork. */
    public static String text(PlanLog log) {
        return ReportFormat.TEXT.render(new Report(TITLE, LEGEND, blocks(log)));
    }

    static Optional<Section> of(RunResults run) {
        Optional<PlanLog> log = PlanLog.of(run.metadata());
        if (log.isEmpty() || log.get().rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("plan", TITLE, LEGEND, false, blocks(log.get())));
    }

    private static List<Block> blocks(PlanLog log) {
        long planned = log.rows().stream().filter(PlanLog.Planned::fromHistory).count();
        int runs = log.runs().size();
        String summary = planned == 0 ? "Every row (" + log.rows().size() + ") from the profile: no earlier run of"
                + " its testbed."
                : planned + " of " + log.rows().size() + " row(s) planned from " + runs + " earlier run"
                        + (runs == 1 ? "" : "s") + " of their testbed, the rest from the profile.";
        return List.of(new Paragraph(summary), new Items("plan-rows", "Rows (" + log.rows().size() + ")",
                log.rows().stream().map(r -> Text.of(r.line())).toList()));
    }
}
