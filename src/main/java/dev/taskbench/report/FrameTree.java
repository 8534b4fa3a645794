package dev.taskbench.report;

import dev.taskbench.compare.DiffFolded;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Diffed stacks merged into a tree of frames, each with its inclusive samples before (normalised) and after. */
final class FrameTree {
    final String name;
    private double before;
    private long after;
    private final Map<String, FrameTree> children = new TreeMap<>();

    private FrameTree(String name) {
        this.name = name;
    }

    /** The tree under a root frame {@code all}, children in name order as flamegraph.pl sorts them. */
    static FrameTree of(List<DiffFolded.Line> lines) {
        FrameTree root = new FrameTree("all");
        for (DiffFolded.Line l : lines) {
            root.add(l.stack().split(";"), l.before(), l.after());
        }
        return root;
    }

    private void add(String[] frames, double b, long a) {
        FrameTree node = this;
        node.count(b, a);
        for (String f : frames) {
            node = node.children.computeIfAbsent(f, FrameTree::new);
            node.count(b, a);
        }
    }

    private void count(double b, long a) {
        before += b;
        after += a;
    }

    double before() {
        return before;
    }

    long after() {
        return after;
    }

    double delta() {
        return after - before;
    }

    Collection<FrameTree> children() {
        return children.values();
    }

    /** Frames from this one to the deepest leaf, this one included. */
    int depth() {
        return 1 + children().stream().mapToInt(FrameTree::depth).max().orElse(0);
    }

    /** The largest change of any frame below the root, growth or shrinkage: the scale of the colours. */
    double maxDelta() {
        return children().stream().mapToDouble(c -> Math.max(Math.abs(c.delta()), c.maxDelta())).max().orElse(0);
    }
}
