package dev.taskbench.stability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Samples, over a window such as one fork's run, the CPU time the rest of the machine used, from
 * Linux's {@code /proc} as the suite's seed meter does: {@code /proc/stat}'s busy time (all but idle
 * and I/O wait) less steal, less the watched process trees' own CPU (user, system and waited-for
 * children's, from {@code /proc/<pid>/stat}, each tree listed by parent pid at both ends of the
 * window), and the steal time where the kernel reports it. Both files count in the same clock ticks,
 * so shares need no tick rate. A neighbour in another virtual machine shows only as steal, if at
 * all. Elsewhere {@link #unavailable()} says why, and a window measures nothing.
 *
 * <p>A process of a tree that ends within the window counts through its parent's children's time
 * when its parent reaps it; one orphaned and reaped by init is counted as the machine's.
 */
public final class NeighbourCpu {
    /** /proc/stat's cpu line: user nice system idle iowait irq softirq steal (guest time is inside user). */
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int STEAL = 7;
    private static final int FIELDS = 8;
    /** /proc/pid/stat after the command's closing parenthesis: state is 0, ppid 1, utime 11 to cstime 14. */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int CSTIME = 14;

    private final Path proc;
    private final LongSupplier nanos;

    NeighbourCpu(Path proc, LongSupplier nanos) {
        this.proc = proc;
        this.nanos = nanos;
    }

    /** This machine's {@code /proc}. */
    public static NeighbourCpu system() {
        return new NeighbourCpu(Path.of("/proc"), System::nanoTime);
    }

    /** Why this machine cannot be measured; empty when it can. */
    public Optional<String> unavailable() {
        if (Files.isReadable(proc.resolve("stat"))) {
            return Optional.empty();
        }
        return Optional.of("no readable " + proc.resolve("stat") + " on " + System.getProperty("os.name")
                + ": the CPU of other processes is read from Linux's /proc only");
    }

    /**
     * Starts a window; the trees are read again when it stops, so children started meanwhile count.
     *
     * @param roots process ids whose trees are the benchmark's own (the runner, whose forks are its
     *              children; the database's postmaster)
     */
    public Window start(Collection<Long> roots) {
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            return new Window(roots, null, why.get());
        }
        try {
            return new Window(roots, snapshot(roots), null);
        } catch (IOException e) {
            return new Window(roots, null, "cannot read " + proc + ": " + e.getMessage());
        }
    }

    /**
     * The roots of the process trees running this command ({@code /proc/<pid>/comm}): each such process
     * whose parent runs something else, such as PostgreSQL's postmaster among its backends. Empty where
     * the machine cannot be read.
     */
    public List<Long> treesOf(String command) {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                parse(dir).ifPresent(s -> parents.put(pid, s[0]));
                comm(dir).ifPresent(c -> names.put(pid, c));
            }
        } catch (IOException e) {
            return List.of();
        }
        return names.entrySet().stream().filter(e -> e.getValue().equals(command))
                .filter(e -> !command.equals(names.get(parents.getOrDefault(e.getKey(), 0L))))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static Optional<String> comm(Path dir) {
        try {
            return Optional.of(Files.readString(dir.resolve("comm")).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A started window. */
    public final class Window {
        private final Set<Long> roots;
        private final Snapshot start;
        private final String unmeasured;

        private Window(Collection<Long> roots, Snapshot start, String unmeasured) {
            this.roots = Set.copyOf(roots);
            this.start = start;
            this.unmeasured = unmeasured;
        }

        /** What the machine did since the window started. */
        public Disturbance stop() {
            if (unmeasured != null) {
                return Disturbance.unmeasured(unmeasured);
            }
            try {
                return between(start, snapshot(roots));
            } catch (IOException e) {
                return Disturbance.unmeasured("cannot read " + proc + ": " + e.getMessage());
            }
        }
    }

    /** Cumulative clock ticks at one instant. */
    record Snapshot(long nanos, long total, long idle, long steal, long trees) {
    }

    Snapshot snapshot(Collection<Long> roots) throws IOException {
        long[] cpu = machine();
        long total = 0;
        for (int i = 0; i < FIELDS; i++) {
            total += cpu[i];
        }
        return new Snapshot(nanos.getAsLong(), total, cpu[IDLE] + cpu[IOWAIT], cpu[STEAL], trees(roots));
    }

    static Disturbance between(Snapshot a, Snapshot b) {
        double total = b.total() - a.total();
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        if (total <= 0) {
            return Disturbance.unmeasured(String.format(Locale.ROOT,
                    "a window of %.3f s is shorter than one clock tick of /proc/stat", seconds));
        }
        double steal = b.steal() - a.steal();
        double busy = total - (b.idle() - a.idle()) - steal;
        double trees = b.trees() - a.trees();
        return new Disturbance(seconds, share(busy - trees, total), share(steal, total), share(trees, total), Optional.empty());
    }

    private static double share(double part, double total) {
        return Math.min(1, Math.max(0, part / total));
    }

    private long[] machine() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long[] v = new long[FIELDS];
                for (int i = 0; i < FIELDS && i + 1 < f.length; i++) {
                    v[i] = Long.parseLong(f[i + 1]);
                }
                return v;
            }
        }
        throw new IOException(proc.resolve("stat") + " has no cpu line");
    }

    /** CPU ticks of the roots and all their descendants alive now, their reaped children included. */
    private long trees(Collection<Long> roots) throws IOException {
        Map<Long, long[]> stats = processes();
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, s) -> children.computeIfAbsent(s[0], k -> new ArrayList<>()).add(pid));
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        long ticks = 0;
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (!seen.add(pid) || !stats.containsKey(pid)) {
                continue;
            }
            ticks += stats.get(pid)[1];
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return ticks;
    }

    /** pid to {ppid, utime + stime + cutime + cstime} for every process listed now. */
    private Map<Long, long[]> processes() throws IOException {
        Map<Long, long[]> out = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                parse(dir).ifPresent(s -> out.put(Long.parseLong(dir.getFileName().toString()), s));
            }
        }
        return out;
    }

    /** Empty for a process that ended while listed or is hidden, or a stat line this code cannot read. */
    private static Optional<long[]> parse(Path dir) {
        String line;
        try {
            line = Files.readString(dir.resolve("stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        int close = line.lastIndexOf(')');
        String[] f = close < 0 ? new String[0] : line.substring(close + 1).trim().split("\\s+");
        if (f.length <= CSTIME) {
            return Optional.empty();
        }
        long cpu = 0;
        for (int i = UTIME; i <= CSTIME; i++) {
            cpu += Long.parseLong(f[i]);
        }
        return Optional.of(new long[] {Long.parseLong(f[PPID]), cpu});
    }
}
