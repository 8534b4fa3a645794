package dev.taskbench.stability;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.compare.MannWhitney;
import dev.taskbench.compare.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares two builds' forks mode by mode when either side has modes ({@link ForkModes}), instead of
 * one rank test over a mixture: whether the modes moved, and whether the forks moved between modes.
 *
 * <ul>
 * <li><b>Moved</b>: van Elteren's stratified rank-sum test (a Mann-Whitney test inside each mode,
 * summed over the modes, exact), which sees every mode moving together, and an exact Mann-Whitney test
 * per mode, which sees one mode moving alone; a weighted Bonferroni over the family (half the level
 * to van Elteren, the other half shared by the modes) gives one p. A moved mode counts only when it
 * moved by at least the minimum effect, as a row's median must in {@code compare.Comparison}.</li>
 * <li><b>Split</b>: Fisher's exact test on the 2 x k table of fork counts per mode (Freeman-Halton).</li>
 * <li>Each of the two questions gets half the comparison's alpha (Bonferroni).</li>
 * </ul>
 * Modes are matched in order, fastest with fastest, when both sides have as many. Otherwise the forks
 * of the side with fewer are placed in the other's modes: each in the nearest when one of its own modes
 * sits within the reach of one of the other's (a third of the way to the next mode, the reach
 * {@link ForkModes} holds forks by), so forks that moved between modes count as moved; when none of
 * its modes sits in one, the side is one level moved, not a mixture, and is matched under one common
 * shift, its main mode (most forks) onto the other's main mode. Without that, a one-mode side that
 * moved to about the middle of two modes lands half in each and reads as "the fast mode +19%, the slow
 * mode -10%", which cancel. When neither question could reach its level with these forks, the verdict
 * is UNKNOWN, never SAME.
 */
public final class ModeComparison {
    private ModeComparison() {
    }

    /**
     * A matched mode.
     *
     * @param baseLevel median of its base forks, NaN when it has none; likewise the candidate's
     * @param p the exact Mann-Whitney p of its forks, NaN when a side has none
     */
    public record ModeShift(String name, double baseLevel, double candidateLevel, int baseForks, int candidateForks,
            double p) {
        /** Relative change of its median in the score's unit, NaN when a side has no fork in it. */
        public double change() {
            return candidateLevel / baseLevel - 1;
        }
    }

    /**
     * @param reason in a few words: "the fast mode moved +19%"
     * @param shiftP the family's p for "a mode moved" (Bonferroni-adjusted, at most 1)
     * @param splitP Fisher-Freeman-Halton's two-sided p on the fork counts per mode
     * @param floorP the smallest {@link #p()} these forks per mode allow
     */
    public record ModeVerdict(Verdict verdict, String reason, ForkModes base, ForkModes candidate,
            List<ModeShift> modes, double shiftP, double splitP, double floorP) {
        public ModeVerdict {
            modes = List.copyOf(modes);
        }

        /**
         * One p for "nothing changed" over both questions, Bonferroni as the verdict splits alpha:
         * at most alpha exactly when a question reached alpha / 2. What a multiple-comparison
         * correction over many rows takes in place of the rank test's p.
         */
        public double p() {
            return Math.min(1, 2 * Math.min(shiftP, splitP));
        }

        /** "SLOWER: the fast mode moved +19%". */
        public String describe() {
            return verdict + ": " + reason;
        }
    }

    /**
     * The mode-aware verdict, or empty when neither side has modes (the row's rank test stands).
     *
     * @param noise Barrett's p90 - p10 of the iteration noise inside the forks (log scale), 0 when unknown
     */
    public static Optional<ModeVerdict> compare(double[] base, double[] candidate, double noise, Direction direction,
            Criteria criteria, String unit) {
        ForkModes b = ForkModes.of(base, noise, direction);
        ForkModes c = ForkModes.of(candidate, noise, direction);
        if (!b.multimodal() && !c.multimodal()) {
            return Optional.empty();
        }
        Columns cols = Columns.of(b, c, direction, unit);
        List<ModeShift> shifts = cols.shifts(base, candidate);
        Moved moved = Moved.of(cols.values(base, cols.base), cols.values(candidate, cols.candidate), shifts, criteria);
        ExactTests.Result split = ExactTests.fisher(cols.counts(cols.base), cols.counts(cols.candidate));
        double level = criteria.alpha() / 2;
        Optional<Boolean> shiftSlower = moved.up(level).map(up -> up == (direction == Direction.LOWER_IS_BETTER));
        Optional<Boolean> splitSlower = split.p() <= level ? Optional.of(cols.slowerSplit()) : Optional.empty();
        Outcome o = decide(moved, split, cols, level, shiftSlower, splitSlower);
        double floor = Math.min(1, 2 * Math.min(moved.minP(), split.minP()));
        return Optional.of(new ModeVerdict(o.verdict(), o.reason(), b, c, shifts, moved.p(), split.p(), floor));
    }

    private record Outcome(Verdict verdict, String reason) {
    }

