package dev.taskbench.report;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Text;
import dev.taskbench.stability.DetectableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What each compared row can detect, from both sides' fork spreads ({@link DetectableChange#pooled}):
 * at its forks (the fewer of the two sides) and at the adaptive cap, and the rows that cannot see
 * {@link RunReport#MUST_SEE} at the cap, listed so a blind row is not left to read as UNKNOWN.
 */
final class ComparedDetection {
    private final Criteria criteria;
    private final int rows;
    private final OptionalInt cap;

    /** {@code cap}: the adaptive cap the runs were given, forks a side; empty when none was recorded. */
    ComparedDetection(Comparison c, OptionalInt cap) {
        this.criteria = c.options();
        this.rows = (int) Math.max(1, c.rows().stream().filter(r -> !Double.isNaN(r.p())).count());
        this.cap = cap;
    }

    /** The row's detectable change; empty below two forks a side, without a direction or with a score not above 0. */
    Optional<DetectableChange> of(Row r) {
        double[] b = r.baseForks().stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = r.candidateForks().stream().mapToDouble(Double::doubleValue).toArray();
        boolean usable = b.length >= 2 && c.length >= 2 && positive(b) && positive(c) && r.direction().isPresent();
        return usable ? Optional.of(DetectableChange.pooled(b, c, r.direction().get(), criteria, rows)) : Optional.empty();
    }

    private static boolean positive(double[] v) {
        return java.util.Arrays.stream(v).allMatch(x -> x > 0 && Double.isFinite(x));
    }

    static int forks(Row r) {
        return Math.min(r.baseForks().size(), r.candidateForks().size());
    }

    /** The table's cell: "±4.0%", with the cap's figure beside it when the cap adds forks: "±4.0%, ±2.1% at 12". */
    String cell(Row r) {
        return of(r).map(d -> RunReport.canSee(d, forks(r), cap)).orElse("-");
    }

    /** The rows that cannot see {@link RunReport#MUST_SEE} at the cap (without one, at their forks). */
    Optional<Items> blind(List<Row> all) {
        List<Text> lines = new ArrayList<>();
        Map<Integer, String> noneCan = new TreeMap<>();
        Map<Integer, Integer> noneCanRows = new TreeMap<>();
        for (Row r : all) {
            int at = Math.max(cap.orElse(0), forks(r));
            Optional<DetectableChange> d = of(r).filter(x -> !x.sees(RunReport.MUST_SEE, at));
            if (d.isPresent() && d.get().at(at).isEmpty()) { // the fork count, not the row: one line for all
                noneCan.put(at, d.get().describe(at));
                noneCanRows.merge(at, 1, Integer::sum);
            } else {
                d.ifPresent(x -> lines.add(Text.of(r.flagSet() + " " + r.key().label() + ": " + x.describe(at))));
            }
        }
        noneCan.forEach((forks, why) -> lines.add(0, Text.of(noneCanRows.get(forks) + " rows: " + why)));
        String where = cap.isPresent() ? "at the adaptive cap, " + cap.getAsInt() + " forks a side"
                : "at their forks (no adaptive cap recorded)";
        return lines.isEmpty() ? Optional.empty() : Optional.of(new Items("blind", "Rows that cannot see a "
                + Fmt.percent(RunReport.MUST_SEE).substring(1) + " change " + where, lines));
    }
}
