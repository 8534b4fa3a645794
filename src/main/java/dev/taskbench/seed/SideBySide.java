package dev.taskbench.seed;

import dev.taskbench.load.ClosedLoop;
import dev.taskbench.seed.peers.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The JVM models and the seed's stacks of one run as rows of one table: each configuration's
 * writes/s and p99 round by round, cold (the first writes after start) and warm, so that every
 * figure and every ratio between two rows has its spread over the rounds.
 */
final class SideBySide {
    /** Cold: the first writes after start, as the seed measured; warm: after as many unmeasured. */
    enum Phase { cold, warm }

    /**
     * One configuration in one phase.
     *
     * @param name the model or configuration as users type it
     * @param peer the seed's configuration, null for a JVM model
     * @param rates writes/s per round, index 0 for round 1, NaN where the round has none
     * @param p99Micros the p99 per round, the same way
     * @param refused why it has no figures, or null
     * @param timed whether a round's figure is over a phase the clock stopped before its count (timed, not counted)
     */
    record Row(String name, Peer peer, Phase phase, double[] rates, double[] p99Micros, String refused, boolean timed) {
        Row(String name, Peer peer, Phase phase, double[] rates, double[] p99Micros, String refused) {
            this(name, peer, phase, rates, p99Micros, refused, false);
        }

        boolean jvm() {
            return peer == null;
        }

        Spread spread() {
            return Spread.of(rates);
        }

        Spread p99() {
            return Spread.of(p99Micros);
        }

        /** Its median writes/s, or NaN without figures. */
        double median() {
            Spread s = spread();
            return s == null ? Double.NaN : s.median();
        }
    }

    private SideBySide() {
    }

    /** The models round's loopback cells with {@code users} users, one row per model and phase. */
    static List<Row> models(List<ModelsGrid.Cell> cells, int users, int rounds) {
        List<ModelsGrid.Cell> own = cells.stream().filter(c -> c.roundTripMs() == 0 && c.users() == users).toList();
        List<Row> rows = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (String model : own.stream().map(ModelsGrid.Cell::model).distinct().toList()) {
                List<ModelsGrid.Cell> mine = own.stream().filter(c -> c.model().equals(model)).toList();
                rows.add(row(model, null, phase, rounds, mine, ModelsGrid.Cell::round,
                        c -> phase == Phase.cold ? c.cold() : c.result(), ModelsGrid.Cell::refused));
            }
        }
        return rows;
    }

    /** The seed's stacks' cells, one row per configuration and phase, in {@code order}. */
    static List<Row> peers(List<PeersRound.Cell> cells, List<Peer> order, int rounds) {
        List<Row> rows = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (Peer peer : order) {
                List<PeersRound.Cell> mine = cells.stream().filter(c -> c.peer().equals(peer)).toList();
                rows.add(row(peer.name(), peer, phase, rounds, mine, PeersRound.Cell::round,
                        c -> phase == Phase.cold ? c.cold() : c.warm(), PeersRound.Cell::refused));
            }
        }
        return rows;
    }

    private static <C> Row row(String name, Peer peer, Phase phase, int rounds, List<C> cells,
            Function<C, Integer> round, Function<C, ClosedLoop.Result> result, Function<C, String> refused) {
        double[] rates = nans(rounds);
        double[] p99 = nans(rounds);
        String why = null;
        boolean timed = false;
        for (C c : cells) {
            ClosedLoop.Result r = result.apply(c);
            if (r == null) {
                why = why == null ? refused.apply(c) : why;
                continue;
            }
            rates[round.apply(c) - 1] = r.perSecond();
            p99[round.apply(c) - 1] = r.percentileMicros(0.99);
            timed |= r.timed();
        }
        boolean none = Arrays.stream(rates).allMatch(Double::isNaN);
        return new Row(name, peer, phase, rates, p99, none ? (why == null ? "not run" : why) : null, timed);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The row of {@code phase} with the highest median writes/s among those {@code which} takes. */
    static Optional<Row> fastest(List<Row> rows, Phase phase, Predicate<Row> which) {
        return rows.stream().filter(r -> r.phase() == phase && r.refused() == null && which.test(r))
                .max(Comparator.comparingDouble(Row::median));
    }

    /** {@code a}'s writes/s over {@code b}'s, round by round where both have figures; null when no round has both. */
    static Spread ratio(Row a, Row b) {
        return Spread.of(ModelsGrid.ratios(b.rates(), a.rates()));
    }

    /** Whether a row is one of the seed's stacks. */
    static Predicate<Row> stack(Peer.Stack... stacks) {
        return r -> !r.jvm() && Arrays.asList(stacks).contains(r.peer().stack());
    }
}
