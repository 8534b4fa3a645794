package dev.taskbench.stability;

import dev.taskbench.compare.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Classifies one fork's in-process iteration series as flat, warm-up, slowdown or no steady state,
 * and finds where its steady state starts, by the method of Barrett et al. ("Virtual Machine Warmup
 * Blows Hot and Cold", OOPSLA 2017; their warmup_stats tool).
 *
 * <ol>
 * <li><b>Outliers</b>: an iteration outside the median &plusmn; 3 (p90 - p10) of a centred window of
 * {@value #OUTLIER_WINDOW_SHARE} of the series (Barrett: 200 of 2000) is left out of the search, and
 * windows not yet full at the start are not judged, so a warm-up is never an outlier.</li>
 * <li><b>Change points</b>: PELT ({@link Pelt}) with Barrett's penalty of 15 log n per change point.
 * Barrett's cost is on mean and variance; this one is on the mean of log time with the noise's
 * standard deviation from the median absolute difference of neighbours, which a step does not move.
 * The log makes JMH's noise, which grows with the level, the same size at every level, so a 10x
 * slower interpreted phase is one segment rather than ten. The suite's own change-point code
 * ({@code history.ChangePoints}, Otava's E-divisive means with a pooled-variance t-test) is made for
 * a few steps in a run-to-run history; the published classification was tuned on PELT, so this
 * follows PELT, and keeps the stability rules below {@code history} in the layers.</li>
 * <li><b>Equal segments</b>: two segments are one level when their medians differ by at most 3 (p90
 * - p10) of the noise (Barrett's band; the noise read from neighbours' differences in the last
 * segment, so a drift is not taken for noise), and never less than
 * {@value #MIN_BAND} (Barrett's delta, relative here: his was 1 ms on iterations near a second).</li>
 * <li><b>Class</b>, walking back from the last segment as warmup_stats does: all equal to the last
 * is flat; the first unequal one ending within the last {@value #STEADY_WINDOW_SHARE} of the series
 * (Barrett: 500 of 2000) is no steady state; any faster one is a slowdown; else warm-up. The steady
 * state starts at the first of the segments equal to the last, without a gap.</li>
 * </ol>
 *
 * <p>Where a fork's <b>warm-up</b> ends, for planning one ({@link #warmIteration}), is another question
 * than where its last level starts: a machine's contention only ever slows a fork, so a slower stretch
 * after the fork once ran at its warm speed (a level shift of the host, a slowdown) is no warm-up, and
 * no longer warm-up would avoid it. Barrett's steady state starts after such a stretch, or never when
 * it falls in the last quarter; the report keeps his reading, the plan takes this one.
 */
public final class SteadyState {
    static final double PENALTY_PER_LOG_N = 15;
    static final int MIN_SEGMENT = 2;
    static final double BAND_FACTOR = 3;
    static final double MIN_BAND = 0.01;
    static final double STEADY_WINDOW_SHARE = 0.25;
    static final double OUTLIER_WINDOW_SHARE = 0.10;
    static final int MIN_OUTLIER_WINDOW = 10;
    static final double OUTLIER_FACTOR = 3;
    /** Fewer iterations than two shortest segments hold no change point. */
    static final int MIN_ITERATIONS = 2 * MIN_SEGMENT;
    /** Noise below 0.01% is a clock's resolution, not noise. */
    static final double MIN_SIGMA = 1e-4;
    /** Fewest neighbours' differences a segment needs to measure the noise on its own. */
    static final int MIN_NOISE_VALUES = 5;
    /** The share of a fork's iterations a level must hold to be its warm speed, not a passing dip. */
    static final double WARM_LEVEL_SHARE = 0.10;
    /** The most a fork's warm state may lie above its warm speed, whatever its noise. */
    static final double WARM_TOLERANCE = 0.10;
    /** How many places, at most, a still-falling fork's warm state is looked for at (a noisy fall is one segment). */
    static final int TREND_STEPS = 60;

    private SteadyState() {
    }

    /** Each iteration as long as the others (JMH's time-based iterations). */
    public static ForkSteadiness classify(double[] scores, double secondsPerIteration, Direction direction) {
        double[] seconds = new double[scores.length];
        Arrays.fill(seconds, secondsPerIteration);
        return classify(scores, seconds, direction);
    }

    /**
     * @param scores one fork's iteration scores in order (JMH's raw data for the fork)
     * @param iterationSeconds each iteration's wall time, for the time to steady state
     */
    public static ForkSteadiness classify(double[] scores, double[] iterationSeconds, Direction direction) {
        if (scores.length != iterationSeconds.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + iterationSeconds.length + " iteration times");
        }
        double[] y = Spread.logTime(scores, direction);
        if (y.length < MIN_ITERATIONS) {
            return new ForkSteadiness(ForkClass.UNCLASSIFIED, OptionalInt.empty(), OptionalDouble.empty(), Double.NaN, 0,
                    List.of(new ForkSteadiness.Segment(0, y.length, Spread.median(y))), Set.of(), OptionalInt.empty());
        }
        Set<Integer> outliers = outliers(y);
        int[] kept = IntStream.range(0, y.length).filter(i -> !outliers.contains(i)).toArray();
        double[] k = Arrays.stream(kept).mapToDouble(i -> y[i]).toArray();
        List<Integer> points = Pelt.changePoints(k, sigma(k), PENALTY_PER_LOG_N * Math.log(k.length), MIN_SEGMENT);
        List<ForkSteadiness.Segment> segments = segments(y, kept, points, outliers);
        double noise = noise(y, segments, outliers);
        double band = band(noise);
        ForkClass kind = kind(segments, band, y.length);
        int first = firstSteadySegment(segments, band);
        OptionalInt warm = warm(y, segments, noise, outliers);
        if (!kind.steady()) {
            return new ForkSteadiness(kind, OptionalInt.empty(), OptionalDouble.empty(), Double.NaN, noise, segments,
                    outliers, warm);
        }
        int start = segments.get(first).start();
        double before = Arrays.stream(iterationSeconds, 0, start).sum();
        double[] steady = IntStream.range(start, y.length).filter(i -> !outliers.contains(i))
                .mapToDouble(i -> scores[i]).toArray();
        return new ForkSteadiness(kind, OptionalInt.of(start), OptionalDouble.of(before), Spread.median(steady), noise,
                segments, outliers, warm);
    }

    /**
     * The first iteration of a fork's warm state: the start of its first segment within the band of its
     * warm speed, the fastest level it holds for at least {@value #WARM_LEVEL_SHARE} of its iterations (its
     * last level always counts), and never more than {@value #WARM_TOLERANCE} above it; or, where the fork still
     * falls from there, the first iteration after it from which it no longer does ({@link Trend}) and whose next
     * {@value #WARM_LEVEL_SHARE} of iterations lie within {@value #WARM_TOLERANCE} of its last quarter. Empty for a
     * fork too short to classify, or one that gets there only in its last quarter: still warming as it ended.
     *
     * <p>Why the cap: the band grows with the noise of one iteration, and a write row's 100 ms iterations
     * (a few hundred commits each) are noisy enough to make it wider than 2x; a Hibernate fork still at
     * 1.8x its final level for two seconds then read as warm after a second, and a plan from it would
     * measure the warm-up. Why the trend: under the same noise a slow fall is one level to the change points,
     * so a fork whose score still fell by a fifth over its last seconds read as warm seconds before it was.
     */
    public static OptionalInt warmIteration(ForkSteadiness f) {
        return f.warmIteration();
    }

    private static OptionalInt warm(double[] y, List<ForkSteadiness.Segment> segments, double noise,
            Set<Integer> outliers) {
        ForkSteadiness.Segment last = segments.get(segments.size() - 1);
        int length = last.end();
        int held = (int) Math.ceil(WARM_LEVEL_SHARE * length);
        double warm = segments.stream().filter(s -> s == last || s.end() - s.start() >= held)
                .mapToDouble(ForkSteadiness.Segment::level).min().orElseThrow();
        double band = Math.min(Double.isFinite(noise) ? band(noise) : Math.log1p(MIN_BAND),
                Math.log1p(WARM_TOLERANCE));
        int start = segments.stream().filter(s -> s.level() <= warm + band).mapToInt(ForkSteadiness.Segment::start)
                .findFirst().orElse(last.start());
        int latest = length - (int) Math.ceil(STEADY_WINDOW_SHARE * length);
        int step = Math.max(1, length / TREND_STEPS);
        int window = (int) Math.ceil(WARM_LEVEL_SHARE * length);
        double end = Spread.median(values(y, latest, length, outliers));
        for (int from = start; from <= latest; from += step) {
            boolean near = Spread.median(values(y, from, Math.min(length, from + window), outliers))
                    <= end + Math.log1p(WARM_TOLERANCE);
            if (near && !falling(y, from, outliers)) {
                return OptionalInt.of(from);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether the iterations from {@code from} to the end, outliers left out, still fall by more than the tolerance. */
    private static boolean falling(double[] y, int from, Set<Integer> outliers) {
        int[] kept = IntStream.range(from, y.length).filter(i -> !outliers.contains(i)).toArray();
        return Trend.falling(Arrays.stream(kept).asDoubleStream().toArray(), Arrays.stream(kept).mapToDouble(i -> y[i])
                .toArray(), Math.log1p(WARM_TOLERANCE));
    }

    /** Barrett's band of equal levels: 3 (p90 - p10) of the noise, at least {@value #MIN_BAND}. */
    private static double band(double noise) {
        return Math.max(BAND_FACTOR * noise, Math.log1p(MIN_BAND));
    }

    /** Barrett's outliers: outside the median +- 3 (p90 - p10) of a full centred window. */
    static Set<Integer> outliers(double[] y) {
        int window = Math.max(MIN_OUTLIER_WINDOW, (int) Math.round(OUTLIER_WINDOW_SHARE * y.length));
        int half = window / 2;
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < y.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(y.length, i + half);
            if (from == 0 && to < window) {
                continue;
            }
            double[] w = Spread.slice(y, from, to);
            double band = Math.max(OUTLIER_FACTOR * Spread.p90MinusP10(w), Math.log1p(MIN_BAND));
            if (Math.abs(y[i] - Spread.median(w)) > band) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The noise's standard deviation from neighbours' differences about their median, which steps
     * and a steady drift barely move: 1.4826 MAD / sqrt 2.
     */
    static double sigma(double[] y) {
        return Math.max(MIN_SIGMA, Spread.MAD_TO_SIGMA * Spread.mad(Spread.differences(y)) / Math.sqrt(2));
    }

    private static List<ForkSteadiness.Segment> segments(double[] y, int[] kept, List<Integer> points,
            Set<Integer> outliers) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        points.forEach(p -> starts.add(kept[p]));
        List<ForkSteadiness.Segment> out = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : y.length;
            out.add(new ForkSteadiness.Segment(from, to, Spread.median(values(y, from, to, outliers))));
        }
        return out;
    }

    private static double[] values(double[] y, int from, int to, Set<Integer> outliers) {
        return IntStream.range(from, to).filter(i -> !outliers.contains(i)).mapToDouble(i -> y[i])
                .toArray();
    }

    /**
     * Barrett's p90 - p10 of the noise, read from neighbours' differences (about their median, over
     * sqrt 2) so that a drift inside a segment is not taken for noise: of the last segment when it
     * is long enough, else of every segment, never across a change point.
     */
    private static double noise(double[] y, List<ForkSteadiness.Segment> segments, Set<Integer> outliers) {
        double[] last = values(y, segments.get(segments.size() - 1), outliers);
        if (last.length - 1 >= MIN_NOISE_VALUES) {
            return Spread.differenceNoise(List.of(last));
        }
        return Spread.differenceNoise(segments.stream().map(s -> values(y, s, outliers)).toList());
    }

    private static double[] values(double[] y, ForkSteadiness.Segment s, Set<Integer> outliers) {
        return values(y, s.start(), s.end(), outliers);
    }

    /** warmup_stats' walk back from the last segment. */
    private static ForkClass kind(List<ForkSteadiness.Segment> segments, double band, int length) {
        ForkSteadiness.Segment last = segments.get(segments.size() - 1);
        int window = (int) Math.ceil(STEADY_WINDOW_SHARE * length);
        ForkClass kind = ForkClass.FLAT;
        for (int i = segments.size() - 2; i >= 0; i--) {
            ForkSteadiness.Segment s = segments.get(i);
            if (Math.abs(s.level() - last.level()) <= band) {
                continue;
            }
            if (s.end() > length - window) {
                return ForkClass.NO_STEADY_STATE;
            }
            if (s.level() < last.level()) {
                return ForkClass.SLOWDOWN;
            }
            kind = ForkClass.WARMUP;
        }
        return kind;
    }

    private static int firstSteadySegment(List<ForkSteadiness.Segment> segments, double band) {
        double level = segments.get(segments.size() - 1).level();
        int first = segments.size() - 1;
        while (first > 0 && Math.abs(segments.get(first - 1).level() - level) <= band) {
            first--;
        }
        return first;
    }
}
