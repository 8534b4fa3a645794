package dev.taskbench.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CPU goes, from Linux's {@code /proc}: this JVM's threads by role, the PostgreSQL
 * processes that serve a given database (its backends and the shared ones: WAL writer,
 * checkpointer, ...; other databases' backends are left out), this JVM's reaped children
 * (pgbench), and the whole machine. On 2 cores shared by client, server and database, CPU per
 * write, not latency, is what bounds throughput. Threads and processes are read with
 * nanosecond {@code schedstat} where it exists; totals that must include exited threads or
 * reaped children come in clock ticks (USER_HZ, 100 on Linux). Elsewhere {@link #available()}
 * is false and nothing is measured.
 */
final class CpuMeter {
    private static final Path PROC = Path.of("/proc");
    private static final double TICK_NANOS = 1e7;
    /** A client backend's title: {@code postgres: [cluster: ]user database host(port)|[local] state}. */
    private static final Pattern BACKEND = Pattern.compile("postgres: (?:\\S+: )?\\S+ (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\])");
    /** Name prefixes of {@link #isServerThread}. */
    private static final List<String> SERVER_THREADS = List.of("taskbench-http", "taskbench-worke", "ForkJoinPool-",
            "MasterPoller", "Read-Poller", "Write-Poller", "vert.x-");
    private final String database;

    /** Counts PostgreSQL's shared processes and the backends of {@code database}. */
    CpuMeter(String database) {
        this.database = database;
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat")) && Files.isReadable(PROC.resolve("stat"));
    }

    /** Cumulative CPU nanoseconds at one instant. */
    record Snapshot(long wallNanos, long jvm, long jvmChildren, long http, long jit, long gc, long postgres,
            long postgresReaped, long machineBusy, long machineAll) {
    }

    Snapshot take() {
        long wall = System.nanoTime();
        long[] self = stat(PROC.resolve("self/stat"));
        long http = 0;
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve("self/task"))) {
            for (Path t : tasks) {
                String comm = read(t.resolve("comm")).strip();
                long ns = runNanos(t);
                if (isServerThread(comm)) {
                    http += ns;
                } else if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    jit += ns;
                } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
                    gc += ns;
                }
            }
        } catch (IOException e) {
            // a thread ended while listed: the next snapshot counts it in the JVM's total
        }
        long postgres = 0;
        long reaped = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path p : procs) {
                if (!"postgres".equals(read(p.resolve("comm")).strip())) {
                    continue;
                }
                String title = read(p.resolve("cmdline")).replace('\0', ' ');
                Matcher m = BACKEND.matcher(title);
                if (m.lookingAt() && !m.group(1).equals(database)) {
                    continue; // another database's backend: another session's work
                }
                postgres += runNanos(p);
                if (!title.startsWith("postgres:")) {
                    long[] s = stat(p.resolve("stat"));
                    reaped += s[2] + s[3]; // the postmaster: its exited children (pgbench's backends)
                }
            }
        } catch (IOException e) {
            // unreadable /proc: counted as nothing
        }
        long[] machine = machine();
        return new Snapshot(wall, ticks(self[0] + self[1]), ticks(self[2] + self[3]), http, jit, gc, postgres,
                ticks(reaped), ticks(machine[0]), ticks(machine[1]));
    }

    /** Per-operation CPU between two snapshots; {@code client} is measured by the client's own threads. */
    record Use(long operations, double wallSeconds, double client, double http, double jit, double gc,
            double restOfJvm, double children, double postgres, double otherProcesses, double idle, int cores) {

        static Use between(Snapshot a, Snapshot b, long clientNanos, long operations) {
            double n = operations;
            double jvm = b.jvm() - a.jvm();
            double http = b.http() - a.http();
            double jit = b.jit() - a.jit();
            double gc = b.gc() - a.gc();
            double children = b.jvmChildren() - a.jvmChildren();
            double pg = (b.postgres() - a.postgres()) + (b.postgresReaped() - a.postgresReaped());
            double busy = b.machineBusy() - a.machineBusy();
            double all = b.machineAll() - a.machineAll();
            double rest = Math.max(0, jvm - clientNanos - http - jit - gc);
            double others = Math.max(0, busy - jvm - children - pg);
            int cores = Runtime.getRuntime().availableProcessors();
            return new Use(operations, (b.wallNanos() - a.wallNanos()) / 1e9, clientNanos / n / 1e3, http / n / 1e3,
                    jit / n / 1e3, gc / n / 1e3, rest / n / 1e3, children / n / 1e3, pg / n / 1e3,
                    others / n / 1e3, Math.max(0, all - busy) / n / 1e3, cores);
        }

        /** The JVM's part: client, server, JIT, GC and the rest. */
        double jvm() {
            return client + http + jit + gc + restOfJvm;
        }

        /** CPU the machine had per operation: cores x wall time / operations. */
        double available() {
            return cores * wallSeconds * 1e6 / operations;
        }
    }

    static String describe(Use u, String client, String server) {
        StringBuilder sb = new StringBuilder();
        String f = "  %-58s %7.1f us%n";
        sb.append(String.format(Locale.ROOT, f, client, u.client()));
        sb.append(String.format(Locale.ROOT, f, server, u.http()));
        sb.append(String.format(Locale.ROOT, f, "JIT compiler threads", u.jit()));
        sb.append(String.format(Locale.ROOT, f, "GC and VM threads", u.gc()));
        sb.append(String.format(Locale.ROOT, f, "rest of the JVM", u.restOfJvm()));
        sb.append(String.format(Locale.ROOT, f, "this JVM in all", u.jvm()));
        sb.append(String.format(Locale.ROOT, f, "PostgreSQL: this database's backends + shared processes", u.postgres()));
        sb.append(String.format(Locale.ROOT, f, "other processes (other sessions' work)", u.otherProcesses()));
        sb.append(String.format(Locale.ROOT, f, "idle", u.idle()));
        sb.append(String.format(Locale.ROOT, "  %-58s %7.1f us%n", "the machine had (" + u.cores() + " cores x wall time)",
                u.available()));
        return sb.toString();
    }

    /**
     * The kernel's name of a thread that serves requests, whatever the model: Jetty's pool, the
     * {@code platform-N} workers, the virtual-thread scheduler's carriers (a virtual thread runs on
     * them and has no name of its own here) and its pollers, Vert.x's event loops. Names are cut to
     * 15 characters.
     */
    static boolean isServerThread(String comm) {
        for (String prefix : SERVER_THREADS) {
            if (comm.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** On-CPU nanoseconds of a thread or single-threaded process; its ticks if schedstat is missing. */
    private static long runNanos(Path task) {
        String s = read(task.resolve("schedstat"));
        int sp = s.indexOf(' ');
        if (sp > 0) {
            try {
                return Long.parseLong(s.substring(0, sp));
            } catch (NumberFormatException e) {
                // fall through to the ticks
            }
        }
        long[] st = stat(task.resolve("stat"));
        return ticks(st[0] + st[1]);
    }

    /** utime, stime, cutime, cstime in ticks (fields 14-17 of stat, after the command's parentheses). */
    private static long[] stat(Path p) {
        String s = read(p);
        int close = s.lastIndexOf(')');
        if (close < 0) {
            return new long[4];
        }
        String[] f = s.substring(close + 2).split(" ");
        try {
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
        } catch (RuntimeException e) {
            return new long[4];
        }
    }

    /** Busy and all ticks of the machine: the first line of /proc/stat, steal counted as neither. */
    private static long[] machine() {
        String s = read(PROC.resolve("stat"));
        int nl = s.indexOf('\n');
        String[] f = (nl < 0 ? s : s.substring(0, nl)).trim().split("\\s+");
        long busy = 0;
        long all = 0;
        for (int i = 1; i < f.length && i <= 7; i++) {
            long v = Long.parseLong(f[i]);
            all += v;
            if (i != 4 && i != 5) { // idle, iowait
                busy += v;
            }
        }
        return new long[] {busy, all};
    }

    private static long ticks(long t) {
        return (long) (t * TICK_NANOS);
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
