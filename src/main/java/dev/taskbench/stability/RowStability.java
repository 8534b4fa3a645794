package dev.taskbench.stability;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Direction;
import dev.taskbench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of a run read for trust: each fork's steady state, the row's modes over its fork medians,
 * the iteration noise inside its forks, and from these its suspects, what it can detect and the
 * evidence an undecided finding cites. The entry point for the runner and the reports; the methods
 * are on the classes it returns.
 *
 * @param levels each fork's median iteration score, in fork order
 * @param noise Barrett's p90 - p10 of the iteration noise inside the forks, log scale
 */
public record RowStability(BenchmarkResult row, Direction direction, double[] levels, double noise,
        RowSteadiness steadiness, ForkModes modes) {

    public RowStability {
        levels = levels.clone();
    }

    /**
     * The row as JMH wrote it (its iterations per fork); empty for a unit with no known direction or
     * a score that is not above 0 (nothing here is defined for it, and a report must not fail on it).
     *
     * @param secondsPerIteration the wall time of one measurement iteration (JMH's time-based
     *                            iterations), for the time to steady state
     */
    public static Optional<RowStability> of(BenchmarkResult row, double secondsPerIteration) {
        Optional<Direction> d = Direction.ofUnit(row.unit());
        boolean positive = row.iterations().stream().flatMap(List::stream).allMatch(v -> v > 0 && Double.isFinite(v));
        if (d.isEmpty() || !positive || row.iterations().isEmpty()) {
            return Optional.empty();
        }
        List<double[]> forks = row.iterations().stream().map(f -> f.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        double[] levels = forks.stream().mapToDouble(RowStability::level).toArray();
        double noise = ForkModes.noise(forks, d.get());
        RowSteadiness steadiness = new RowSteadiness(forks.stream()
                .map(f -> SteadyState.classify(f, secondsPerIteration, d.get())).toList());
        return Optional.of(new RowStability(row, d.get(), levels, noise, steadiness, ForkModes.of(levels, noise, d.get())));
    }

    /** A fork's level as every rule here reads it: the median of its iteration scores. */
    public static double level(double[] iterations) {
        return Spread.median(iterations);
    }

    /** What this row can detect among {@code rows} compared rows ("can see ±4% at 5 forks"); empty below two forks. */
    public Optional<DetectableChange> detectable(Criteria criteria, int rows) {
        return levels.length < 2 ? Optional.empty() : Optional.of(DetectableChange.of(levels, direction, criteria, rows));
    }

    /**
     * The suspect forks.
     *
     * @param disturbances per fork, in fork order, what {@link NeighbourCpu} measured beside it;
     *                     empty, or shorter than the forks, where it was not sampled
     */
    public List<SuspectForks.Suspect> suspects(List<Disturbance> disturbances, Optional<SuspectForks.History> history) {
        List<SuspectForks.Fork> forks = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            Optional<Disturbance> d = i < disturbances.size() ? Optional.of(disturbances.get(i)) : Optional.empty();
            forks.add(new SuspectForks.Fork(levels[i], d, Optional.of(steadiness.forks().get(i).kind())));
        }
        return SuspectForks.find(forks, noise, direction, row.unit(), history);
    }

    /** The evidence an undecided finding resting on this row cites. */
    public Undecided.RowForks evidence(String label, int disturbed) {
        return new Undecided.RowForks(label, row.unit(), levels, disturbed, Optional.of(modes));
    }

    /** The mode-aware verdict of this row (the base) against the same row of another run; empty without modes. */
    public Optional<ModeComparison.ModeVerdict> compareModes(RowStability candidate, Criteria criteria) {
        return ModeComparison.compare(levels, candidate.levels, Math.max(known(noise), known(candidate.noise)), direction,
                criteria, row.unit());
    }

    /** A noise measured from one iteration a fork is no number: the modes then take their fixed band. */
    private static double known(double noise) {
        return Double.isFinite(noise) ? noise : 0;
    }
}
