package dev.taskbench.stability;

import dev.taskbench.compare.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a finding's ratio interval answers its question, and if not, why, from the forks of its
 * rows: undecided when the interval holds 1 (it cannot say which side is faster) or its upper bound
 * is more than {@value #MAX_SPAN} times its lower (a factor-of-two guess is not an answer), the
 * issue's rule, or when it rests on forks the rest of the machine disturbed that no re-run replaced
 * (their scores measure the neighbour as much as the code); the reason names the rows whose forks disagree, their modes, and how many were
 * disturbed: "forks disagree: 150 to 2,332 ns; 3 of 5 disturbed".
 */
public final class Undecided {
    public static final double MAX_SPAN = 2;
    /** A row's forks disagree when the slowest is this much slower than the fastest. */
    static final double FORKS_DISAGREE = 1.25;

    private Undecided() {
    }

    /**
     * One row a finding rests on.
     *
     * @param label how the reason names it ("taskbench decoder"); empty for a finding on one row
     * @param levels its fork levels
     * @param disturbed how many of its forks were suspect for the machine's load
     * @param modes its modes, if checked
     */
    public record RowForks(String label, String unit, double[] levels, int disturbed, Optional<ForkModes> modes) {
        public RowForks {
            levels = levels.clone();
        }
    }

    /** @param reason why it is undecided, or empty when the interval answers */
    public record Decision(boolean undecided, String reason) {
    }

    public static Decision judge(Interval ratio, List<RowForks> rows) {
        boolean holdsOne = ratio.contains(1);
        double span = ratio.high() / ratio.low();
        boolean wide = !(span <= MAX_SPAN);
        boolean disturbed = rows.stream().anyMatch(r -> r.disturbed() > 0);
        if (!holdsOne && !wide && !disturbed) {
            return new Decision(false, "");
        }
        List<String> parts = new ArrayList<>();
        String interval = String.format(Locale.ROOT, "interval [%s, %s]", ratioText(ratio.low()), ratioText(ratio.high()));
        parts.add(interval + (holdsOne ? " holds 1" : "") + (holdsOne && wide ? " and" : "")
                + (wide ? String.format(Locale.ROOT, " spans %.1fx", span) : "")
                + (holdsOne || wide ? "" : " rests on forks the machine disturbed"));
        rows.stream().map(Undecided::evidence).flatMap(Optional::stream).forEach(parts::add);
        if (parts.size() == 1) {
            parts.add("the forks agree: the rows may not differ");
        }
        return new Decision(true, String.join("; ", parts));
    }

    /**
     * "forks disagree: 150 to 2,332 ns; 3 of 5 disturbed", with the modes when it has them; empty
     * when its forks agree and none was disturbed.
     */
    static Optional<String> evidence(RowForks row) {
        double min = Arrays.stream(row.levels()).min().orElse(Double.NaN);
        double max = Arrays.stream(row.levels()).max().orElse(Double.NaN);
        boolean modal = row.modes().filter(ForkModes::multimodal).isPresent();
        if (!(max / min >= FORKS_DISAGREE) && row.disturbed() == 0 && !modal) {
            return Optional.empty();
        }
        return Optional.of((row.label().isEmpty() ? "" : row.label() + " ") + "forks disagree: " + Figures.number(min)
                + " to " + Figures.value(max, row.unit()) + (modal ? ", " + row.modes().get().describe(row.unit()) : "")
                + (row.disturbed() > 0 ? "; " + row.disturbed() + " of " + row.levels().length + " disturbed" : ""));
    }

    private static String ratioText(double r) {
        return String.format(Locale.ROOT, "%.3gx", r);
    }
}
