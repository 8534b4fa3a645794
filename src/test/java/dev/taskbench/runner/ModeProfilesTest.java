package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.jit.JitEvents;
import dev.taskbench.jit.JitEvents.Compilation;
import dev.taskbench.jit.JitEvents.Inlining;
import dev.taskbench.report.ModesReport;
import dev.taskbench.results.BenchmarkKey;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.ModeExplanations;
import dev.taskbench.results.RunResults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phase with a fake profiled fork injected (a planted bimodality cannot be ordered from a real
 * JVM): it profiles exactly the rows the modes report names, stops once a fork of each extreme mode
 * is in hand, writes the graph and the JIT table, and says in one line what went missing or failed.
 */
class ModeProfilesTest {
    static final String BENCH = "dev.taskbench.loop.CounterLoopBenchmark.opaque";
    static final String LOOP = "dev.taskbench.loop.CounterLoop.opaque";
    static final String STEP = "dev.taskbench.loop.CounterLoop.step";

    @TempDir
    Path run;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final List<Double> ran = new ArrayList<>();

    static BenchmarkResult row(String outer, double... forks) {
        return new BenchmarkResult(BenchmarkKey.of(BENCH, Map.of("outer", outer), "avgt", 1), "default", "ns/op",
                Arrays.stream(forks).boxed().toList(), Optional.empty(), Double.NaN);
    }

    /** Fast forks inline step into the loop; slow ones do not, and their samples sit in step. */
    ModeProfiles.Profiled fork(double score) {
        ran.add(score);
        boolean fast = score < 175;
        JitEvents jit = new JitEvents(List.of(new Compilation(1, LOOP, 4, false, true, 300),
                new Compilation(2, STEP, 4, false, true, 200)),
                List.of(new Inlining(1, LOOP, STEP, fast, fast ? "inline (hot)" : "callee is too large")), List.of());
        Map<String, Long> stacks = fast ? Map.of("Thread.run;dev/taskbench/loop/CounterLoop.opaque_[j]", 100L)
                : Map.of("Thread.run;dev/taskbench/loop/CounterLoop.opaque_[j];dev/taskbench/loop/CounterLoop.step_[j]",
                        100L);
        return new ModeProfiles.Profiled(score, stacks, Optional.of(jit), List.of());
    }

    ModeProfiles phase(int maxForks, double... scores) {
        Iterator<Double> next = Arrays.stream(scores).boxed().iterator();
        return new ModeProfiles(maxForks, (r, attempt) -> fork(next.next()), run,
                new PrintStream(said, true, StandardCharsets.UTF_8));
    }

    @Test
    void aForkOfEachModeIsComparedAndTheFilesWritten() throws IOException {
        BenchmarkResult bimodal = row("10000", 150, 151, 149, 199, 201);
        ModeExplanations e = phase(6, 151, 149, 202, 150).explain(List.of(bimodal, row("20000", 300, 301, 299, 302)));
        assertEquals(1, e.rows().size(), "only the bimodal row");
        ModeExplanations.Row r = e.rows().get(0);
        assertEquals(List.of(151.0, 149.0, 202.0), ran, "stops once both modes are in hand");
        assertEquals(List.of(new ModeExplanations.Fork(151, 0, true), new ModeExplanations.Fork(149, 0, false),
                new ModeExplanations.Fork(202, 1, true)), r.forks());
        String folder = ModeExplanations.FOLDER + "/CounterLoopBenchmark.opaque-outer-10000-avgt-t1/";
        assertEquals(folder + ModeProfiles.FLAME_GRAPH, r.flameGraph());
        assertEquals(folder + ModeProfiles.JIT_TABLE, r.jitTable());
        assertTrue(Files.readString(run.resolve(r.flameGraph())).contains("slow fork 202 ns/op"));
        assertTrue(Files.readString(run.resolve(folder + "slow-cpu.collapsed")).contains("CounterLoop.step_[j] 100"));
        ModeExplanations.Difference d = r.jit().get(0);
        assertEquals("CounterLoop.step into CounterLoop.opaque", d.method());
        assertEquals("not inlined (C2): callee is too large", d.slow());
        assertTrue(Files.readString(run.resolve(r.jitTable())).contains("| CounterLoop.step into CounterLoop.opaque |"));
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        assertFalse(Files.exists(run.resolve(ModeExplanations.FOLDER).resolve(".fork-1")));

        RunResults read = new RunResults(run, "r", Map.of(ModeExplanations.METADATA_KEY, e), List.of(bimodal));
        String console = ModesReport.text(read);
        assertTrue(console.contains("not inlined (C2): callee is too large") && console.contains(r.flameGraph()), console);
    }

    @Test
    void aSlowModeThatDoesNotRecurIsOneLine() {
        ModeExplanations e = phase(3, 150, 151, 149).explain(List.of(row("10000", 150, 151, 149, 199, 201)));
        ModeExplanations.Row r = e.rows().get(0);
        assertEquals(List.of("3 profiled fork(s) all landed near 150 ns/op; the slow mode did not recur"), r.notes());
        assertNull(r.flameGraph());
        assertFalse(Files.exists(run.resolve(ModeExplanations.FOLDER)), "no empty folder left behind");
    }

    @Test
    void aProfilerThatFailsCostsTheExplanationNotTheRun() {
        ModeProfiles p = new ModeProfiles(6, (r, attempt) -> {
            throw new IOException("perf_event_open denied");
        }, run, new PrintStream(said, true, StandardCharsets.UTF_8));
        ModeExplanations.Row r = p.explain(List.of(row("10000", 150, 151, 149, 199, 201))).rows().get(0);
        assertEquals(List.of("fork 1: could not be profiled: perf_event_open denied",
                "no profiled fork ran, so the modes are not explained"), r.notes());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("perf_event_open denied"));
    }

    @Test
    void offOrWithoutBimodalRowsNothingRunsAndTheMetadataStaysAsItWas() {
        assertNull(phase(0).explain(List.of(row("10000", 150, 151, 149, 199, 201))));
        assertNull(phase(6).explain(List.of(row("10000", 150, 151, 149, 150, 152))));
        assertTrue(ran.isEmpty());
    }

    @Test
    void atMostMaxRowsTheClearestFirst() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int i = 0; i < ModeProfiles.MAX_ROWS; i++) {
            rows.add(row("r" + i, 150, 151, 149, 150, 199));
        }
        rows.add(row("even", 150, 151, 149, 199, 201, 200));
        double[] scores = new double[2 * ModeProfiles.MAX_ROWS];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i % 2 == 0 ? 150 : 200;
        }
        ModeExplanations e = phase(2, scores).explain(rows);
        assertEquals(ModeProfiles.MAX_ROWS, e.rows().size());
        assertEquals("even", e.rows().get(0).key().params().get("outer"), "three forks in its smaller mode: first");
    }

    @Test
    void aScoreGoesToTheNearestModeOnTheLogScale() {
        assertEquals(0, ModeProfiles.nearest(List.of(100.0, 200.0), 140));
        assertEquals(1, ModeProfiles.nearest(List.of(100.0, 200.0), 145));
        assertEquals("dev.taskbench.loop", ModeProfiles.ownPackage(BenchmarkKey.of(BENCH, Map.of(), "avgt", 1)));
    }
}
