package dev.taskbench.seed;

import java.util.List;
import java.util.Optional;

/**
 * The seed's published figures (4-core laptop, Docker, nginx in front), each held once with every
 * label a table of ours shows it under. One figure, one place: a figure quoted by two tables
 * cannot drift apart in one of them.
 */
final class SeedFigures {
    static final String NODE = "Node/Express/knex";
    static final String CPYTHON = "Django/DRF/gunicorn, CPython";
    static final String PYPY = "Django/DRF/gunicorn, PyPy";

    /** A round of the seed and how many requests it timed. */
    enum Round {
        writes(10_000), million(1_000_000), cpu(5000);

        final long count;

        Round(long count) {
            this.count = count;
        }
    }

    /** The models grid's row beside which the figure is shown: a threading model as users type it. */
    record Grid(String model, String label) {
    }

    /** The CPU round's row beside which the figure is shown: its flag set and worker count. */
    record Cpu(String flagSet, int workers, String label) {
    }

    /**
     * One published figure.
     *
     * @param stack the seed's stack ({@link #NODE}, {@link #CPYTHON}, {@link #PYPY})
     * @param configuration how the seed ran it, in its words
     * @param round which of its rounds
     * @param seconds the time it published for the round's {@link Round#count} requests
     * @param report the label in {@link SeedReport}'s tables, or null when they do not show it
     * @param grid where {@link ModelsGrid} shows it, or null
     * @param cpu where {@link CpuRound} shows it, or null
     * @param peer the configuration of the seed's own stack it was measured on ({@code -Dtaskbench.seed.peers},
     *        or {@link PeersCpu}'s for the CPU round), where {@link PeersRound} shows it beside this machine's
     *        figure, or null
     */
    record Figure(String stack, String configuration, Round round, double seconds, String report, Grid grid, Cpu cpu,
            String peer) {
        long count() {
            return round.count;
        }

        /** Requests per second, recomputed from the time (the seed's text miscounts one). */
        double perSecond() {
            return count() / seconds;
        }
    }

    /** Every figure, each once; within a round in the order {@link SeedReport} shows them, Node first. */
    static final List<Figure> ALL = List.of(
            new Figure(NODE, "1 process", Round.writes, 36, "Node/Express/knex, 1 process (seed)",
                    new Grid("selector", "Node/Express, 1 process"), null, "node"),
            new Figure(CPYTHON, "1 worker", Round.writes, 92, "Django/DRF/gunicorn, 1 worker (seed)",
                    new Grid("platform-1", "gunicorn, 1 sync worker"), null, "django-1"),
            new Figure(CPYTHON, "9 workers", Round.writes, 52, "Django, 9 gunicorn workers (seed, Django's best)",
                    new Grid("platform-9", "gunicorn, 9 sync workers"), null, "django-9"),
            new Figure(CPYTHON, "2 workers", Round.writes, 65, null, new Grid("platform-2", "gunicorn, 2 sync workers"),
                    null, "django-2"),
            new Figure(CPYTHON, "3 workers", Round.writes, 58, null, new Grid("platform-3", "gunicorn, 3 sync workers"),
                    null, "django-3"),
            new Figure(CPYTHON, "gevent, 1000 x 9 workers", Round.writes, 60, null,
                    new Grid("virtual", "gunicorn + gevent, 1000 x 9"), null, "django-gevent-1000x9"),
            new Figure(CPYTHON, "gevent, 500 x 4 workers", Round.writes, 59, null, null, null, "django-gevent-500x4"),
            new Figure(CPYTHON, "gevent, 1000 x 1 worker", Round.writes, 102, null, null, null, "django-gevent-1000x1"),
            new Figure(NODE, "PM2 cluster of 3", Round.writes, 44, null,
                    new Grid("eventloop-1", "Node/Express on PM2, cluster of 3"), null, "node-cluster-auto"),
            new Figure(NODE, "PM2 cluster of 2", Round.writes, 47, null, null, null, "node-cluster-2"),
            new Figure(PYPY, "1 worker", Round.writes, 104, null, null, null, "pypy-1"),
            new Figure(PYPY, "2 workers", Round.writes, 58, null, null, null, "pypy-2"),
            new Figure(PYPY, "9 workers", Round.writes, 62, null, null, null, "pypy-9"),
            new Figure(NODE, "3 workers", Round.million, 4347, "Node, 3 workers (seed)", null, null, null),
            new Figure(CPYTHON, "9 workers", Round.million, 5580, "Django, 9 workers (seed)", null, null, null),
            new Figure(NODE, "1 process", Round.cpu, 120, "Node, 1 process (seed)", null, null, "node"),
            new Figure(CPYTHON, "1 worker", Round.cpu, 2700, "Django CPython, 1 worker (seed)", null,
                    new Cpu("interpreter", 1, "Django CPython, no extra workers"), "django-1"),
            new Figure(PYPY, "1 worker", Round.cpu, 86, "Django PyPy, 1 worker (seed)", null,
                    new Cpu("c2", 1, "Django PyPy, no extra workers"), "pypy-1"),
            new Figure(NODE, "6 workers", Round.cpu, 40, "Node, 6 workers (seed)", null, null, "node-cluster-6"),
            new Figure(CPYTHON, "6 workers", Round.cpu, 600, "Django CPython, 6 workers (seed)", null,
                    new Cpu("interpreter", 6, "Django CPython, 6 workers"), "django-6"),
            new Figure(PYPY, "6 workers", Round.cpu, 20, "Django PyPy, 6 workers (seed)", null,
                    new Cpu("c2", 6, "Django PyPy, 6 workers"), "pypy-6"),
            new Figure(NODE, "3 workers", Round.cpu, 60, null, null, null, "node-cluster-3"),
            new Figure(CPYTHON, "3 workers", Round.cpu, 950, null, null, new Cpu("interpreter", 3, "Django CPython, 3 workers"),
                    "django-3"),
            new Figure(PYPY, "3 workers", Round.cpu, 36, null, null, new Cpu("c2", 3, "Django PyPy, 3 workers"), "pypy-3"));

    private SeedFigures() {
    }

    /** The round's rows of {@link SeedReport}'s table, in its order. */
    static List<Figure> report(Round round) {
        return ALL.stream().filter(f -> f.round() == round && f.report() != null).toList();
    }

    /** The figure shown beside threading model {@code model} (lower case) in the models grid. */
    static Optional<Figure> grid(String model) {
        return ALL.stream().filter(f -> f.grid() != null && f.grid().model().equals(model)).findFirst();
    }

    /** The write round's figure of the seed's own configuration {@code peer} ({@code node}, {@code django-9}, …). */
    static Optional<Figure> peer(String peer) {
        return ALL.stream().filter(f -> f.round() == Round.writes && peer.equals(f.peer())).findFirst();
    }

    /** The CPU round's figure of the seed's own stack as {@link PeersCpu} names it ({@code node}, {@code pypy-6}, …). */
    static Optional<Figure> peerCpu(String peer) {
        return ALL.stream().filter(f -> f.round() == Round.cpu && peer.equals(f.peer())).findFirst();
    }

    /** The figure shown beside flag set {@code flagSet} at {@code workers} workers in the CPU round. */
    static Optional<Figure> cpu(String flagSet, int workers) {
        return ALL.stream().filter(f -> f.cpu() != null && f.cpu().flagSet().equals(flagSet)
                && f.cpu().workers() == workers).findFirst();
    }
}
