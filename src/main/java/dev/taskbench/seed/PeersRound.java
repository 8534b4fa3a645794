package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.net.NginxFront;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.seed.peers.PeerProcess;
import dev.taskbench.seed.peers.PeerStacks;
import dev.taskbench.seed.peers.PeerTable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's own stacks, live, beside the JVM models of the same run: each configuration of
 * {@code -Dtaskbench.seed.peers} started ({@link PeerProcess}), its write round under the suite's
 * closed-loop load cold (the first writes after start, as the seed measured) and warm (after an
 * unmeasured warm-up), every phase's rows read back from the stack's own table. Each phase is the
 * first {@code writes} or the first {@code phaseLimit}, whichever comes first: a stack too slow to
 * reach the count in that time is timed, not counted, and its rows say so. A stack not installed,
 * a start that fails, an answer other than 201, or fewer rows than 201s is one line, never a figure.
 */
final class PeersRound {
    static final String PEERS = SettingsCatalogue.SEED_PEERS.key();
    static final String START_SECONDS = SettingsCatalogue.SEED_PEER_START_SECONDS.key();
    static final String WRITES = SettingsCatalogue.SEED_PEER_WRITES.key();
    static final String SECONDS = SettingsCatalogue.SEED_PEER_SECONDS.key();
    /** What a timed figure carries in the table, explained in one line under it. */
    static final String TIMED = "timed";

    /**
     * @param peers the configurations to run, in the order given; empty skips the round
     * @param project the project folder, holding {@code peers/}
     * @param startWait how long a configuration may take to answer its first request
     * @param writes form POSTs in each phase (cold, warm-up, warm), shared among the users
     * @param phaseLimit the most a phase lasts, zero for none: a phase stopped by it is timed, not counted
     */
    record Plan(List<Peer> peers, Path project, Duration startWait, int writes, Duration phaseLimit) {
        static final Plan NONE = new Plan(List.of(), Path.of("."), Duration.ofSeconds(60));

        Plan {
            if (writes < 1 || phaseLimit.isNegative()) {
                throw new TaskbenchException("the seed's stacks need writes from 1 and a phase limit from 0, not "
                        + writes + " and " + phaseLimit);
            }
        }

        /** Counted phases only, of {@code 10,000} writes: what a test that sets its own writes builds. */
        Plan(List<Peer> peers, Path project, Duration startWait) {
            this(peers, project, startWait, 10_000, Duration.ZERO);
        }

        static Plan from(Settings s) {
            return new Plan(Peer.parse(s.string(PEERS, null, "none")), ProjectPaths.projectDir(s),
                    Duration.ofSeconds(s.integer(START_SECONDS, null, 60, 1, 3600)),
                    s.integer(WRITES, null, ModelsGrid.Plan.writes(s), 1, Integer.MAX_VALUE),
                    Duration.ofSeconds(s.integer(SECONDS, null, 10, 1, 3600)));
        }

        /** The writes of a phase for {@code users} users: {@link #writes} rounded down to a multiple, at least one each. */
        int writes(int users) {
            return Math.max(1, writes / users) * users;
        }

        /** How a phase of {@code users} users ends ({@link PeersRound#phase}). */
        String phase(int users) {
            return PeersRound.phase(writes(users), phaseLimit);
        }

        boolean on() {
            return !peers.isEmpty();
        }
    }

    /**
     * One configuration's round, or why it has none (then both results are null).
     *
     * @param seconds the round from start to stop, NaN where its stack is missing (it cost nothing)
     */
    record Cell(Peer peer, int round, ClosedLoop.Result cold, ClosedLoop.Result warm, String refused, double seconds) {
        Cell(Peer peer, int round, ClosedLoop.Result cold, ClosedLoop.Result warm, String refused) {
            this(peer, round, cold, warm, refused, Double.NaN);
        }
    }

    /**
     * The configurations' rounds as a run interleaves them with the JVM models: {@link #run(int)}
     * runs every configuration once, tagged with the round; each is asked once whether its stack is here.
     */
    static final class Rounds {
        private final ConnectionInfo db;
        private final Plan plan;
        private final Poster.Kind client;
        private final int users;
        private final int writes;
        private final PrintStream out;
        private final PeerStacks stacks;
        private final List<Cell> cells = new ArrayList<>();
        private int done;

        Rounds(ConnectionInfo db, Plan plan, Poster.Kind client, int users, int writes, PrintStream out) {
            this.db = db;
            this.plan = plan;
            this.client = client;
            this.users = users;
            this.writes = writes;
            this.out = out;
            this.stacks = new PeerStacks(plan.project());
        }

        /** Round {@code round} of every configuration, unless it ran already. */
        void run(int round) throws Exception {
            if (round <= done || !plan.on()) {
                return;
            }
            out.printf(Locale.ROOT, "  the seed's stacks, round %d%n", round);
            for (Peer peer : plan.peers()) {
                Optional<String> missing = stacks.missing(peer.stack());
                Cell c = missing.isPresent() ? new Cell(peer, round, null, null, missing.get())
                        : cell(db, plan, peer, round, client, users, Math.max(1, writes / users), out);
                if (c.refused() != null && (missing.isEmpty() || round == 1)) {
                    out.printf(Locale.ROOT, "  %s: %s%n", peer.name(), c.refused());
                }
                cells.add(c);
            }
            done = round;
        }

