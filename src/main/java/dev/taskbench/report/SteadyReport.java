package dev.taskbench.report;

import dev.taskbench.report.Report.Cell;
import dev.taskbench.report.Report.Column;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Table;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.RunResults;
import dev.taskbench.stability.RowSteadiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A steady run's rows ({@link SteadyRow}): each row's forks by class, whether they agree, how long
 * they took to reach steady state, beside the warm-up its class declares and the one the standard
 * profile gives it; then the rows whose warm-up ends before they are steady, and apart from them the
 * rows some fork of which never is (a longer warm-up would not settle it). Present only for a run
 * that measured from each fork's first iteration.
 */
public final class SteadyReport {
    static final String TITLE = "Steady state per fork";
    static final String LEGEND = "each fork's iterations from its first, classified by Barrett et al.'s method"
            + " (PELT change points); steady after: median [interquartile range] over the forks that reach one";
    static final String SHORT = "Warm-ups shorter than the measured steady state";
    static final String NEVER = "Rows with forks that never reached a steady state (no warm-up settles them)";

    private SteadyReport() {
    }

    /** For the terminal: the section, or nothing when the run is not a steady one. */
    public static String text(RunResults run) {
        return of(run).map(s -> ReportFormat.TEXT.render(new Report(s.title(), s.legend(), s.blocks()))).orElse("");
    }

    static Optional<Section> of(RunResults run) {
        List<SteadyRow> rows = SteadyRow.of(run);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<List<Cell>> cells = new ArrayList<>();
        List<Text> named = new ArrayList<>();
        List<Text> never = new ArrayList<>();
        for (SteadyRow r : rows) {
            cells.add(cells(r));
            if (r.declaredTooShort() || r.standardTooShort()) {
                named.add(Text.of(line(r)));
            } else if (r.stability().steadiness().neverSteady()) {
                never.add(Text.of(line(r)));
            }
        }
        Table table = new Table(List.of(Column.left("benchmark"), Column.left("flag set"), Column.left("forks"),
                Column.left("consistency"), Column.right("steady after"), Column.right("declared warm-up"),
                Column.right("standard warm-up")), cells, null);
        List<Report.Block> blocks = new ArrayList<>(List.of(table));
        blocks.add(new Items("steady-short", SHORT, named.isEmpty() ? List.of(Text.of("none: every row is steady"
                + " (the median of its steady forks) within its declared and its standard warm-up")) : named));
        if (!never.isEmpty()) {
            blocks.add(new Items("steady-never", NEVER, never));
        }
        return Optional.of(new Section("steady", TITLE, LEGEND, false, blocks));
    }

    private static List<Cell> cells(SteadyRow r) {
        RowSteadiness s = r.stability().steadiness();
        return RunReport.cells(r.result().key().label(), r.result().flagSet(), counts(s),
                s.consistency().map(RowSteadiness.Consistency::text).orElse("-"), steadyAfter(s),
                r.plan().declared().map(d -> d + " (" + Fmt.seconds(r.plan().declaredSeconds()) + ")").orElse("none"),
                Fmt.seconds(r.plan().standardSeconds()));
    }

    /** "flat 7, warm-up 2, no steady state 1". */
    static String counts(RowSteadiness s) {
        return s.counts().entrySet().stream().map(e -> e.getKey().text() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** "1.8 s [1.2 s, 2.4 s]", or "never" when no fork is steady. */
    static String steadyAfter(RowSteadiness s) {
        return s.secondsToSteady().map(m -> {
            double[] iqr = s.secondsToSteadyIqr().orElseThrow();
            return Fmt.seconds(m) + " [" + Fmt.seconds(iqr[0]) + ", " + Fmt.seconds(iqr[1]) + "]";
        }).orElse("never");
    }

    /**
     * "FormParsingBenchmark.decode [...] avgt t1: steady after 2.4 s in 9 of 10 forks; never steady in 1
     * (...); the declared 4 x 500 ms warms 2.0 s; the standard profile warms 2.0 s".
     */
    static String line(SteadyRow r) {
        StringBuilder s = new StringBuilder(r.result().key().label());
        if (!r.result().flagSet().equals(RunResults.DEFAULT_FLAG_SET)) {
            s.append(" (").append(r.result().flagSet()).append(")");
        }
        s.append(": ").append(r.stability().steadiness().describe());
        if (r.declaredTooShort()) {
            s.append("; the declared ").append(r.plan().declared().orElseThrow()).append(" warms ")
                    .append(Fmt.seconds(r.plan().declaredSeconds()));
        }
        if (r.standardTooShort()) {
            s.append("; the standard profile warms ").append(Fmt.seconds(r.plan().standardSeconds()));
        }
        return s.toString();
    }
}
