package dev.taskbench.runner;

import dev.taskbench.Spans;
import dev.taskbench.history.ForkStops;
import dev.taskbench.results.RowKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The forks a rule adds beyond where each row starts, predicted before the first fork from earlier
 * runs' stops ({@link ForkStops}): beside a baseline jar the fork pairs for undecided rows, alone the
 * stop rule's forks for rows still wide. A row expects the mean of the forks each of its newest runs
 * of the same rule on its testbed added beyond its start, up to the cap (a row that starts at the
 * forks its history plans still gets more in the runs where its spread was wider); a row none of them
 * holds, its start plus the share of the cap's extra forks that the newest such run's rows took, on
 * any testbed. Without any such run, a rule that gives up rows out of the cap's reach at a fork count
 * ({@code prior}: the stop rule's {@code reachAt}) expects every row to reach it, as the fixed design
 * would give it; a rule without one (fork pairs) predicts nothing, and the estimate names them as
 * coming on top.
 *
 * @param what what adds them, in a few words
 * @param cap the most forks (pairs) a row gets
 * @param forks the forks predicted beyond the rows' start, both sides counted
 * @param seconds the time they take
 * @param runs the earlier runs the rows' own predictions come from
 * @param shared the rows predicted at the newest run's share
 * @param predicted false when no earlier run of the rule exists to predict from, nor a prior
 * @param most the time they take if every row runs to the cap: what an unpredicted term says it may cost
 * @param prior the forks every row was expected to reach, without an earlier run; 0: not used
 */
record ExtraForks(ForkStops.Rule rule, String what, int cap, double forks, double seconds, Set<String> runs,
        int shared, boolean predicted, double most, int prior) {
    /** Forks are fixed: nothing comes beyond the rows' start. */
    static final ExtraForks NONE = new ExtraForks(null, "", 0, 0, 0, Set.of(), 0, true, 0, 0);

    ExtraForks {
        runs = Set.copyOf(runs);
    }

    /** One row where it starts, and what one of its forks is planned to take. */
    record Start(RowKey row, String testbed, int forks, double forkSeconds) {
    }

    /**
     * The forks {@code rule} adds to these rows up to {@code cap}, each fork beside {@code sides - 1}
     * twins; {@code prior} the forks every row is expected to reach without an earlier run (0: none).
     */
    static ExtraForks predict(ForkStops.Rule rule, String what, int cap, int prior, List<Start> rows, int sides,
            ForkStops stops) {
        Optional<ForkStops.Share> newest = stops.newest(rule);
        double most = rows.stream().mapToDouble(r -> Math.max(0, cap - r.forks()) * sides * r.forkSeconds()).sum();
        if (newest.isEmpty() && prior <= 0) {
            return new ExtraForks(rule, what, cap, 0, 0, Set.of(), 0, false, most, 0);
        }
        int expected = newest.isEmpty() ? Math.min(prior, cap) : 0;
        double forks = 0;
        double seconds = 0;
        Set<String> runs = new TreeSet<>();
        int shared = 0;
        for (Start r : rows) {
            int start = Math.min(r.forks(), cap);
            Optional<ForkStops.Forks> own = stops.of(rule, r.testbed(), r.row());
            double extra = newest.isEmpty() ? Math.max(0, expected - start)
                    : own.isPresent() ? own.get().beyond(start, cap) : newest.get().share() * (cap - start);
            own.ifPresent(o -> runs.addAll(o.runs()));
            shared += newest.isEmpty() || own.isPresent() ? 0 : 1;
            forks += extra * sides;
            seconds += extra * sides * r.forkSeconds();
        }
        return new ExtraForks(rule, what, cap, forks, seconds, runs, shared, true, most, expected);
    }

    /** Whether the estimate counts a term for them. */
    boolean counted() {
        return rule != null && predicted;
    }

    /** {@code ~13 min for fork pairs for undecided rows (from 2 earlier comparisons of this testbed)}. */
    String term() {
        return "~" + Spans.about(seconds) + " for " + what + " (" + source() + ")";
    }

    /** What comes on top unpredicted, in a few words; empty when counted or none. */
    String onTop() {
        return rule == null || predicted ? "" : what + " (no earlier " + noun(1) + " to predict them from; at most "
                + cap + " a row" + (most > 0 ? ": up to " + Spans.about(most) : "") + ")";
    }

    private String source() {
        if (prior > 0) {
            return "no earlier " + noun(1) + ": every row to " + prior + " forks, where the rule first gives up a row "
                    + "the cap cannot decide; at most " + cap + " a row: up to " + Spans.about(most);
        }
        String own = "from " + runs.size() + " earlier " + noun(runs.size()) + " of this testbed";
        String rest = "at the newest " + noun(1) + "'s share";
        if (shared == 0) {
            return own;
        }
        return runs.isEmpty() ? rest : own + "; " + shared + " row" + (shared == 1 ? "" : "s") + " " + rest;
    }

    private String noun(int n) {
        return (rule == ForkStops.Rule.PAIRS ? "comparison" : "stop-rule run") + (n == 1 ? "" : "s");
    }
}
