package dev.taskbench.seed;

import dev.taskbench.Spans;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.server.Threading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How long {@code jmh:seed} will take, said before its first write and set against what it took
 * at the end, as {@code jmh:run} does. The seed's stacks are planned at their bound: each of a
 * configuration's three phases (cold, warm-up, warm) ends at its count or at
 * {@code -Dtaskbench.seed.peerSeconds}, whichever comes first, so a stack writing a hundred rows a
 * second costs no more than one writing thousands; a configuration the newest seed run with the same
 * phases measured ({@link SeedHistory}) is planned at what it took there. The JVM's own parts have no such bound; they
 * are planned from the model's rates below, chosen low, so that the figure errs long.
 *
 * @param parts the run's parts in the order they run
 */
record SeedClock(List<Part> parts) {
    /** The in-process server's writes a second, as the model has it: low, so that the plan errs long. */
    static final double JVM_WRITES_PER_SECOND = 2_000;
    /** The in-process server's CPU-round requests a second, the same way. */
    static final double JVM_CPU_PER_SECOND = 200;
    /** The cost breakdown's own rounds ({@link Layers}) and its share under load. */
    static final double LAYERS_SECONDS = 15;
    /** Starting and stopping one server of the models round, and reading its rows back. */
    static final double SERVER_SECONDS = 1;
    /** Starting one server JVM of the CPU round (under {@code -Xint} too) and stopping it. */
    static final double CPU_JVM_SECONDS = 10;
    /** Starting one of the seed's stacks until it answers, stopping it, and emptying its table. */
    static final double PEER_SECONDS = 5;
    /** Where a phase has no time limit: the slowest of the seed's stacks' writes a second, as the model has it. */
    static final double SLOW_PEER_WRITES_PER_SECOND = 100;
    /** Phases of a configuration of the seed's stacks: cold, warm-up, warm. */
    static final int PHASES = 3;

    /**
     * One part of the run as planned.
     *
     * @param what what it is, for the line: {@code models round: 9 models x 2 round trips ...}
     * @param seconds how long it is planned to take
     */
    record Part(String what, double seconds) {
    }

    SeedClock {
        parts = List.copyOf(parts);
    }

    /**
     * The run {@code o}, {@code grid}, {@code cpu} and {@code peers} plan, the seed's stacks that
     * {@code installed} rejects costing nothing (each is one line).
     */
    static SeedClock plan(SeedSettings o, ModelsGrid.Plan grid, CpuRound.Plan cpu, PeersRound.Plan peers,
            Predicate<Peer.Stack> installed) {
        return plan(o, grid, cpu, peers, installed, SeedHistory.NONE);
    }

