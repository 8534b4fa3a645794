package dev.taskbench.seed;

import dev.taskbench.seed.SideBySide.Phase;
import dev.taskbench.seed.SideBySide.Row;
import dev.taskbench.seed.peers.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seed's conclusions checked against one run's table, each computed from its rows (medians
 * over the rounds, cold and warm) and each a "not measured in this run" line where its rows are absent.
 */
final class PeerFindings {
    static final String NOT_MEASURED = "not measured in this run";

    /** What a conclusion found in one phase: whether it holds, and the figures that say so. */
    record Verdict(boolean holds, String because) {
        String say() {
            return (holds ? "holds" : "does NOT hold") + " (" + because + ")";
        }
    }

    private PeerFindings() {
    }

    /** The findings of a run without the CPU round of the seed's stacks. */
    static String render(List<Row> rows) {
        return render(rows, List.of());
    }

    /** The findings' heading. */
    static final String TITLE = "The seed's conclusions, checked on this run (medians over the rounds):";

    /** The findings, one line each, under a heading: the write round's from {@code rows}, the CPU round's from {@code cpu}. */
    static String render(List<Row> rows, List<PeersCpu.Row> cpu) {
        StringBuilder sb = new StringBuilder(TITLE).append('\n');
        lines(rows, cpu).forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }

