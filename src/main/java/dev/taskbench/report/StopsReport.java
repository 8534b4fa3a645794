package dev.taskbench.report;

import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RunResults;
import dev.taskbench.results.StopLog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How many forks each row of a run got and why ({@link StopLog}): one line of counts, those that
 * stopped at the minimum, in between, out of the cap's reach and at the cap, naming the last two; the
 * rows table gives each row's reason. Present only when the run kept a log.
 */
public final class StopsReport {
    static final String TITLE = "Forks per row";
    static final String LEGEND = "a row gets forks until its stop rule holds or it reaches the cap: alone, the"
            + " interval of its median narrow enough, or so wide that the cap could not narrow it enough; beside a"
            + " baseline jar, its comparison decided; -f fixes them";

    private StopsReport() {
    }

    static Optional<Section> of(RunResults run) {
        Optional<StopLog> log = StopLog.of(run.metadata());
        if (log.isEmpty() || log.get().rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("stops", TITLE, LEGEND, false,
                List.of(new Paragraph(summary(log.get(), run.flagSets().size() > 1)))));
    }

    /** The row's reason, when the run's log has one and its forks were not simply fixed. */
    static Optional<String> reason(Optional<StopLog> log, RowKey row) {
        return log.flatMap(l -> l.of(row)).filter(s -> s.kind() != StopLog.Kind.FIXED).map(StopLog.Stop::reason);
    }

    /** Whether the rows table has a column of reasons: a log whose forks were not all fixed. */
    static boolean hasReasons(Optional<StopLog> log) {
        return log.isPresent() && log.get().rows().stream().anyMatch(s -> s.kind() != StopLog.Kind.FIXED);
    }

    /**
     * "Rule: width <= 10% of the median, 3 to 8 forks. 42 row(s) stopped at 3 forks, 6 at 4-7, 3 out of the
     * cap's reach at 5: C, D, E, 2 at the cap of 8: A, B."
     */
    static String summary(StopLog log, boolean severalFlagSets) {
        return summary(log, severalFlagSets, true);
    }

    /** The same without the rows' names, as the console says it when the stop rule ends. */
    public static String counts(StopLog log) {
        return summary(log, false, false);
    }

    private static String summary(StopLog log, boolean severalFlagSets, boolean named) {
        List<StopLog.Stop> rows = log.rows();
        if (rows.stream().allMatch(s -> s.kind() == StopLog.Kind.FIXED)) {
            return "Forks " + log.rule() + ": " + rows.size() + " row(s).";
        }
        boolean paired = rows.stream().anyMatch(s -> s.kind() == StopLog.Kind.DECIDED
                || s.kind() == StopLog.Kind.UNDECIDED);
        String unit = paired ? " pairs" : " forks";
        List<StopLog.Stop> held = rows.stream().filter(s -> s.kind() == StopLog.Kind.WIDTH
                || s.kind() == StopLog.Kind.DECIDED).toList();
        List<StopLog.Stop> beyond = rows.stream().filter(s -> s.kind() == StopLog.Kind.OUT_OF_REACH).toList();
        List<StopLog.Stop> capped = rows.stream().filter(s -> !held.contains(s) && !beyond.contains(s)).toList();
        long atMin = held.stream().filter(s -> s.forks() <= log.minForks()).count();
        List<StopLog.Stop> between = held.stream().filter(s -> s.forks() > log.minForks()).toList();
        StringBuilder b = new StringBuilder("Rule: " + log.rule() + ". ");
        b.append(atMin).append(" row(s) ").append(paired ? "decided after " : "stopped at ").append(log.minForks())
                .append(unit);
        if (!between.isEmpty()) {
            b.append(", ").append(between.size()).append(" at ").append(span(between));
        }
        if (!beyond.isEmpty()) {
            b.append(", ").append(beyond.size()).append(" out of the cap's reach at ").append(span(beyond))
                    .append(named ? ": " + names(beyond, severalFlagSets) : "");
        }
        if (!capped.isEmpty()) {
            b.append(", ").append(capped.size()).append(paired ? " undecided" : " at the cap of " + log.cap())
                    .append(named ? ": " + names(capped, severalFlagSets) : "");
        }
        return b.append('.').toString();
    }

    /** "5", or "4\u20137" when the rows' forks differ. */
    private static String span(List<StopLog.Stop> rows) {
        int lo = rows.stream().mapToInt(StopLog.Stop::forks).min().orElseThrow();
        int hi = rows.stream().mapToInt(StopLog.Stop::forks).max().orElseThrow();
        return lo == hi ? String.valueOf(lo) : lo + "\u2013" + hi;
    }

    private static String names(List<StopLog.Stop> rows, boolean severalFlagSets) {
        return rows.stream().map(s -> s.key().label() + (severalFlagSets ? " (" + s.flagSet() + ")" : ""))
                .collect(Collectors.joining(", "));
    }
}
