package dev.taskbench.compare;

import dev.taskbench.TaskbenchException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Brendan Gregg's differential method ({@code difffolded.pl -n}) on collapsed stacks
 * ({@code frame;frame;leaf count}, async-profiler's {@code collapsed} output): every stack of
 * either profile with its base count, normalised to the candidate's total, and its candidate
 * count. A stack's count is self samples of its leaf frame, so summing by leaf says which
 * frames grew and which shrank.
 */
public final class DiffFolded {
    /** One stack: base samples scaled to the candidate's total, and candidate samples. */
    public record Line(String stack, double before, long after) {
        public double delta() {
            return after - before;
        }
    }

    /** Self samples of one frame (the leaf of its stacks), before (normalised) and after. */
    public record Frame(String frame, double before, long after) {
        public double delta() {
            return after - before;
        }
    }

    private DiffFolded() {
    }

    /** Parses collapsed stacks; a stack seen twice has its counts added. */
    public static Map<String, Long> parse(String collapsed) {
        Map<String, Long> m = new LinkedHashMap<>();
        int n = 0;
        for (String line : collapsed.split("\n")) {
            n++;
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int sp = l.lastIndexOf(' ');
            try {
                m.merge(l.substring(0, sp), Long.parseLong(l.substring(sp + 1)), Long::sum);
            } catch (RuntimeException e) {
                throw new TaskbenchException("collapsed stacks, line " + n + ": expected 'frame;frame;... count', got '"
                        + l + "'");
            }
        }
        return m;
    }

    /** Every stack of either side, sorted; the base's counts scaled by candidate total / base total. */
    public static List<Line> diff(Map<String, Long> base, Map<String, Long> candidate) {
        long tb = base.values().stream().mapToLong(Long::longValue).sum();
        long tc = candidate.values().stream().mapToLong(Long::longValue).sum();
        double scale = tb == 0 ? 0 : (double) tc / tb;
        List<Line> lines = new ArrayList<>();
        for (String stack : new TreeSet<>(union(base, candidate))) {
            lines.add(new Line(stack, base.getOrDefault(stack, 0L) * scale, candidate.getOrDefault(stack, 0L)));
        }
        return lines;
    }

    /** Self samples per leaf frame, largest change first (growth and shrinkage alike). */
    public static List<Frame> byFrame(List<Line> lines) {
        Map<String, double[]> m = new TreeMap<>();
        for (Line l : lines) {
            String leaf = l.stack().substring(l.stack().lastIndexOf(';') + 1);
            double[] v = m.computeIfAbsent(leaf, k -> new double[2]);
            v[0] += l.before();
            v[1] += l.after();
        }
        List<Frame> frames = new ArrayList<>();
        m.forEach((k, v) -> frames.add(new Frame(k, v[0], (long) v[1])));
        frames.sort(Comparator.comparingDouble((Frame f) -> -Math.abs(f.delta())).thenComparing(Frame::frame));
        return frames;
    }

    /** difffolded's output: {@code stack before after}, the input of a differential flame graph. */
    public static String render(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l.stack()).append(' ').append(Math.round(l.before())).append(' ').append(l.after()).append('\n');
        }
        return b.toString();
    }

    private static TreeSet<String> union(Map<String, Long> a, Map<String, Long> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