    /** Each conclusion in a line ({@code claim: cold: holds (...); warm: ...}), then the JVM's place. */
    static List<String> lines(List<Row> rows, List<PeersCpu.Row> cpu) {
        List<String> out = new ArrayList<>();
        out.add(line("Node without cluster is its best on the write test", rows, PeerFindings::nodeAloneBest));
        out.add(line("gevent gives no gain over sync workers", rows, PeerFindings::geventNoGain));
        out.add(line("PyPy is slower than CPython on the database round", rows, PeerFindings::pypySlower));
        out.add("PyPy wins the CPU round: " + pypyWinsCpu(cpu).map(Verdict::say).orElse(NOT_MEASURED));
        List<String> place = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            jvmPlace(own(rows, phase)).ifPresent(v -> place.add(phase + ": " + v.because()));
        }
        jvmCpuPlace(cpu).ifPresent(v -> place.add(PeersCpu.ROUND + ": " + v.because()));
        out.add("the JVM's place: " + (place.isEmpty() ? NOT_MEASURED : String.join("; ", place)));
        return out;
    }

    /**
     * The rows of {@code phase} with figures, the seed's stacks of one deployment only: straight
     * where any ran straight, else behind nginx, so that no conclusion sets one against the other.
     */
    private static List<Row> own(List<Row> rows, Phase phase) {
        List<Row> measured = rows.stream().filter(r -> r.phase() == phase && r.refused() == null).toList();
        boolean straight = measured.stream().anyMatch(r -> !r.jvm() && !r.peer().nginx());
        return measured.stream().filter(r -> r.jvm() || r.peer().nginx() != straight).toList();
    }

    private static String line(String claim, List<Row> rows, Function<List<Row>, Optional<Verdict>> f) {
        List<String> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            f.apply(own(rows, phase)).ifPresent(v -> phases.add(phase + ": " + v.say()));
        }
        return claim + ": " + (phases.isEmpty() ? NOT_MEASURED : String.join("; ", phases));
    }

    /** {@code node} against every PM2 cluster measured: holds when no cluster's median is above its. */
    static Optional<Verdict> nodeAloneBest(List<Row> rows) {
        Optional<Row> alone = rows.stream().filter(r -> !r.jvm() && r.peer().stack() == Peer.Stack.node
                && r.peer().workers() == 0).findFirst();
        Optional<Row> cluster = best(rows.stream().filter(r -> !r.jvm() && r.peer().stack() == Peer.Stack.node
                && r.peer().workers() != 0).toList());
        if (alone.isEmpty() || cluster.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(alone.get().median() >= cluster.get().median(), versus(alone.get(), cluster.get())));
    }

    /**
     * The best gevent configuration against the best sync one on CPython, with the same kind of
     * connections (the seed's, a new one per request, where both ran that way): holds when gevent's
     * median is not above the sync one's highest round.
     */
    static Optional<Verdict> geventNoGain(List<Row> rows) {
        for (boolean persistent : new boolean[] {false, true}) {
            List<Row> django = rows.stream().filter(r -> !r.jvm() && r.peer().stack() == Peer.Stack.django
                    && r.peer().persistent() == persistent).toList();
            Optional<Row> gevent = best(django.stream().filter(r -> r.peer().greenlets() > 0).toList());
            Optional<Row> sync = best(django.stream().filter(r -> r.peer().greenlets() == 0).toList());
            if (gevent.isPresent() && sync.isPresent()) {
                return Optional.of(new Verdict(gevent.get().median() <= sync.get().spread().high(),
                        versus(gevent.get(), sync.get()) + String.format(Locale.ROOT, ", whose highest round %,.0f/s",
                                sync.get().spread().high())));
            }
        }
        return Optional.empty();
    }

    /** Each PyPy configuration against CPython's with the same sync workers and connections: holds when every one is slower. */
    static Optional<Verdict> pypySlower(List<Row> rows) {
        List<String> pairs = new ArrayList<>();
        boolean all = true;
        for (Row pypy : rows.stream().filter(r -> !r.jvm() && r.peer().stack() == Peer.Stack.pypy).toList()) {
            Optional<Row> twin = rows.stream().filter(r -> !r.jvm() && r.peer().stack() == Peer.Stack.django
                    && r.peer().greenlets() == 0 && r.peer().workers() == pypy.peer().workers()
                    && r.peer().persistent() == pypy.peer().persistent()).findFirst();
            if (twin.isPresent()) {
                all &= pypy.median() < twin.get().median();
                pairs.add(versus(pypy, twin.get()));
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(new Verdict(all, String.join(", ", pairs)));
    }

    /**
     * The fastest JVM model over the fastest of the seed's configurations, round by round as the
     * side-by-side lines pair them (holds: the JVM's is the faster).
     */
    static Optional<Verdict> jvmPlace(List<Row> rows) {
        Optional<Row> jvm = best(rows.stream().filter(Row::jvm).toList());
        Optional<Row> peer = best(rows.stream().filter(r -> !r.jvm()).toList());
        if (jvm.isEmpty() || peer.isEmpty()) {
            return Optional.empty();
        }
        Spread x = SideBySide.ratio(jvm.get(), peer.get());
        if (x == null) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(x.median() > 1, String.format(Locale.ROOT, "the fastest JVM model, %s, writes %s"
                + " the fastest of the seed's stacks, %s", jvm.get().name(), x.format("%.2fx"), peer.get().name())));
    }

    /**
     * PyPy against Node and CPython at each worker count where PyPy and another measured: holds
     * when PyPy's median requests/s is the highest at every one, as the seed found.
     */
    static Optional<Verdict> pypyWinsCpu(List<PeersCpu.Row> cpu) {
        List<PeersCpu.Row> measured = cpu.stream().filter(r -> !r.jvm() && r.refused() == null).toList();
        List<String> counts = new ArrayList<>();
        boolean all = true;
        for (int w : measured.stream().map(PeersCpu.Row::workers).distinct().sorted().toList()) {
            List<PeersCpu.Row> at = measured.stream().filter(r -> r.workers() == w).toList();
            Optional<PeersCpu.Row> pypy = at.stream().filter(r -> r.peer().stack() == Peer.Stack.pypy).findFirst();
            if (pypy.isEmpty() || at.size() < 2) {
                continue;
            }
            all &= at.stream().allMatch(r -> r == pypy.get() || r.median() < pypy.get().median());
            counts.add(String.join(", ", at.stream().map(r -> String.format(Locale.ROOT, "%s %,.1f/s", r.name(),
                    r.median())).toList()));
        }
        return counts.isEmpty() ? Optional.empty() : Optional.of(new Verdict(all, String.join("; ", counts)));
    }

    /** The fastest JVM flag set over the fastest of the seed's stacks in the CPU round, round by round. */
    static Optional<Verdict> jvmCpuPlace(List<PeersCpu.Row> cpu) {
        java.util.Comparator<PeersCpu.Row> rate = java.util.Comparator.comparingDouble(PeersCpu.Row::median);
        Optional<PeersCpu.Row> jvm = cpu.stream().filter(r -> r.jvm() && r.refused() == null).max(rate);
        Optional<PeersCpu.Row> peer = cpu.stream().filter(r -> !r.jvm() && r.refused() == null).max(rate);
        Spread x = jvm.isEmpty() || peer.isEmpty() ? null : PeersCpu.ratio(jvm.get(), peer.get());
        if (x == null) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(x.median() > 1, String.format(Locale.ROOT, "the fastest JVM flag set, %s, serves"
                + " %s the requests/s of the fastest of the seed's stacks, %s", jvm.get().name(), x.format("%.2fx"),
                peer.get().name())));
    }

    private static Optional<Row> best(List<Row> rows) {
        return rows.stream().max(java.util.Comparator.comparingDouble(Row::median));
    }

    private static String versus(Row a, Row b) {
        return String.format(Locale.ROOT, "%s %,.0f/s, %s %,.0f/s", a.name(), a.median(), b.name(), b.median());
    }
}
