package dev.taskbench.stability;

import dev.taskbench.compare.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Names the forks of a row that should not be trusted, and why: a fork alone far from the others,
 * by Hampel's identifier (the median &plusmn; 3 &times; 1.4826 MAD, Hampel 1974) taken over the other
 * forks; a fork the rest of the machine disturbed ({@link Disturbance}); a fork that never reached a
 * steady state ({@link SteadyState}); and, where the row has a history, a fork far from it by the
 * same rule. A fork with company (another fork nearer to it than half its distance from the others'
 * median) is not suspect for its level alone: two forks at one level are a mode, which a re-run
 * cannot settle and the report shows as one ({@link ForkModes}). In a row of two modes or more of
 * at least two forks each, a fork a mode holds is never suspect for its level, and one outside every
 * such mode is suspect only when it lies beyond the floor from the nearest.
 *
 * <p>Against its history a fork is held to the nearest mode of the row's past fork levels (one mode
 * for most rows): suspect beyond Hampel's 3 &times; 1.4826 MAD of that mode's levels, and never nearer
 * than the floor. When no fork of the row lies near its history the row itself moved (a commit, a new
 * JDK), which a re-run cannot undo and a comparison should see: the history then names no fork.
 */
public final class SuspectForks {
    static final double HAMPEL_K = 3;
    /**
     * Nearer than this a fork is never suspect for its level. The disturbed forks the issue shows were
     * 2 to 15 times off; nearer levels are as often a real outcome of the JIT (caliban's forks 12%
     * slower), and replacing real extreme forks would shrink a row's spread, so they are left to be
     * seen as modes. With Hampel's 3 MAD and a 10% floor, 5 forks with 5% spread named a suspect in 367
     * of 2,000 seeded clean rows; with this floor, in 1 (10 forks: 204, and none).
     */
    static final double MIN_DEVIATION = 0.25;
    /** Other processes using a quarter of the machine beside a fork: on 2 cores, half of one. */
    static final double BUSY_SHARE = 0.25;
    /** A hypervisor stealing 5% of the machine. */
    static final double STEAL_SHARE = 0.05;

    private SuspectForks() {
    }