    private static Outcome decide(Moved moved, ExactTests.Result split, Columns cols, double level,
            Optional<Boolean> shiftSlower, Optional<Boolean> splitSlower) {
        String shiftText = moved.text(level);
        String splitText = cols.splitText(splitSlower.orElse(true));
        if (shiftSlower.isEmpty() && !moved.movers(level).isEmpty()) {
            return new Outcome(Verdict.UNKNOWN, "the modes moved apart: " + shiftText);
        }
        if (shiftSlower.isPresent() && splitSlower.isPresent() && !shiftSlower.equals(splitSlower)) {
            return new Outcome(Verdict.UNKNOWN, "the modes disagree: " + shiftText + ", but " + splitText);
        }
        if (shiftSlower.isPresent() || splitSlower.isPresent()) {
            List<String> said = new ArrayList<>();
            shiftSlower.ifPresent(x -> said.add(shiftText));
            splitSlower.ifPresent(x -> said.add(splitText));
            return new Outcome(shiftSlower.or(() -> splitSlower).orElseThrow() ? Verdict.SLOWER : Verdict.FASTER, String.join("; ", said));
        }
        if (moved.minP() > level && split.minP() > level) {
            return new Outcome(Verdict.UNKNOWN, "too few forks per mode to tell (" + cols.countsText() + "); best p "
                    + Figures.p(moved.minP()) + " for a moved mode, " + Figures.p(split.minP()) + " for a changed split, need "
                    + Figures.p(level));
        }
        return new Outcome(Verdict.SAME, "no significant change: " + moved.shifts().stream().filter(x -> !Double.isNaN(x.change()))
                .map(x -> x.name() + " " + Figures.change(x.change())).collect(Collectors.joining(", ")) + "; forks per mode "
                + cols.countsText() + " (p " + Figures.p(moved.p()) + ", " + Figures.p(split.p()) + ")");
    }

    /** "A mode moved": van Elteren over all shared modes and Mann-Whitney per mode, weighted Bonferroni. */
    private record Moved(ExactTests.Stratified all, List<ModeShift> shifts, double[] floors, Criteria criteria) {

        static Moved of(List<double[]> base, List<double[]> candidate, List<ModeShift> shifts, Criteria criteria) {
            double[] floors = IntStream.range(0, shifts.size()).mapToDouble(m -> base.get(m).length == 0
                    || candidate.get(m).length == 0 ? 1 : MannWhitney.minimumP(base.get(m).length, candidate.get(m).length))
                    .toArray();
            return new Moved(ExactTests.vanElteren(base, candidate), shifts, floors, criteria);
        }

        /** The modes with forks on both sides: they share the half of the level the per-mode tests get. */
        private int tested() {
            return (int) shifts.stream().filter(s -> !Double.isNaN(s.p())).count();
        }

        private double adjustedMode(double p) {
            return Math.min(1, p * 2 * Math.max(1, tested()));
        }

        double p() {
            double modes = shifts.stream().filter(s -> !Double.isNaN(s.p())).mapToDouble(s -> adjustedMode(s.p())).min().orElse(1);
            return Math.min(Math.min(1, 2 * all.p()), modes);
        }

        double minP() {
            double modes = Arrays.stream(floors).map(this::adjustedMode).min().orElse(1);
            return Math.min(Math.min(1, 2 * all.minP()), modes);
        }

        /** The modes that moved by at least the minimum effect, each way; significant ones named by their own test. */
        private List<ModeShift> movers(double level) {
            List<ModeShift> alone = shifts.stream().filter(s -> !Double.isNaN(s.p()) && adjustedMode(s.p()) <= level
                    && Math.abs(s.change()) >= criteria.minEffect()).toList();
            if (!alone.isEmpty()) {
                return alone;
            }
            boolean up = all.statistic() > all.expected();
            return 2 * all.p() <= level ? shifts.stream().filter(s -> Math.abs(s.change()) >= criteria.minEffect()
                    && s.change() > 0 == up).toList() : List.of();
        }

        /** Which way the moved modes went (true: the candidate's scores are higher); empty when none moved or they split. */
        Optional<Boolean> up(double level) {
            List<ModeShift> m = movers(level);
            boolean allUp = m.stream().allMatch(s -> s.change() > 0);
            boolean allDown = m.stream().allMatch(s -> s.change() < 0);
            return m.isEmpty() || !allUp && !allDown ? Optional.empty() : Optional.of(allUp);
        }

        String text(double level) {
            List<ModeShift> m = movers(level);
            return IntStream.range(0, m.size()).mapToObj(i -> i == 0 ? m.get(i).name() + " moved " + Figures.change(m.get(i).change())
                    : m.get(i).name() + " " + Figures.change(m.get(i).change())).collect(Collectors.joining(", "));
        }
    }

    /** Which matched mode each fork of each side is in, and the modes' names and places. */
    private static final class Columns {
        final int[] base;
        final int[] candidate;
        /** Each column's location as log time, from the side with more modes (the base on a tie). */
        final double[] place;
        final List<ForkModes.Mode> reference;
        final String unit;