        /** Which stacks are installed, each asked once for the whole run. */
        PeerStacks stacks() {
            return stacks;
        }

        /** Runs the rounds up to {@code rounds} that have not run (when no JVM model round interleaved them). */
        List<Cell> finish(int rounds) throws Exception {
            for (int r = done + 1; r <= rounds; r++) {
                run(r);
            }
            return List.copyOf(cells);
        }
    }

    private PeersRound() {
    }

    /** One round of every configuration of {@code plan}, one after another, {@code users} x {@code writes / users} each. */
    static List<Cell> run(ConnectionInfo db, Plan plan, Poster.Kind client, int users, int writes, PrintStream out)
            throws Exception {
        return new Rounds(db, plan, client, users, writes, out).finish(1);
    }

    private static Cell cell(ConnectionInfo db, Plan plan, Peer peer, int round, Poster.Kind client, int users,
            int perUser, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Cell c = measure(db, plan, peer, round, client, users, perUser, out);
        return new Cell(c.peer(), c.round(), c.cold(), c.warm(), c.refused(), (System.nanoTime() - t0) / 1e9);
    }

    private static Cell measure(ConnectionInfo db, Plan plan, Peer peer, int round, Poster.Kind client, int users,
            int perUser, PrintStream out) throws Exception {
        ConnectionInfo table = PeerTable.emptied(db, peer.stack());
        String id = peer.name() + "-" + System.nanoTime();
        try (PeerProcess p = PeerProcess.start(peer, plan.project(), db, plan.startWait(), out);
             NginxFront front = peer.nginx() ? NginxFront.start(nginx(), p.uri()) : null) {
            URI target = front == null ? p.uri() : front.uri();
            Duration limit = plan.phaseLimit();
            ClosedLoop.Result cold = round(p, target, table, client, users, "cold-" + id, perUser, limit);
            ClosedLoop.Result warmup = round(p, target, table, client, users, "warmup-" + id, perUser, limit);
            ClosedLoop.Result warm = round(p, target, table, client, users, "warm-" + id, perUser, limit);
            out.printf(Locale.ROOT, "  %s: cold %s, warm %s, p99 %.1f ms (%d rows read back)%n", peer.name(),
                    said(cold, limit), said(warm, limit), warm.percentileMicros(0.99) / 1000,
                    cold.operations() + warmup.operations() + warm.operations());
            return new Cell(peer, round, cold, warm, null);
        } catch (TaskbenchException e) {
            return new Cell(peer, round, null, null, e.getMessage());
        }
    }

    /** How a phase ends, for the plan and the table: {@code the first 10,000 form POSTs or the first 10 s, whichever came first}. */
    static String phase(int writes, Duration limit) {
        return String.format(Locale.ROOT, "the first %,d form POSTs", writes) + (limit.isZero() ? ""
                : String.format(Locale.ROOT, " or the first %d s, whichever came first", limit.toSeconds()));
    }

    /** A phase's writes/s, and where the clock stopped it, the count it reached: {@code 98 writes/s (timed: 982 in 10 s)}. */
    static String said(ClosedLoop.Result r, Duration limit) {
        return String.format(Locale.ROOT, "%,.0f writes/s", r.perSecond()) + (r.timed() ? String.format(Locale.ROOT,
                " (" + TIMED + ": %,d in %d s)", r.operations(), limit.toSeconds()) : "");
    }

    /** Debian's nginx for a {@link Peer#NGINX} configuration; without it, the configuration's one line. */
    private static Path nginx() {
        return NginxFront.find().orElseThrow(() -> new TaskbenchException(NginxFront.MISSING));
    }

    /**
     * One write round against the peer (straight, or through nginx at {@code target}), its rows
     * then read back: a write not answered 201, fewer rows than 201s, or a sampled row that holds
     * what was not posted is the peer's one-line failure with its log's last lines.
     */
    private static ClosedLoop.Result round(PeerProcess p, URI target, ConnectionInfo table, Poster.Kind client,
            int users, String marker, int perUser, Duration limit) throws Exception {
        ClosedLoop.Result r;
        try {
            r = SeedLoad.writes(target, client, users, marker, perUser, limit);
        } catch (TaskbenchException | IOException e) {
            throw p.failure("failed under load (" + e.getMessage() + ")");
        }
        long found = SeedLoad.rowsMarked(table, marker);
        if (found != r.operations()) {
            throw p.failure("answered 201 for " + r.operations() + " writes but " + found
                    + " rows carry their marker: not counted");
        }
        String wrong = SeedLoad.sampleMismatch(table, marker);
        if (wrong != null) {
            throw p.failure("wrote what was not posted (" + wrong + "): not counted");
        }
        return r;
    }
}
