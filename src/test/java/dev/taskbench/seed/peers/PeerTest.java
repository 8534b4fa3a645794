package dev.taskbench.seed.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's configurations by name: every one the seed ran, each Django one also persistent, parsed strictly. */
class PeerTest {

    @Test
    void theCatalogueHasTheSeedsThirteenAndTenPersistent() {
        List<String> names = Peer.ALL.stream().map(Peer::name).toList();
        assertEquals(List.of("node", "node-cluster-2", "node-cluster-auto", "django-1", "django-2", "django-3", "django-9",
                "django-gevent-1000x9", "django-gevent-500x4", "django-gevent-1000x1", "pypy-1", "pypy-2", "pypy-9"),
                names.subList(0, 13));
        assertEquals(23, names.size());
        assertTrue(names.stream().skip(13).allMatch(n -> n.endsWith("-persistent") && !n.startsWith("node")), names.toString());
    }

    @Test
    void allNoneAndListsParse() {
        assertEquals(Peer.ALL, Peer.parse("all"));
        assertEquals(List.of(), Peer.parse("none"));
        assertEquals(List.of(), Peer.parse(" "));
        assertEquals(List.of("node", "django-1-persistent"),
                Peer.parse("Node, django-1-persistent").stream().map(Peer::name).toList());
    }

    @Test
    void anUnknownNameIsOneLineNamingTheNearest() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> Peer.parse("node,djang-9"));
        assertTrue(e.getMessage().startsWith("-Dtaskbench.seed.peers=djang-9: no such configuration; did you mean"
                + " django-9?"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertTrue(assertThrows(TaskbenchException.class, () -> Peer.parse("node,node")).getMessage()
                .contains("node is listed twice"));
    }

    /** The seed's own commands: pm2-runtime with -i, gunicorn with --workers and gevent's worker class. */
    @Test
    void eachStartsTheSeedsCommand() {
        assertEquals(List.of("node_modules/.bin/pm2-runtime", "start", "app.js"), Peer.parse("node").get(0).command(1));
        assertEquals(List.of("node_modules/.bin/pm2-runtime", "start", "app.js", "-i", "-1"),
                Peer.parse("node-cluster-auto").get(0).command(1));
        assertEquals(List.of(PeerStacks.PYTHON.toString(), "-m", "gunicorn", "task_management.wsgi", "-b", "127.0.0.1:8001",
                "--workers=4", "--worker-class=gevent", "--worker-connections=500"),
                Peer.parse("django-gevent-500x4").get(0).command(8001));
        Peer pypy = Peer.parse("pypy-9-persistent").get(0);
        assertTrue(pypy.command(1).get(0).endsWith("pypy3"), pypy.command(1).toString());
        assertTrue(pypy.persistent() && pypy.workers() == 9 && pypy.stack() == Peer.Stack.pypy);
    }

    /** Any name with -nginx appended is the same configuration behind nginx, the seed's deployment. */
    @Test
    void nginxIsANameSuffix() {
        Peer p = Peer.parse("django-9-persistent-nginx").get(0);
        assertTrue(p.nginx() && p.persistent() && p.workers() == 9, p.toString());
        assertEquals("django-9-persistent", p.seedName());
        assertEquals(p.command(1), Peer.parse("django-9-persistent").get(0).command(1));
        assertTrue(p.describe().endsWith(", behind nginx"), p.describe());
        assertEquals(List.of("node", "node-nginx"), Peer.parse("node,node-nginx").stream().map(Peer::name).toList());
        assertTrue(Peer.parse("all").stream().noneMatch(Peer::nginx));
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> Peer.parse("djang-1-nginx"));
        assertTrue(e.getMessage().contains("did you mean django-1-nginx?"), e.getMessage());
    }

    /** The CPU round's configurations: Node without cluster for one worker, else PM2's cluster; gunicorn's workers. */
    @Test
    void theCpuRoundsConfigurations() {
        assertEquals(List.of("node", "node-cluster-3", "node-cluster-6"), List.of(1, 3, 6).stream()
                .map(w -> Peer.cpu(Peer.Stack.node, w).name()).toList());
        assertEquals(List.of("node_modules/.bin/pm2-runtime", "start", "app.js", "-i", "3"),
                Peer.cpu(Peer.Stack.node, 3).command(1));
        assertEquals("--workers=6", Peer.cpu(Peer.Stack.django, 6).command(1).get(6));
        assertEquals("pypy-3", Peer.cpu(Peer.Stack.pypy, 3).name());
    }

    @Test
    void aLogsLastLinesAreOneLine() {
        assertEquals("b | c", PeerProcess.lastLines("a\n\nb\r\n  c  \n\n", 2));
        assertEquals("(nothing)", PeerProcess.lastLines("\n \n", 3));
    }
}