    /**
     * What is known of one fork.
     *
     * @param level its level (median or steady-state level) in the score's unit
     * @param disturbance the machine's load beside it, if sampled
     * @param kind its steady-state class, if its iterations were classified
     */
    public record Fork(double level, Optional<Disturbance> disturbance, Optional<ForkClass> kind) {
        public static Fork of(double level) {
            return new Fork(level, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The row in earlier runs on the same testbed.
     *
     * @param runs how many earlier runs the levels come from
     * @param levels every fork level of the row in those runs, in the score's unit
     */
    public record History(int runs, double[] levels) {
        public History {
            levels = levels.clone();
        }
    }

    /** Modes of at least this many forks make a row judged mode by mode. */
    static final int MODE_FORKS = 2;

    /**
     * A suspect fork.
     *
     * @param fork index into the forks given (printed from 1, as JMH numbers forks)
     * @param reasons why, each a few words
     */
    public record Suspect(int fork, double level, String unit, List<String> reasons) {
        public Suspect {
            reasons = List.copyOf(reasons);
        }

        /** "fork 3: 2,332 ns vs row median 189 ns; machine busy 61% beside it". */
        public String describe() {
            String first = reasons.get(0).startsWith("vs ") ? " " + reasons.get(0) : "; " + reasons.get(0);
            List<String> rest = reasons.subList(1, reasons.size());
            return "fork " + (fork + 1) + ": " + Figures.value(level, unit) + first
                    + (rest.isEmpty() ? "" : "; " + String.join("; ", rest));
        }
    }

    /**
     * The suspect forks, in fork order.
     *
     * @param noise Barrett's p90 - p10 of the iteration noise inside the forks (log scale), 0 when unknown
     */
    public static List<Suspect> find(List<Fork> forks, double noise, Direction direction, String unit,
            Optional<History> history) {
        double[] levels = forks.stream().mapToDouble(Fork::level).toArray();
        double[] x = Spread.logTime(levels, direction);
        double known = Double.isFinite(noise) ? noise : 0;
        double floor = Math.max(SteadyState.BAND_FACTOR * known, Math.log1p(MIN_DEVIATION));
        ForkModes modes = ForkModes.of(levels, known, direction);
        Optional<Past> past = history.filter(h -> h.levels().length > 0).map(h -> Past.of(h, direction, floor))
                .filter(p -> p.holdsAny(x));
        List<Suspect> out = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            List<String> reasons = new ArrayList<>();
            (modal(modes) ? outsideModes(modes, x, i, floor, unit) : deviation(levels, x, i, floor, unit))
                    .ifPresent(reasons::add);
            double level = x[i];
            past.flatMap(p -> p.far(level, unit)).ifPresent(reasons::add);
            forks.get(i).disturbance().filter(SuspectForks::disturbed).ifPresent(d -> reasons.add(d.describe()));
            forks.get(i).kind().filter(k -> k == ForkClass.NO_STEADY_STATE).ifPresent(k -> reasons.add("never reached a steady state"));
            if (!reasons.isEmpty()) {
                out.add(new Suspect(i, levels[i], unit, reasons));
            }
        }
        return out;
    }

    /** Whether the machine's other load or the hypervisor's steal was enough to disturb a fork. */
    public static boolean disturbed(Disturbance d) {
        return d.measured() && (d.others() >= BUSY_SHARE || d.steal() >= STEAL_SHARE);
    }

    private static Optional<String> deviation(double[] levels, double[] x, int i, double floor, String unit) {
        if (levels.length < 3) {
            return Optional.empty();
        }
        double[] others = IntStream.range(0, x.length).filter(j -> j != i).mapToDouble(j -> x[j]).toArray();
        double distance = Math.abs(x[i] - Spread.median(others));
        double limit = Math.max(HAMPEL_K * Spread.MAD_TO_SIGMA * Spread.mad(others), floor);
        boolean company = Arrays.stream(others).anyMatch(o -> Math.abs(o - x[i]) < distance / 2);
        if (distance <= limit || company) {
            return Optional.empty();
        }
        double[] otherLevels = IntStream.range(0, levels.length).filter(j -> j != i).mapToDouble(j -> levels[j]).toArray();
        return Optional.of("vs row median " + Figures.value(Spread.median(otherLevels), unit));
    }

    /** Whether the row has two modes or more of at least {@value #MODE_FORKS} forks each. */
    private static boolean modal(ForkModes modes) {
        return modes.modes().stream().filter(m -> m.count() >= MODE_FORKS).count() >= 2;
    }

    /** A fork no mode of two or more holds, beyond the floor from the nearest such mode. */
    private static Optional<String> outsideModes(ForkModes modes, double[] x, int i, double floor, String unit) {
        if (modes.heldByModeOf(i, MODE_FORKS)) {
            return Optional.empty();
        }
        List<ForkModes.Mode> real = modes.modes().stream().filter(m -> m.count() >= MODE_FORKS).toList();
        double nearest = real.stream().mapToDouble(m -> Math.abs(x[i] - place(m, x))).min().orElse(0);
        if (nearest <= floor) {
            return Optional.empty();
        }
        return Optional.of("vs row modes near " + String.join(", ", real.stream()
                .map(m -> Figures.value(m.location(), unit)).toList()));
    }

    private static double place(ForkModes.Mode m, double[] x) {
        return Spread.median(m.forks().stream().mapToDouble(f -> x[f]).toArray());
    }

    /** The row's history read for the rule: its modes, each mode's log levels, and how far a fork may lie. */
    private record Past(History history, ForkModes modes, List<double[]> modeLevels, double floor) {
        static Past of(History h, Direction direction, double floor) {
            ForkModes modes = ForkModes.of(h.levels(), 0, direction);
            double[] x = Spread.logTime(h.levels(), direction);
            List<double[]> byMode = modes.modes().stream()
                    .map(m -> m.forks().stream().mapToDouble(f -> x[f]).toArray()).toList();
            return new Past(h, modes, byMode, floor);
        }

        /** Whether some fork of the row lies near its history: else the row moved, and no fork is named for it. */
        boolean holdsAny(double[] x) {
            return Arrays.stream(x).anyMatch(v -> distance(v) <= reach(nearest(v)));
        }

        Optional<String> far(double x, String unit) {
            int m = nearest(x);
            if (distance(x) <= reach(m)) {
                return Optional.empty();
            }
            String where = modes.multimodal()
                    ? modes.modes().size() + " modes, nearest " + Figures.value(modes.modes().get(m).location(), unit)
                    : "median " + Figures.value(Spread.median(history.levels()), unit);
            return Optional.of("far from its history (" + history.runs() + " earlier run" + (history.runs() == 1 ? "" : "s")
                    + ": " + where + ")");
        }

        private int nearest(double x) {
            int best = 0;
            for (int m = 1; m < modeLevels.size(); m++) {
                if (Math.abs(x - Spread.median(modeLevels.get(m))) < Math.abs(x - Spread.median(modeLevels.get(best)))) {
                    best = m;
                }
            }
            return best;
        }

        private double distance(double x) {
            return Math.abs(x - Spread.median(modeLevels.get(nearest(x))));
        }

        private double reach(int m) {
            return Math.max(HAMPEL_K * Spread.MAD_TO_SIGMA * Spread.mad(modeLevels.get(m)), floor);
        }
    }
}