        private Columns(int[] base, int[] candidate, double[] place, List<ForkModes.Mode> reference, String unit) {
            this.base = base;
            this.candidate = candidate;
            this.place = place;
            this.reference = reference;
            this.unit = unit;
        }

        static Columns of(ForkModes b, ForkModes c, Direction direction, String unit) {
            ForkModes ref = c.modes().size() > b.modes().size() ? c : b;
            double[] place = Spread.logTime(ref.modes().stream().mapToDouble(ForkModes.Mode::location).toArray(), direction);
            return new Columns(assign(b, ref, place, direction), assign(c, ref, place, direction), place, ref.modes(), unit);
        }

        /**
         * A side's own modes when it has as many as the reference, else the nearest reference mode
         * after the side's common shift ({@link #shift}).
         */
        private static int[] assign(ForkModes side, ForkModes ref, double[] place, Direction direction) {
            if (side.modes().size() == ref.modes().size()) {
                return IntStream.range(0, side.forks()).map(side::nearestMode).toArray();
            }
            double shift = shift(side, ref, place, direction);
            double[] x = Spread.logTime(side.levels(), direction);
            return Arrays.stream(x).mapToInt(v -> nearest(place, v + shift)).toArray();
        }

        /**
         * 0 when one of the side's modes sits within a reference mode's reach ({@link ForkModes#reach}); else the log
         * distance that puts the side's main mode on the reference's main mode.
         */
        private static double shift(ForkModes side, ForkModes ref, double[] place, Direction direction) {
            double[] own = Spread.logTime(side.modes().stream().mapToDouble(ForkModes.Mode::location).toArray(), direction);
            for (double v : own) {
                int m = nearest(place, v);
                if (Math.abs(place[m] - v) <= ForkModes.reach(place, m)) {
                    return 0;
                }
            }
            return place[main(ref.modes())] - own[main(side.modes())];
        }

        /** The mode holding the most forks, the faster on a tie. */
        private static int main(List<ForkModes.Mode> modes) {
            int main = 0;
            for (int m = 1; m < modes.size(); m++) {
                if (modes.get(m).count() > modes.get(main).count()) {
                    main = m;
                }
            }
            return main;
        }

        private static int nearest(double[] place, double v) {
            return IntStream.range(0, place.length).boxed()
                    .min((i, j) -> Double.compare(Math.abs(place[i] - v), Math.abs(place[j] - v))).orElseThrow();
        }

        int[] counts(int[] side) {
            int[] n = new int[place.length];
            Arrays.stream(side).forEach(m -> n[m]++);
            return n;
        }

        List<double[]> values(double[] levels, int[] side) {
            return IntStream.range(0, place.length).mapToObj(m -> IntStream.range(0, levels.length)
                    .filter(f -> side[f] == m).mapToDouble(f -> levels[f]).toArray()).toList();
        }

        String name(int m) {
            if (place.length == 2) {
                return m == 0 ? "the fast mode" : "the slow mode";
            }
            return "the mode near " + Figures.value(reference.get(m).location(), unit);
        }

        List<ModeShift> shifts(double[] baseLevels, double[] candidateLevels) {
            List<double[]> b = values(baseLevels, base);
            List<double[]> c = values(candidateLevels, candidate);
            List<ModeShift> out = new ArrayList<>();
            for (int m = 0; m < place.length; m++) {
                double p = b.get(m).length == 0 || c.get(m).length == 0 ? Double.NaN : MannWhitney.test(b.get(m), c.get(m)).p();
                out.add(new ModeShift(name(m), median(b.get(m)), median(c.get(m)), b.get(m).length, c.get(m).length, p));
            }
            return out;
        }

        private static double median(double[] v) {
            return v.length == 0 ? Double.NaN : Spread.median(v);
        }

        /** Whether the candidate's forks sit, on average, in slower modes than the base's. */
        boolean slowerSplit() {
            return weightedPlace(candidate) > weightedPlace(base);
        }

        private double weightedPlace(int[] side) {
            return Arrays.stream(side).mapToDouble(m -> place[m]).average().orElse(0);
        }

        /** "4 of 5 forks now land in the slow mode, 1 of 5 before": the mode whose share grew most that way. */
        String splitText(boolean slower) {
            int[] nb = counts(base);
            int[] nc = counts(candidate);
            int best = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < place.length; m++) {
                double gain = (double) nc[m] / candidate.length - (double) nb[m] / base.length;
                double toward = slower ? place[m] : -place[m];
                if (gain > bestGain || gain == bestGain && toward > (slower ? place[best] : -place[best])) {
                    bestGain = gain;
                    best = m;
                }
            }
            return nc[best] + " of " + candidate.length + " forks now land in " + name(best) + ", " + nb[best]
                    + " of " + base.length + " before";
        }

        /** "3/2 before, 3/2 now". */
        String countsText() {
            return join(counts(base)) + " before, " + join(counts(candidate)) + " now";
        }

        private static String join(int[] n) {
            return Arrays.stream(n).mapToObj(Integer::toString).collect(Collectors.joining("/"));
        }
    }
}
