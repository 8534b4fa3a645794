package dev.taskbench.seed;

import dev.taskbench.load.ClosedLoop;

import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.Threading;
import java.util.List;
import java.util.Locale;

/**
 * The seed's published tables (4-core laptop, Docker, nginx in front, a Python client) with
 * this run's figures beside them. The seed's rows are quoted, never re-measured; its writes/s
 * are recomputed from its times (its text says 227 for Node's 36 s, which is 277).
 */
final class SeedReport {
    private SeedReport() {
    }

    static String writes(SeedSettings o, ClosedLoop.Result r, Double ceiling, String ceilingNote, SeedHere here) {
        ServerConfig config = o.server();
        boolean million = r.operations() >= 1_000_000;
        SeedFigures.Round round = million ? SeedFigures.Round.million : SeedFigures.Round.writes;
        List<SeedFigures.Figure> seed = SeedFigures.report(round);
        long seedWrites = round.count;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The seed's write test: %d users, closed loop, one form POST = one INSERT,"
                + " durable commit%n", o.users()));
        String head = "%-52s %14s %10s %9s %9s   %s%n";
        sb.append(String.format(Locale.ROOT, head, "stack", String.format(Locale.ROOT, "%,d writes", r.operations()),
                "writes/s", "p50", "p99", "the same stack on this machine"));
        for (SeedFigures.Figure f : seed) {
            double secs = f.seconds() * r.operations() / seedWrites;
            sb.append(line(head, f.report(), time(secs) + (r.operations() == seedWrites ? "" : "*"),
                    String.format(Locale.ROOT, "%,.0f", f.perSecond()), "-", "-", here.beside(f)));
        }
        String ours = config.threading() == Threading.eventloop
                ? "taskbench: Vert.x, reactive client, " + config.poolSize() + " connections"
                : "taskbench: Jetty 12, " + config.path() + ", "
                + (config.source().pooled() ? config.source().name().toLowerCase(Locale.ROOT) + " pool of "
                + config.poolSize() : "new connection per request");
        sb.append(line(head, ours, time(r.wallSeconds()), String.format(Locale.ROOT, "%,.0f", r.perSecond()),
                String.format(Locale.ROOT, "%.0f us", r.percentileMicros(0.5)),
                String.format(Locale.ROOT, "%.0f us", r.percentileMicros(0.99)), ""));
        if (r.operations() != seedWrites) {
            sb.append("  * the seed's time scaled to this many writes at its rate\n");
        }
        sb.append("  ").append(ceilingNote).append('\n');
        if (ceiling != null) {
            double pct = 100 * r.perSecond() / ceiling;
            sb.append(String.format(Locale.ROOT, "  ours = %.0f%% of the pgbench 10-client ceiling (target: at least 50%%)"
                    + "; %.0fx the seed's Node%s%n", pct, r.perSecond() / node(seed).perSecond(),
                    Double.isNaN(here.of(node(seed))) ? "" : String.format(Locale.ROOT, ", %.1fx the same Node here"
                            + " (cold)", r.perSecond() / here.of(node(seed)))));
        }
        return sb.toString();
    }

    /**
     * The seed's deployment: the write round straight to the server and behind nginx, back to back,
     * and what the hop adds per write (the mean time a write took, users / throughput, behind nginx
     * less straight).
     */
    static String nginx(SeedSettings o, ClosedLoop.Result[] r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The seed's deployment: behind nginx (keep-alive upstream, generated"
                + " config), %d users, back to back%n", o.users()));
        String head = "%-28s %10s %9s %9s%n";
        sb.append(String.format(Locale.ROOT, head, "", "writes/s", "p50", "p99"));
        String[] names = {"straight to the server", "behind nginx"};
        for (int i = 0; i < 2; i++) {
            sb.append(String.format(Locale.ROOT, head, names[i], String.format(Locale.ROOT, "%,.0f", r[i].perSecond()),
                    String.format(Locale.ROOT, "%.0f us", r[i].percentileMicros(0.5)),
                    String.format(Locale.ROOT, "%.0f us", r[i].percentileMicros(0.99))));
        }
        double hop = (o.users() / r[1].perSecond() - o.users() / r[0].perSecond()) * 1e6;
        sb.append(String.format(Locale.ROOT, "  the hop adds %.0f us per write (mean time per write, %d users),"
                + " %.0f%% of the throughput straight; every row read back%n", hop, o.users(),
                100 * (1 - r[1].perSecond() / r[0].perSecond())));
        return sb.toString();
    }

    /** The write round's CPU per write by who spent it, and pgbench's per transaction beside it. */
    static String cpuUse(SeedSettings o, CpuMeter.Use u, CpuMeter.Use[] pgbench) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Where the CPU went in the write round, per write (Linux /proc; %,d writes in"
                + " %.2f s):%n", u.operations(), u.wallSeconds()));
        sb.append(CpuMeter.describe(u, "client: the " + o.users() + " users' threads ("
                + o.client().name().toLowerCase(Locale.ROOT) + ")", "server: its threads (HTTP, form, database, the answer)"));
        double pg = 0;
        double client = 0;
        int n = 0;
        for (CpuMeter.Use p : pgbench) {
            if (p != null) {
                pg += p.postgres();
                client += p.children();
                n++;
            }
        }
        if (n > 0) {
            sb.append(String.format(Locale.ROOT, "  pgbench, per transaction (mean of its %d runs): PostgreSQL %.1f us, pgbench"
                    + " itself %.1f us%n", n, pg / n, client / n));
        }
        if (u.postgres() == 0) {
            sb.append("  (no PostgreSQL process on this machine: the database runs elsewhere)\n");
        }
        return sb.toString();
    }

    static String cpu(SeedSettings o, ClosedLoop.Result[] r, SeedHere here) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The seed's CPU round over HTTP: the handler runs counter += 500 in a"
                + " 10000 x 1000 loop, %d users%n", o.users()));
        String head = "%-52s %14s %12s   %s%n";
        sb.append(String.format(Locale.ROOT, head, "stack", "requests, time", "requests/s", "the same stack on this machine"));
        for (SeedFigures.Figure f : SeedFigures.report(SeedFigures.Round.cpu)) {
            sb.append(line(head, f.report(), "5,000, " + time(f.seconds()), String.format(Locale.ROOT, "%,.1f",
                    f.perSecond()), here.beside(f)));
        }
        String[] names = {"taskbench: the loop as written (C2 may fold it)",
            "taskbench: ?loop=opaque (every addition done)"};
        for (int i = 0; i < 2; i++) {
            sb.append(line(head, names[i], String.format(Locale.ROOT, "%,d, %s", r[i].operations(),
                    time(r[i].wallSeconds())),
                    String.format(Locale.ROOT, "%,.1f", r[i].perSecond()), ""));
        }
        sb.append(String.format(Locale.ROOT, "  -Dtaskbench.seed.cpu=5000 runs the seed's count; this JVM has %d"
                + " cores for server and client together%n", Runtime.getRuntime().availableProcessors()));
        return sb.toString();
    }

    /** A row of a table laid out by {@code head}, without the spaces an empty last column leaves. */
    private static String line(String head, Object... cells) {
        return String.format(Locale.ROOT, head, cells).stripTrailing() + System.lineSeparator();
    }

    /** The round's Node figure, what ours is measured against. */
    private static SeedFigures.Figure node(List<SeedFigures.Figure> round) {
        return round.stream().filter(f -> f.stack().equals(SeedFigures.NODE)).findFirst().orElseThrow();
    }

    static String time(double seconds) {
        if (seconds >= 120) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return seconds >= 10 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
