package dev.taskbench.stability;

import dev.taskbench.compare.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Modes among a row's fork levels (5 to 12 values, often), by Engelman and Hartigan's test for
 * clusters ("Percentage points of a test for clusters", JASA 1969) applied by binary splitting, with
 * Barrett et al.'s band deciding which levels are one.
 *
 * <p>Why not the detectors the field uses. Gregg's mvalue (BenchmarkDotNet) reads a histogram and
 * Akinshin's lowland detector a Harrell-Davis quantile density: both are built for tens to
 * thousands of values. On five fork medians, three near 150 and two near 200 with 2% noise, the
 * lowland detector (sensitivity 0.5, precision 0.01) found two modes in 0 of 1,000 seeded samples
 * (at 50 values: 986 of 1,000): the density of five points is smooth whatever they are. Engelman
 * and Hartigan's statistic is made for small samples: the best split of the sorted values into two
 * groups, and the ratio of the between-group to the within-group sum of squares, against its
 * distribution for one normal sample of that size. So a split needs a gap wide next to the spread
 * inside the groups, which a spread-out row without clusters (1,237 to 4,958 ns over five forks)
 * does not have.
 *
 * <ul>
 * <li>Levels are taken as log time, where fork-to-fork noise is about the same size at every level.</li>
 * <li>The statistic's critical value at level {@value ClusterTest#ALPHA} is simulated once per sample size
 * (from {@value ClusterTest#NULL_SAMPLES} seeded normal samples, {@link ClusterTest}) rather than read from the 1969 tables.</li>
 * <li>Two groups are one mode when their medians lie within 3 (p90 - p10) of the iteration noise
 * inside the forks (the band {@link SteadyState} uses for segments of one fork), and never closer
 * than {@value #MIN_SEPARATION} (the default minimum effect of a comparison: a mode nearer than
 * that changes no verdict).</li>
 * <li>Binary splitting misses three clusters of equal size (each two-group split leaves two on
 * one side), so when no two-group split passes, the best three-group partition is tested the same
 * way against its own simulated distribution, at {@value ClusterTest#ALPHA_THREE}. Each group found is split again.</li>
 * </ul>
 * A single fork far from the rest is a mode of one: the suspect rule ({@link SuspectForks}) says
 * whether it should be run again.
 *
 * <p>Which forks a mode holds. The splitting puts every fork in some group, so a fork halfway between
 * two clusters lands in one of them. In a row of two modes or more, a fork is held by its group's
 * mode only within the mode's reach: a third of the way to the next mode's location (the nearer
 * neighbour on either side), or Hampel's 3 &times; 1.4826 MAD of the group's other forks where that is
 * wider. A fork beyond its mode's reach lies between modes (or beyond the outermost): it is counted
 * in no mode, and a mode's location is the median of the forks it holds. A lone fork the splitting
 * made a mode of its own, lying between two modes of two forks or more, is held the same way: it
 * joins the one whose reach it is in, else it lies between them (a lone fork beyond the outermost
 * mode stays a mode of one, as the suspect rule reads it).
 */
public final class ForkModes {
    static final double BAND_FACTOR = SteadyState.BAND_FACTOR;
    static final double MIN_SEPARATION = 0.05;
    /** How far towards the next mode a mode reaches: past a third of the way a fork is between the two. */
    static final double REACH = 1.0 / 3;
    /** Hampel's multiplier, for a mode whose own forks spread wider than its reach. */
    static final double HAMPEL_K = 3;
    /** Largest number of groups one step tries: three clusters defeat every two-group split. */
    static final int MAX_GROUPS = 3;

    /**
     * A mode: its forks (indices into the levels given) and their median level.
     *
     * @param location median level of its forks, in the score's unit
     */
    public record Mode(double location, List<Integer> forks) {
        public Mode {
            forks = List.copyOf(forks);
        }

        public int count() {
            return forks.size();
        }
    }

    private final double[] levels;
    private final double[] x;
    private final List<Mode> modes;
    private final List<Integer> between;

    private ForkModes(double[] levels, double[] x, List<Mode> modes, List<Integer> between) {
        this.levels = levels.clone();
        this.x = x.clone();
        this.modes = List.copyOf(modes);
        this.between = List.copyOf(between);
    }

    /**
     * @param levels each fork's level (its median, or its steady-state level), in the score's unit
     * @param noise Barrett's p90 - p10 of the iteration noise inside the forks, on the log scale
     *              ({@link #noise}, or {@link ForkSteadiness#noise()}); 0 when unknown
     */
    public static ForkModes of(double[] levels, double noise, Direction direction) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("no fork levels: a row has at least one fork");
        }
        double[] x = Spread.logTime(levels, direction);
        Integer[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i]))
                .toArray(Integer[]::new);
        double band = Math.max(BAND_FACTOR * noise, Math.log1p(MIN_SEPARATION));
        List<Mode> groups = new ArrayList<>();
        split(levels, x, order, 0, order.length, band, groups);
        if (groups.size() < 2) {
            return new ForkModes(levels, x, groups, List.of());
        }
        List<Integer> between = new ArrayList<>();
        List<List<Integer>> held = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> h = held(groups, g, x);
            groups.get(g).forks().stream().filter(f -> !h.contains(f)).forEach(between::add);
            held.add(new ArrayList<>(h));
        }
        placeLoneForks(held, between, x);
        held.removeIf(List::isEmpty);
        between.sort(Comparator.naturalOrder());
        List<Mode> modes = held.stream()
                .map(h -> new Mode(Spread.median(h.stream().mapToDouble(i -> levels[i]).toArray()), h)).toList();
        return new ForkModes(levels, x, modes, between);
    }

    /** The forks of group g within its mode's reach; never none, since the group's median fork is its location. */
    private static List<Integer> held(List<Mode> groups, int g, double[] x) {
        double[] places = groups.stream().mapToDouble(m -> place(m.forks(), x)).toArray();
        double reach = reach(places, g);
        List<Integer> forks = groups.get(g).forks();
        List<Integer> held = new ArrayList<>();
        for (int f : forks) {
            double[] others = forks.stream().filter(o -> o != f).mapToDouble(o -> x[o]).toArray();
            if (Math.abs(x[f] - places[g]) <= Math.max(reach, hampel(others))) {
                held.add(f);
            }
        }
        return held.isEmpty() ? forks : held;
    }

    /**
     * A mode of one fork lying between two modes of two or more is no mode of its own: within the
     * reach of either it joins that one, else it lies between them.
     */
    private static void placeLoneForks(List<List<Integer>> modes, List<Integer> between, double[] x) {
        for (int g = 0; g < modes.size(); g++) {
            int low = neighbour(modes, g, -1);
            int high = neighbour(modes, g, 1);
            if (modes.get(g).size() != 1 || low < 0 || high < 0) {
                continue;
            }
            int f = modes.get(g).remove(0);
            double gap = place(modes.get(high), x) - place(modes.get(low), x);
            int into = reaches(modes.get(low), x[f], gap, x) ? low : reaches(modes.get(high), x[f], gap, x) ? high : -1;
            (into >= 0 ? modes.get(into) : between).add(f);
        }
    }

    /** The nearest mode of two or more forks from g on in this direction; -1 if none. */
    private static int neighbour(List<List<Integer>> modes, int g, int step) {
        for (int m = g + step; m >= 0 && m < modes.size(); m += step) {
            if (modes.get(m).size() >= 2) {
                return m;
            }
        }
        return -1;
    }

    /**
     * How far mode m reaches on the log scale: {@link #REACH} of the way to the nearest other mode;
     * infinite for a lone mode. {@code places} are the modes' log locations, in any order.
     */
    static double reach(double[] places, int m) {
        return REACH * IntStream.range(0, places.length).filter(i -> i != m)
                .mapToDouble(i -> Math.abs(places[i] - places[m])).min().orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * Whether log time v lies within a mode's reach: its share of the gap, or its forks' Hampel spread.
     * The gap is the one across a lone fork, not {@link #reach}'s nearest.
     */
    private static boolean reaches(List<Integer> mode, double v, double gap, double[] x) {
        double[] own = mode.stream().mapToDouble(i -> x[i]).toArray();
        return Math.abs(v - Spread.median(own)) <= Math.max(REACH * gap, hampel(own));
    }

    /** Hampel's 3 &times; 1.4826 MAD of some log times; 0 below two. */
    private static double hampel(double[] x) {
        return x.length < 2 ? 0 : HAMPEL_K * Spread.MAD_TO_SIGMA * Spread.mad(x);
    }

    /** A set of forks' location on the log scale: the median of their log times. */
    private static double place(List<Integer> forks, double[] x) {
        return Spread.median(forks.stream().mapToDouble(i -> x[i]).toArray());
    }

    /** The iteration noise inside forks (each fork's iteration scores), pooled: Barrett's p90 - p10 on the log scale. */
    public static double noise(List<double[]> forkIterations, Direction direction) {
        return Spread.differenceNoise(forkIterations.stream().map(f -> Spread.logTime(f, direction)).toList());
    }

    private static void split(double[] levels, double[] x, Integer[] order, int from, int to, double band,
            List<Mode> out) {
        int[] cuts = cuts(x, order, from, to, band);
        if (cuts.length == 0) {
            List<Integer> forks = Arrays.asList(order).subList(from, to);
            out.add(new Mode(Spread.median(forks.stream().mapToDouble(i -> levels[i]).toArray()), forks));
            return;
        }
        int start = from;
        for (int cut : cuts) {
            split(levels, x, order, start, from + cut, band, out);
            start = from + cut;
        }
        split(levels, x, order, start, to, band, out);
    }

    /** Where the sorted group [from, to) splits into two modes, else three, relative to from; empty if neither. */
    private static int[] cuts(double[] x, Integer[] order, int from, int to, double band) {
        double[] s = IntStream.range(from, to).mapToDouble(i -> x[order[i]]).toArray();
        for (int groups = 2; groups <= MAX_GROUPS; groups++) {
            if (s.length < groups + 1) {
                break;
            }
            int[] cuts = ClusterTest.bestPartition(s, groups);
            if (ClusterTest.statistic(s, cuts) > ClusterTest.critical(s.length, groups) && separated(s, cuts, band)) {
                return cuts;
            }
        }
        return new int[0];
    }

    /** Whether each group's median lies more than the band from the next group's. */
    private static boolean separated(double[] sorted, int[] cuts, double band) {
        int[] bounds = ClusterTest.bounds(cuts, sorted.length);
        for (int g = 1; g + 1 < bounds.length; g++) {
            double below = Spread.median(Spread.slice(sorted, bounds[g - 1], bounds[g]));
            double above = Spread.median(Spread.slice(sorted, bounds[g], bounds[g + 1]));
            if (above - below <= band) {
                return false;
            }
        }
        return true;
    }

    /** The modes, fastest first. */
    public List<Mode> modes() {
        return modes;
    }

    public boolean multimodal() {
        return modes.size() > 1;
    }

    /** The index in {@link #modes()} of the mode holding this fork; -1 for a fork between modes. */
    public int modeOf(int fork) {
        if (fork < 0 || fork >= levels.length) {
            throw new IllegalArgumentException("no fork " + fork + " among " + levels.length);
        }
        for (int m = 0; m < modes.size(); m++) {
            if (modes.get(m).forks().contains(fork)) {
                return m;
            }
        }
        return -1;
    }

    /** The mode holding this fork, or for a fork between modes the one whose location is nearest it. */
    public int nearestMode(int fork) {
        int held = modeOf(fork);
        return held >= 0 ? held : nearest(x[fork]);
    }

    /** The index of the mode whose location is nearest this log time. */
    private int nearest(double v) {
        double[] places = modes.stream().mapToDouble(m -> place(m.forks(), x)).toArray();
        return IntStream.range(0, places.length).boxed()
                .min(Comparator.comparingDouble(m -> Math.abs(places[m] - v))).orElseThrow();
    }

    /** The forks no mode holds, in fork order: between two modes, or beyond the outermost. */
    public List<Integer> between() {
        return between;
    }

    /** Whether this fork lies within the reach of a mode of at least {@code forks} forks. */
    public boolean heldByModeOf(int fork, int forks) {
        int m = modeOf(fork);
        return m >= 0 && modes.get(m).count() >= forks;
    }

    public int forks() {
        return levels.length;
    }

    /** The fork levels given, in fork order. */
    public double[] levels() {
        return levels.clone();
    }

    /** "2 modes: 3 forks near 150 ns, 2 near 200 ns; 1 fork between"; "1 mode: 5 forks near 150 ns". */
    public String describe(String unit) {
        String list = IntStream.range(0, modes.size()).mapToObj(i -> {
            Mode m = modes.get(i);
            String forks = i == 0 ? (m.count() == 1 ? " fork" : " forks") : "";
            return m.count() + forks + " near " + Figures.value(m.location(), unit);
        }).collect(Collectors.joining(", "));
        return modes.size() + (modes.size() == 1 ? " mode: " : " modes: ") + list + outside();
    }

    /** "; 1 fork between", "; 2 forks between, 1 beyond them", or nothing. */
    private String outside() {
        double low = modes.stream().mapToDouble(m -> place(m.forks(), x)).min().orElse(0);
        double high = modes.stream().mapToDouble(m -> place(m.forks(), x)).max().orElse(0);
        long inside = between.stream().filter(f -> x[f] > low && x[f] < high).count();
        long beyond = between.size() - inside;
        List<String> parts = new ArrayList<>();
        if (inside > 0) {
            parts.add(inside + (inside == 1 ? " fork" : " forks") + " between");
        }
        if (beyond > 0) {
            parts.add(beyond + (parts.isEmpty() ? (beyond == 1 ? " fork" : " forks") : "") + " beyond them");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    @Override
    public String toString() {
        return describe("");
    }
}
