package dev.taskbench.seed.peers;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.SettingsCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One of the seed's configurations of its own stacks, by the name users type in
 * {@code -Dtaskbench.seed.peers}: which stack, how many processes, and the command it starts.
 *
 * @param name as users type it ({@code node}, {@code django-9}, {@code pypy-2-persistent}, …)
 * @param stack which of the seed's stacks
 * @param workers PM2's {@code -i} (0: no cluster, -1: N-1) or gunicorn's {@code --workers}
 * @param greenlets gevent's {@code --worker-connections}, 0 for sync workers and Node
 * @param persistent Django keeps its connections ({@code CONN_MAX_AGE} > 0) instead of a new one per request
 * @param nginx the load goes through nginx in front of it, as the seed deployed it (the name ends in {@link #NGINX})
 */
public record Peer(String name, Stack stack, int workers, int greenlets, boolean persistent, boolean nginx) {
    /** What a name ends with to put nginx in front. */
    public static final String NGINX = "-nginx";
    /** Seconds a persistent Django connection lives ({@code CONN_MAX_AGE}); longer than any round. */
    static final int CONN_MAX_AGE = 600;

    /** The seed's stacks: where each lives in the project and the schema its rows go to. */
    public enum Stack {
        node("Node/Express, PM2", "peers/node", "taskbench_node"),
        django("Django, CPython", "peers/django", "taskbench_django"),
        pypy("Django, PyPy", "peers/django", "taskbench_django");

        /** What the table calls it. */
        public final String label;
        /** Its app, relative to the project. */
        public final String dir;
        /** Its own schema in the suite's database, holding a {@code task} table of the suite's definition. */
        public final String schema;

        Stack(String label, String dir, String schema) {
            this.label = label;
            this.dir = dir;
            this.schema = schema;
        }
    }

    /** Every configuration, in the seed's order: Node, Django on CPython (sync, gevent), PyPy; then the -persistent ones. */
    public static final List<Peer> ALL = all();

    private static List<Peer> all() {
        List<Peer> seed = List.of(new Peer("node", Stack.node, 0, 0, false, false),
                new Peer("node-cluster-2", Stack.node, 2, 0, false, false),
                new Peer("node-cluster-auto", Stack.node, -1, 0, false, false),
                django(1, 0), django(2, 0), django(3, 0), django(9, 0),
                django(9, 1000), django(4, 500), django(1, 1000),
                pypy(1), pypy(2), pypy(9));
        List<Peer> all = new ArrayList<>(seed);
        seed.stream().filter(p -> p.stack != Stack.node)
                .forEach(p -> all.add(new Peer(p.name + "-persistent", p.stack, p.workers, p.greenlets, true, false)));
        return List.copyOf(all);
    }

    private static Peer django(int workers, int greenlets) {
        String name = greenlets == 0 ? "django-" + workers : "django-gevent-" + greenlets + "x" + workers;
        return new Peer(name, Stack.django, workers, greenlets, false, false);
    }

    private static Peer pypy(int workers) {
        return new Peer("pypy-" + workers, Stack.pypy, workers, 0, false, false);
    }

    /**
     * {@code stack} with {@code workers} processes for the seed's CPU round: Node without cluster
     * for 1, else a PM2 cluster of that many; gunicorn sync workers on CPython or PyPy.
     */
    public static Peer cpu(Stack stack, int workers) {
        return switch (stack) {
            case node -> workers == 1 ? ALL.get(0) : new Peer("node-cluster-" + workers, stack, workers, 0, false, false);
            case django -> new Peer("django-" + workers, stack, workers, 0, false, false);
            case pypy -> new Peer("pypy-" + workers, stack, workers, 0, false, false);
        };
    }

    /** What {@code -Dtaskbench.seed.peers} takes, for its one-line errors. */
    public static final String TAKES = "all, none, or a comma-separated list of: "
            + String.join(", ", ALL.stream().map(Peer::name).toList()) + "; any of them with " + NGINX
            + " appended runs behind nginx";

    /**
     * The configurations {@code spec} names: {@code all}, {@code none} (or blank) for none, or a
     * list of names in any case. An unknown name is one line naming the nearest; nothing runs.
     */
    public static List<Peer> parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none")) {
            return List.of();
        }
        if (s.equals("all")) {
            return ALL;
        }
        List<Peer> out = new ArrayList<>();
        for (String name : s.split(",")) {
            Peer p = named(name.trim());
            if (out.contains(p)) {
                throw bad(spec, p.name + " is listed twice");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static Peer named(String name) {
        boolean nginx = name.endsWith(NGINX);
        String base = nginx ? name.substring(0, name.length() - NGINX.length()) : name;
        Peer p = ALL.stream().filter(x -> x.name.equals(base)).findFirst().orElseThrow(() -> bad(name,
                "no such configuration; did you mean " + nearest(base) + (nginx ? NGINX : "") + "? It takes " + TAKES));
        return nginx ? new Peer(name, p.stack, p.workers, p.greenlets, p.persistent, true) : p;
    }

    /** Its name without {@link #NGINX}: the configuration the seed ran (behind its nginx). */
    public String seedName() {
        return nginx ? name.substring(0, name.length() - NGINX.length()) : name;
    }

    /** The configuration name fewest edits away from {@code name}. */
    static String nearest(String name) {
        return ALL.stream().map(Peer::name)
                .min(Comparator.comparingInt(n -> SettingsCatalogue.distance(name, n))).orElseThrow();
    }

    private static TaskbenchException bad(String value, String why) {
        return new TaskbenchException("-D" + SettingsCatalogue.SEED_PEERS.key() + "=" + value + ": " + why);
    }

    /** The command that starts it on {@code port}, run in {@link #dir}: the seed's own, on loopback. */
    public List<String> command(int port) {
        if (stack == Stack.node) {
            List<String> pm2 = List.of("node_modules/.bin/pm2-runtime", "start", "app.js");
            return workers == 0 ? pm2 : Stream.concat(pm2.stream(), Stream.of("-i", String.valueOf(workers))).toList();
        }
        List<String> cmd = new ArrayList<>(List.of(stack == Stack.pypy ? PeerStacks.pypy() : PeerStacks.PYTHON.toString(), "-m",
                "gunicorn", "task_management.wsgi", "-b", "127.0.0.1:" + port, "--workers=" + workers));
        if (greenlets > 0) {
            cmd.addAll(List.of("--worker-class=gevent", "--worker-connections=" + greenlets));
        }
        return List.copyOf(cmd);
    }

    /** The folder it runs in, under the project. */
    public Path dir(Path project) {
        return project.resolve(stack.dir);
    }

    /** How the seed ran it, in a few words, for the table. */
    public String describe() {
        String how = switch (stack) {
            case node -> workers == 0 ? "1 process" : workers < 0 ? "PM2 cluster of N-1" : "PM2 cluster of " + workers;
            case django, pypy -> (greenlets > 0 ? "gevent " + greenlets + " x " : "") + workers + " worker"
                    + (workers == 1 ? "" : "s");
        };
        return how + (persistent ? ", persistent connections" : stack == Stack.node ? "" : ", a connection per request")
                + (nginx ? ", behind nginx" : "");
    }
}