    /**
     * The same, each configuration of the seed's stacks (and each of their CPU cells) that {@code history}
     * measured planned at what it took there, the rest at the bound.
     */
    static SeedClock plan(SeedSettings o, ModelsGrid.Plan grid, CpuRound.Plan cpu, PeersRound.Plan peers,
            Predicate<Peer.Stack> installed, SeedHistory history) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("the JVM's own steps (warmup, pgbench, write round, nginx, CPU, layers)", jvmSteps(o)));
        if (grid.on()) {
            parts.add(new Part(String.format(Locale.ROOT, "models round: %d models x %d round trips x %d user counts x %d"
                    + " round(s)", grid.models().size(), grid.roundTripsMs().size(), grid.users().size(), grid.rounds()),
                    models(grid)));
        }
        int users = grid.users().isEmpty() ? o.users() : grid.users().get(0);
        List<Peer> running = peers.peers().stream().filter(p -> installed.test(p.stack())).toList();
        if (peers.on()) {
            double bound = PEER_SECONDS + PHASES * phase(peers, users);
            long known = running.stream().filter(p -> history.writeRound(p.name()).isPresent()).count();
            double round = running.stream().mapToDouble(p -> history.writeRound(p.name()).orElse(bound)).sum();
            parts.add(new Part(String.format(Locale.ROOT, "the seed's stacks: %d configurations (%d installed) x %d"
                    + " round(s) x %d phases, each %s%s", peers.peers().size(), running.size(), grid.rounds(), PHASES,
                    peers.phase(users), from(known, running.size(), history)), grid.rounds() * round));
        }
        boolean peersCpu = peers.on() && o.cpu() > 0;
        int cpuRounds = peersCpu ? grid.rounds() : 1;
        if (cpu.on() && o.cpu() > 0) {
            parts.add(new Part(String.format(Locale.ROOT, "CPU round: %d flag sets x %d worker counts x %d round(s)",
                    cpu.flagSets().size(), cpu.workers().size(), cpuRounds), cpuRounds * cpu.flagSets().size()
                            * (CPU_JVM_SECONDS + cpu.workers().size() * cpuCell(cpu))));
        }
        if (peersCpu) {
            List<Peer> cells = PeersCpu.stacks(peers).stream().filter(installed)
                    .flatMap(s -> cpu.workers().stream().map(w -> Peer.cpu(s, w))).toList();
            long known = cells.stream().filter(p -> history.cpuCell(p.name()).isPresent()).count();
            double round = cells.stream().mapToDouble(p -> history.cpuCell(p.name()).orElse(PEER_SECONDS + cpuCell(cpu)))
                    .sum();
            parts.add(new Part(String.format(Locale.ROOT, "the seed's stacks' CPU round: %d stacks x %d worker counts x %d"
                    + " round(s)%s", cells.size() / Math.max(1, cpu.workers().size()), cpu.workers().size(), cpuRounds,
                    from(known, cells.size(), history)), cpuRounds * round));
        }
        return new SeedClock(parts);
    }

    /** {@code  (20 of 23 as long as in seed run X, the rest at their bound)}, or nothing when none came from it. */
    private static String from(long known, long of, SeedHistory history) {
        return known == 0 ? "" : String.format(Locale.ROOT, " (%d of %d as long as in seed run %s%s)", known, of,
                history.run(), known == of ? "" : ", the rest at their bound");
    }

    /** The steps against the in-process server, in {@link SeedCommand#STEPS}' order. */
    static double jvmSteps(SeedSettings o) {
        double warmup = o.warmup() == 0 ? 0 : Math.max(o.warmup() / JVM_WRITES_PER_SECOND, o.warmupSeconds());
        double pgbench = o.ceilingSeconds() == 0 ? 0 : 2 * o.ceilingSeconds() + 1;
        double writes = o.writes() / JVM_WRITES_PER_SECOND * (o.nginx() ? 3 : 1);
        double cpu = 2 * o.cpu() / JVM_CPU_PER_SECOND;
        return warmup + pgbench + writes + cpu + (o.layers() ? LAYERS_SECONDS : 0);
    }

    /**
     * Every cell of the models round: a server, then twice the cell's writes, each write taking the
     * injected round trip shared among the writes in flight (a {@code platform-N} model has N).
     */
    static double models(ModelsGrid.Plan grid) {
        double sum = 0;
        for (ModelsGrid.Model m : grid.models()) {
            for (int rt : grid.roundTripsMs()) {
                for (int users : grid.users()) {
                    int inFlight = m.threading().kind() == Threading.platform ? Math.min(users, m.threading().workers())
                            : users;
                    double perWrite = Math.max(1 / JVM_WRITES_PER_SECOND, rt / 1000.0 / inFlight);
                    sum += SERVER_SECONDS + 2.0 * grid.writes() * perWrite;
                }
            }
        }
        return sum * grid.rounds();
    }

    /** A phase of one of the seed's stacks at its bound: the time limit, or without one its count at the slow rate. */
    static double phase(PeersRound.Plan peers, int users) {
        return peers.phaseLimit().isZero() ? peers.writes(users) / SLOW_PEER_WRITES_PER_SECOND
                : peers.phaseLimit().toSeconds();
    }

    /** A CPU cell: one request per user unmeasured, then its seconds; the first planned as long as the second. */
    static double cpuCell(CpuRound.Plan cpu) {
        return 2.0 * cpu.seconds();
    }

    double seconds() {
        return parts.stream().mapToDouble(Part::seconds).sum();
    }

    /** {@code taskbench seed: about 19 min: the JVM's own steps ~2 min; models round ... ~51 s; ...}. */
    String line() {
        StringBuilder sb = new StringBuilder("taskbench seed: about " + Spans.about(seconds()) + ": ");
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(parts.get(i).what()).append(" ~").append(Spans.about(parts.get(i)
                    .seconds()));
        }
        return sb.toString();
    }

    /** {@code taskbench seed: planned about 19 min, took 17 min 40 s}. */
    String took(double seconds) {
        return "taskbench seed: planned about " + Spans.about(seconds()) + ", took " + Spans.span(seconds);
    }
}
