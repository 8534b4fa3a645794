package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import dev.taskbench.loop.CounterLoop;
import dev.taskbench.net.NginxFront;
import dev.taskbench.seed.peers.Peer;
import dev.taskbench.seed.peers.PeerProcess;
import dev.taskbench.seed.peers.PeerStacks;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.write.WriteConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own stacks against the real PostgreSQL: each writes a few hundred rows under the
 * suite's load and they are read back; a peer that fails to start, or answers 201 without writing,
 * is one line and no figure. A stack this machine lacks is skipped, saying so
 * ({@code scripts/peers/install} installs them).
 */
class PeersRoundTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(60);

    private static void assumeInstalled(Peer.Stack stack) {
        Optional<String> missing = new PeerStacks(PROJECT).missing(stack);
        if (missing.isPresent()) {
            System.out.println("PeersRoundTest: skipped " + stack + ": " + missing.get());
        }
        assumeTrue(missing.isEmpty(), () -> missing.get());
    }

    private static List<PeersRound.Cell> run(Path project, String peers, int writes, PrintStream out) throws Exception {
        PeersRound.Plan plan = new PeersRound.Plan(Peer.parse(peers), project, START);
        return PeersRound.run(TestDatabase.info(), plan, Poster.Kind.raw, 10, writes, out);
    }

    /** Cold, unmeasured and warm rounds of 100 writes: 300 rows read back from the stack's own table. */
    private static void writesAreReadBack(String peer) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<PeersRound.Cell> cells = run(PROJECT, peer, 100, new PrintStream(log, true, StandardCharsets.UTF_8));
        String said = log.toString(StandardCharsets.UTF_8);
        PeersRound.Cell c = cells.get(0);
        assertNull(c.refused(), said);
        assertEquals(100, c.cold().operations());
        assertEquals(100, c.warm().operations());
        assertTrue(said.contains(peer + ": cold ") && said.contains("(300 rows read back)"), said);
        String table = StacksTable.render(PeersRound.Plan.NONE, List.of(), cells, 10, 100);
        for (String phase : List.of("cold ", "warm ")) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(phase) && l.contains(" " + peer + " ")
                    && !l.contains("-/s")), table);
        }
    }

    /**
     * Two rounds: each runs every JVM model and then every configuration, so the table gives each
     * a median [lowest, highest] and the ratio of the fastest JVM model to Node's best with its spread.
     */
    @Test
    void roundsInterleaveTheSeedsStacksWithTheJvmModels() throws Exception {
        assumeInstalled(Peer.Stack.node);
        ModelsGrid.Plan grid = ModelsGridTest.plan(ModelsGrid.MODELS, "selector", ModelsGrid.ROUND_TRIPS, "0",
                ModelsGrid.USERS, "5", ModelsGrid.WRITES, "50", ModelsGrid.ROUNDS, "2");
        PeersRound.Plan plan = new PeersRound.Plan(Peer.parse("node"), PROJECT, START);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        List<ModelsGrid.Cell> models;
        List<PeersRound.Cell> cells;
        try (DatabaseLock lock = TestDatabase.lock()) {
            ModelsGridTest.emptyTable();
            ConnectionInfo db = WriteConnections.DEFAULTS.apply(TestDatabase.info());
            PeersRound.Rounds rounds = new PeersRound.Rounds(db, plan, Poster.Kind.raw, 5, 50, out);
            models = ModelsGrid.run(db, ServerConfig.defaults().withPoolSize(5), SeedSettingsTest.of(), grid, out,
                    rounds::run);
            cells = rounds.finish(2);
        }
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(1, 2), cells.stream().map(PeersRound.Cell::round).toList(), said);
        assertTrue(said.indexOf("round 2 of 2") > said.indexOf("the seed's stacks, round 1")
                && said.indexOf("the seed's stacks, round 2") > said.indexOf("round 2 of 2"), said);
        assertTrue(models.stream().allMatch(c -> c.cold() != null && c.cold().operations() == 50), said);
        String table = StacksTable.render(plan, models, cells, 5, 50);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("warm ") && l.contains(" node ") && l.contains("[")
                && l.endsWith("]")), table);
        assertTrue(table.contains("warm: the fastest JVM model (selector) over the fastest Node configuration (node): ")
                && table.contains("over 2 round(s)"), table);
        assertTrue(table.contains("Node without cluster is its best on the write test: " + PeerFindings.NOT_MEASURED),
                table);
    }

    @Test
    void nodeWritesRowsThatAreReadBack() throws Exception {
        assumeInstalled(Peer.Stack.node);
        writesAreReadBack("node");
    }

    @Test
    void djangoWritesRowsThatAreReadBack() throws Exception {
        assumeInstalled(Peer.Stack.django);
        writesAreReadBack("django-1");
    }

    @Test
    void djangoOnPypyWritesRowsThatAreReadBack() throws Exception {
        assumeInstalled(Peer.Stack.pypy);
        writesAreReadBack("pypy-1");
    }

    /** The seed's deployment: the same writes through nginx in front of the stack, rows read back. */
    @Test
    void nodeBehindNginxWritesRowsThatAreReadBack() throws Exception {
        assumeInstalled(Peer.Stack.node);
        assumeTrue(NginxFront.find().isPresent(), "nginx is not installed (apt-get install nginx)");
        writesAreReadBack("node-nginx");
    }

    @Test
    void djangoBehindNginxWritesRowsThatAreReadBack() throws Exception {
        assumeInstalled(Peer.Stack.django);
        assumeTrue(NginxFront.find().isPresent(), "nginx is not installed (apt-get install nginx)");
        writesAreReadBack("django-1-persistent-nginx");
    }

    /**
     * The CPU round of the seed's stacks at two worker counts beside a JVM flag set, in the write
     * round's layout: every answer is the loop's sum; a stack this machine lacks is one line, the rest runs.
     */
    @Test
    void theCpuRoundRunsEachInstalledStackBesideTheJvm() throws Exception {
        assumeInstalled(Peer.Stack.node);
        PeersRound.Plan plan = new PeersRound.Plan(Peer.parse("node,django-1,pypy-1"), PROJECT, START);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        SeedSettings o = SeedSettingsTest.of();
        PeerStacks stacks = new PeerStacks(PROJECT);
        List<PeersCpu.Cell> peers = PeersCpu.run(TestDatabase.info(), plan, stacks, o, List.of(1, 2), 1, 1, out);
        CpuRound.Plan jvm = CpuRoundTest.plan(CpuRound.FLAG_SETS, "c2", CpuRound.WORKERS, "1,2", CpuRound.SECONDS, "1");
        List<CpuRound.Cell> jvmCells = CpuRound.run(TestDatabase.info(), o, jvm, out);
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("node", "node-cluster-2", "django-1", "django-2", "pypy-1", "pypy-2"),
                peers.stream().map(c -> c.peer().name()).toList(), said);
        for (PeersCpu.Cell c : peers) {
            boolean here = stacks.missing(c.peer().stack()).isEmpty();
            assertTrue(here ? c.result() != null && c.result().operations() >= o.users() : c.refused() != null,
                    c + "\n" + said);
        }
        String table = PeersCpu.render(PeersCpu.rows(jvmCells, peers, List.of(1, 2), 1), o.users());
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cpu ") && l.contains(" taskbench (JVM) ")
                && l.contains("c2 platform-2")),
                table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cpu ") && l.contains(" Node/Express, PM2 ")
                && l.contains(" node ")
                && l.contains("41.7/s (1 process)") && l.endsWith("x")), table);
    }

    /** The seed's CPU route: its loop, the answer the JVM's gives. */
    @Test
    void nodesCpuRouteRunsTheSeedsLoop() throws Exception {
        assumeInstalled(Peer.Stack.node);
        try (PeerProcess p = PeerProcess.start(Peer.parse("node").get(0), PROJECT, TestDatabase.info(), START,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
             Poster client = new RawClient(p.uri())) {
            Poster.Reply r = client.post("/api/cpu", SeedLoad.BODY);
            assertEquals(200, r.status(), r.body());
            assertEquals(CounterLoop.EXPECTED, r.number("counter"), r.body());
        }
    }

    /** A configuration whose app cannot load: gunicorn exits, and the error is one line with its log's last lines. */
    @Test
    void aPeerThatFailsToStartIsOneLineWithItsLog(@TempDir Path project) throws Exception {
        assumeInstalled(Peer.Stack.django);
        app(project, "raise RuntimeError('broken on purpose')\n");
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> PeerProcess.start(Peer.parse("django-1")
                .get(0), project, TestDatabase.info(), START, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("django-1 exited with code ") && e.getMessage().contains("its log ends: "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    /** An app that answers 201 and writes nothing is named, and its figures are not counted. */
    @Test
    void aPeerThatAnswers201WithoutWritingIsNotCounted(@TempDir Path project) throws Exception {
        assumeInstalled(Peer.Stack.django);
        app(project, "def application(environ, start_response):\n"
                + "    environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))\n"
                + "    body = b'{\"id\":1}'\n"
                + "    start_response('201 Created', [('Content-Type', 'application/json'),"
                + " ('Content-Length', str(len(body)))])\n"
                + "    return [body]\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PeersRound.Cell c = run(project, "django-1", 20, new PrintStream(log, true, StandardCharsets.UTF_8)).get(0);
        assertNull(c.cold());
        assertTrue(c.refused().startsWith("django-1 answered 201 for 20 writes but 0 rows carry their marker: not counted"),
                c.refused());
        String table = StacksTable.render(PeersRound.Plan.NONE, List.of(), List.of(c), 10, 20);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cold ") && l.contains(" django-1 ")
                && l.contains(StacksTable.NOT_MEASURED)), table);
        assertTrue(table.lines().anyMatch(l -> l.strip().startsWith("django-1: " + StacksTable.NOT_MEASURED + ": django-1"
                + " answered 201 for 20 writes") && l.contains("not counted")), table);
    }

    /** A project whose Django app is {@code wsgi}, for gunicorn's {@code task_management.wsgi}. */
    private static void app(Path project, String wsgi) throws Exception {
        Path app = Files.createDirectories(project.resolve("peers/django/task_management"));
        Files.writeString(app.resolve("__init__.py"), "");
        Files.writeString(app.resolve("wsgi.py"), wsgi);
    }
}
