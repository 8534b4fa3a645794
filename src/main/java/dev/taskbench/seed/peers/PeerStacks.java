package dev.taskbench.seed.peers;

import dev.taskbench.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which of the seed's stacks this machine has, as {@code scripts/peers/install} leaves them:
 * Debian's CPython with Django, DRF, gunicorn, gevent and psycopg2; PyPy with psycopg2cffi built
 * into {@code peers/django/build/pypy}; Node with the lock file's packages in
 * {@code peers/node/node_modules}. Each stack is asked once; a missing one is a reason, in one line.
 */
public final class PeerStacks {
    /** Debian's CPython, whose dist-packages hold Django: another python on the PATH (pyenv) does not. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Where the install script builds psycopg2cffi for PyPy, under the project. */
    public static final String PYPY_PATH = "peers/django/build/pypy";
    /** PyPy's name, looked for on the PATH and then where Debian's pypy3 package puts it. */
    static final String PYPY = "pypy3";
    /** What every missing stack's line ends with. */
    static final String INSTALL = "; scripts/peers/install installs it";

    private final Path project;
    private final Map<Peer.Stack, Optional<String>> missing = new EnumMap<>(Peer.Stack.class);

    public PeerStacks(Path project) {
        this.project = project;
    }

    /** Why {@code stack} cannot run here, or empty when it can. */
    public synchronized Optional<String> missing(Peer.Stack stack) {
        return missing.computeIfAbsent(stack, this::check);
    }

    private Optional<String> check(Peer.Stack stack) {
        return switch (stack) {
            case node -> node();
            case django -> python(PYTHON.toString(), "import django, rest_framework, gunicorn, gevent, psycopg2", null,
                    "Django on CPython is not installed (Debian's python3-django, python3-djangorestframework, gunicorn,"
                            + " python3-gevent, python3-psycopg2)");
            case pypy -> pypyMissing();
        };
    }

    private Optional<String> node() {
        Path dir = project.resolve(Peer.Stack.node.dir);
        if (Processes.onPath("node").isEmpty()) {
            return Optional.of("Node is not installed (node is not on the PATH)" + INSTALL);
        }
        boolean modules = Stream.of("express", "knex", "pg", "pm2")
                .allMatch(m -> Files.isDirectory(dir.resolve("node_modules").resolve(m)));
        if (!modules || !Files.isExecutable(dir.resolve("node_modules/.bin/pm2-runtime"))) {
            return Optional.of("Node's packages are not installed (" + Peer.Stack.node.dir + "/node_modules lacks express,"
                    + " knex, pg or pm2)" + INSTALL);
        }
        return Optional.empty();
    }

    /** The pypy3 that runs Django on PyPy: found on the PATH or at Debian's place, else its bare name. */
    public static String pypy() {
        return Processes.installed(PYPY).map(Path::toString).orElse(PYPY);
    }

    private Optional<String> pypyMissing() {
        if (Processes.installed(PYPY).isEmpty()) {
            return Optional.of("PyPy is not installed (no pypy3 on the PATH or in /usr/bin)" + INSTALL);
        }
        return python(pypy(), "import psycopg2cffi, django, rest_framework, gunicorn",
                project.resolve(PYPY_PATH).toString(), "PyPy has no PostgreSQL driver (psycopg2cffi built for pypy3 in "
                        + PYPY_PATH + ") or no Django");
    }

    /** Runs {@code python -c imports}; a failure is {@code what} with the interpreter's last line. */
    private Optional<String> python(String python, String imports, String path, String what) {
        if (python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
            return Optional.of(what + ": no " + python + INSTALL);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(python, "-c", imports)).redirectErrorStream(true);
        if (path != null) {
            pb.environment().put("PYTHONPATH", path);
        }
        try {
            Processes.Outcome o = Processes.run(pb, Duration.ofSeconds(30));
            return o.ok() ? Optional.empty() : Optional.of(what + ": " + PeerProcess.lastLines(o.stdout(), 1) + INSTALL);
        } catch (IOException e) {
            return Optional.of(what + ": " + e.getMessage() + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(what + ": interrupted");
        }
    }
}
