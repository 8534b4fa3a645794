package dev.taskbench.findings;

import dev.taskbench.compare.Direction;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.stability.ForkModes;
import dev.taskbench.stability.Undecided;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How far a finding can be trusted, from the forks of its rows: whether its interval answers its
 * question ({@link Undecided}), and which of its rows land in more than one mode ({@link ForkModes}).
 * Read from results already written; a row's disturbed forks are those its run's fork log counts
 * ({@link BenchmarkResult#disturbedForks()}).
 */
public final class Standing {
    private Standing() {
    }

    /**
     * Whether the answer is undecided, and why; a pgbench ceiling or a one-fork side is never judged,
     * and a distance to a reference only by its width (1 is no boundary for it) and its disturbed forks.
     */
    public static Undecided.Decision decision(Answer a) {
        boolean disturbed = Optional.ofNullable(a.of()).map(r -> r.disturbedForks() > 0).orElse(false)
                || a.to().map(r -> r.disturbedForks() > 0).orElse(false);
        boolean narrowReference = a.reference() && !disturbed
                && !(a.ratio().high() / a.ratio().low() > Undecided.MAX_SPAN);
        if (a.kind() != Answer.Kind.TIME_RATIO || a.ofForks() < 2 || a.toForks() < 2 || narrowReference) {
            return new Undecided.Decision(false, "");
        }
        List<Undecided.RowForks> rows = new ArrayList<>();
        Optional.ofNullable(a.of()).ifPresent(r -> rows.add(forks(r))); // an answer built without its rows: the interval alone
        a.to().ifPresent(t -> rows.add(forks(t)));
        return Undecided.judge(a.ratio(), rows);
    }

    /** The answer's rows that land in more than one mode: "taskbench: 2 modes: 3 forks near 150 ns, 2 near 200 ns". */
    public static List<String> bimodal(Answer a) {
        List<String> out = new ArrayList<>();
        List<BenchmarkResult> rows = new ArrayList<>();
        Optional.ofNullable(a.of()).ifPresent(rows::add);
        a.to().ifPresent(rows::add);
        for (BenchmarkResult r : rows) {
            modes(r).filter(ForkModes::multimodal).ifPresent(m -> out.add(name(r) + ": " + m.describe(r.unit())));
        }
        return out;
    }

    /**
     * The modes of a row's fork scores; empty for one fork, a unit with no direction or a score not
     * above 0. The iteration noise inside the forks sets the band, 0 where the row has one iteration a fork.
     */
    public static Optional<ForkModes> modes(BenchmarkResult r) {
        double[] levels = r.forks();
        Optional<Direction> d = Direction.ofUnit(r.unit());
        if (levels.length < 2 || d.isEmpty() || !Arrays.stream(levels).allMatch(v -> v > 0 && Double.isFinite(v))) {
            return Optional.empty();
        }
        List<double[]> iterations = r.iterations().stream()
                .map(f -> f.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        boolean usable = iterations.stream().allMatch(f -> Arrays.stream(f).allMatch(v -> v > 0 && Double.isFinite(v)));
        double noise = usable ? ForkModes.noise(iterations, d.get()) : 0;
        return Optional.of(ForkModes.of(levels, Double.isFinite(noise) ? noise : 0, d.get()));
    }

    /** A row in a few words: its method and parameters. */
    private static String name(BenchmarkResult r) {
        return r.key().shortName() + (r.key().params().isEmpty() ? "" : " [" + r.key().paramString() + "]");
    }

    private static Undecided.RowForks forks(BenchmarkResult r) {
        return new Undecided.RowForks(name(r), r.unit(), r.forks(), r.disturbedForks(), modes(r));
    }
}
