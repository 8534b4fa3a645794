package dev.taskbench.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.jit.JitDiff.Kind;
import dev.taskbench.jit.JitDiff.Line;
import dev.taskbench.jit.JitEvents.Compilation;
import dev.taskbench.jit.JitEvents.Deopt;
import dev.taskbench.jit.JitEvents.Inlining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers: each kind of difference planted alone, ranked by samples, and identical forks differ in nothing. */
class JitDiffTest {
    static final String PKG = "dev.taskbench.form";
    static final String PARSE = PKG + ".FormParser.parse";
    static final String DECODE = PKG + ".FormParser.decode";
    static final String LOOP = PKG + ".FormParser.loop";
    static final String JDK = "java.lang.String.charAt";
    static final Map<String, Long> STACKS = Map.of(
            "java/lang/Thread.run;dev/taskbench/form/FormParser.parse_[j];dev/taskbench/form/FormParser.decode_[i]", 80L,
            "java/lang/Thread.run;dev/taskbench/form/FormParser.parse_[j];java/lang/String.charAt_[j]", 20L);

    /** A fork whose parse (and decode) reached C2, with parse inlining decode, and charAt compiled. */
    static List<Compilation> baseCompilations() {
        return List.of(new Compilation(1, PARSE, 3, false, true, 100), new Compilation(2, DECODE, 3, false, true, 120),
                new Compilation(3, PARSE, 4, false, true, 800), new Compilation(4, DECODE, 4, false, true, 900),
                new Compilation(5, JDK, 4, false, true, 50));
    }

    static JitEvents events(List<Compilation> c, List<Inlining> i, List<Deopt> d) {
        return new JitEvents(c, i, d);
    }

    static JitDiff.Table diff(JitEvents fast, JitEvents slow) {
        return JitDiff.of(new JitDiff.Fork(fast, STACKS), new JitDiff.Fork(slow, STACKS), PKG);
    }

    static JitEvents plain() {
        return events(baseCompilations(), List.of(new Inlining(3, PARSE, DECODE, true, "inline (hot)")), List.of());
    }

    @Test
    void identicalForksDifferInNothing() {
        assertTrue(diff(plain(), plain()).isEmpty());
    }

    @Test
    void anInliningFlipIsNamedWithTheJitsMessage() {
        JitEvents slow = events(baseCompilations(), List.of(new Inlining(3, PARSE, DECODE, false, "callee is too large")),
                List.of());
        JitDiff.Table t = diff(plain(), slow);
        assertEquals(1, t.lines().size(), t.toString());
        Line l = t.lines().get(0);
        assertEquals(Kind.INLINING, l.kind());
        assertEquals("FormParser.decode into FormParser.parse", l.method());
        assertEquals("inlined (C2)", l.fast());
        assertEquals("not inlined (C2): callee is too large", l.slow());
    }

    @Test
    void decisionsAtDifferentTiersAreNotComparedAsAFlip() {
        JitEvents slow = events(baseCompilations(), List.of(new Inlining(1, PARSE, DECODE, false, "too big")), List.of());
        assertTrue(diff(plain(), slow).lines().stream().noneMatch(l -> l.kind() == Kind.INLINING));
    }

    @Test
    void aDeoptInOneForkOnly() {
        JitEvents slow = events(baseCompilations(), plain().inlinings(),
                List.of(new Deopt(PARSE, "unstable_if", "reinterpret", 1200),
                        new Deopt(PARSE, "unstable_if", "reinterpret", 1500)));
        Line l = diff(plain(), slow).lines().get(0);
        assertEquals(Kind.DEOPT, l.kind());
        assertEquals("FormParser.parse", l.method());
        assertEquals("no deopt", l.fast());
        assertEquals("2 deopts: unstable_if (reinterpret)", l.slow());
    }

    @Test
    void aTierDifference() {
        List<Compilation> c = new ArrayList<>(baseCompilations());
        c.removeIf(x -> x.method().equals(DECODE) && x.level() == 4);
        Line l = diff(plain(), events(c, plain().inlinings(), List.of())).lines().get(0);
        assertEquals(Kind.TIER, l.kind());
        assertEquals("FormParser.decode", l.method());
        assertEquals("C2 at 900 ms", l.fast());
        assertEquals("C1 level 3 at 120 ms", l.slow());
    }

    @Test
    void anOsrOnlyMethodAndOneNeverCompiled() {
        List<Compilation> fast = new ArrayList<>(baseCompilations());
        fast.add(new Compilation(6, LOOP, 4, false, true, 1500));
        List<Compilation> slow = new ArrayList<>(baseCompilations());
        slow.add(new Compilation(6, LOOP, 4, true, true, 1500));
        slow.removeIf(x -> x.method().equals(JDK));
        List<Line> lines = diff(events(fast, List.of(), List.of()), events(slow, List.of(), List.of())).lines();
        assertEquals(2, lines.size(), lines.toString());
        Line never = lines.get(0);
        assertEquals(Kind.COMPILED, never.kind(), "charAt is in 20% of the samples: first");
        assertEquals("String.charAt", never.method());
        assertEquals("never compiled", never.slow());
        Line osr = lines.get(1);
        assertEquals(Kind.OSR, osr.kind());
        assertEquals("C2 at 1.5 s", osr.fast());
        assertEquals("OSR only, C2 at 1.5 s", osr.slow());
    }

    @Test
    void theHarnessBelowTheBenchmarkIsLeftOut() {
        List<Compilation> slow = new ArrayList<>(baseCompilations());
        slow.add(new Compilation(8, "java.lang.Thread.run", 1, false, true, 10));
        assertTrue(diff(plain(), events(slow, plain().inlinings(), List.of())).isEmpty());
    }

    @Test
    void unsampledMethodsOutsideTheBenchmarksPackageAreLeftOut() {
        List<Compilation> slow = new ArrayList<>(baseCompilations());
        slow.add(new Compilation(7, "java.util.HashMap.resize", 4, false, true, 10));
        assertTrue(diff(plain(), events(slow, plain().inlinings(), List.of())).isEmpty());
    }

    @Test
    void theTableKeepsTwelveLinesAndCountsTheRest() {
        List<Compilation> slow = new ArrayList<>(baseCompilations());
        for (int i = 0; i < 15; i++) {
            slow.add(new Compilation(100 + i, PKG + ".Other.m" + i, 4, false, true, 10));
        }
        JitDiff.Table t = diff(plain(), events(slow, plain().inlinings(), List.of()));
        assertEquals(JitDiff.MAX_LINES, t.lines().size());
        assertEquals(3, t.more());
    }

    @Test
    void framesReadAsMethods() {
        assertEquals("dev.x.A.m", JitDiff.frame("dev/x/A.m_[j]"));
        assertEquals("dev.x.A.m", JitDiff.frame("dev.x.A.m(I)V"));
        assertEquals(0.8, JitDiff.shares(STACKS, PKG).get(DECODE), 1e-9);
        assertEquals(1.0, JitDiff.shares(STACKS, PKG).get(PARSE), 1e-9);
        assertEquals(null, JitDiff.shares(STACKS, PKG).get("java.lang.Thread.run"), "the harness below is not weighed");
        assertEquals(1.0, JitDiff.shares(STACKS, "").get("java.lang.Thread.run"), 1e-9);
    }
}
