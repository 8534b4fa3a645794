package dev.taskbench.seed;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * This run's figures of the seed's own configurations, looked up by the configuration a quoted figure
 * was measured on ({@link SeedFigures.Figure#peer}): every table that quotes the seed's machine shows
 * this machine's figure beside it, or says in a few words how to measure it here.
 */
final class SeedHere {
    /** A run without the seed's stacks: every quoted figure says how to measure it here. */
    static final SeedHere NONE = new SeedHere(Map.of(), Map.of());

    /** Configuration → median cold writes/s (the seed timed its first writes after start), NaN where it ran without figures. */
    private final Map<String, Double> writes;
    /** {@link PeersCpu}'s configuration → median requests/s, NaN the same way. */
    private final Map<String, Double> cpu;

    private SeedHere(Map<String, Double> writes, Map<String, Double> cpu) {
        this.writes = writes;
        this.cpu = cpu;
    }

    /** From the side-by-side rows (the seed's stacks straight, not behind nginx) and the stacks' CPU rows. */
    static SeedHere of(List<SideBySide.Row> rows, List<PeersCpu.Row> cpuRows) {
        Map<String, Double> w = new HashMap<>();
        rows.stream().filter(r -> !r.jvm() && !r.peer().nginx() && r.phase() == SideBySide.Phase.cold)
                .forEach(r -> w.put(r.name(), r.refused() == null ? r.median() : Double.NaN));
        Map<String, Double> c = new HashMap<>();
        cpuRows.stream().filter(r -> !r.jvm()).forEach(r -> c.put(r.name(), r.refused() == null ? r.median() : Double.NaN));
        return new SeedHere(w, c);
    }

    /** {@code here 669/s}, or why there is no figure here: {@code here: not run (-Dtaskbench.seed.peers=node)}. */
    String beside(SeedFigures.Figure f) {
        if (f.peer() == null) {
            return "here: no configuration of the seed's stacks runs this round";
        }
        boolean cpuRound = f.round() == SeedFigures.Round.cpu;
        Double v = (cpuRound ? cpu : writes).get(f.peer());
        if (v == null) {
            return "here: not run (-D" + PeersRound.PEERS + "=" + (cpuRound ? stackName(f) : f.peer()) + ")";
        }
        if (v.isNaN()) {
            return "here: not measured (the stacks' table says why)";
        }
        return String.format(Locale.ROOT, cpuRound ? "here %,.1f/s" : "here %,.0f/s cold", v);
    }

    /** The measured figure, NaN where there is none. */
    double of(SeedFigures.Figure f) {
        Double v = f.peer() == null ? null : (f.round() == SeedFigures.Round.cpu ? cpu : writes).get(f.peer());
        return v == null ? Double.NaN : v;
    }

    /** A write configuration of the figure's stack: naming it in the peers runs that stack's CPU round. */
    private static String stackName(SeedFigures.Figure f) {
        return f.stack().equals(SeedFigures.NODE) ? "node" : f.stack().equals(SeedFigures.PYPY) ? "pypy-1" : "django-1";
    }
}
