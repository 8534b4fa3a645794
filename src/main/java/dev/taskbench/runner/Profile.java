package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named run profiles: how many forks and iterations, and whether to record allocation.
 * The fork is the unit of repetition (JIT and GC threads compete with the benchmark), so the
 * longer profiles add forks before they add iterations.
 *
 * <p>The rule, under {@code mvn jmh:run} and {@code java -jar target/benchmarks.jar} alike
 * ({@link PassPlan}): the profile is the one place for forks and time budgets. A benchmark class
 * declares, with JMH's own annotations, only what its meaning or its JIT needs: the write
 * benchmarks {@code @Warmup(iterations = 5, time = 1000 ms)} (the driver's hot path compiles for
 * seconds), the warmup curve its single-shot {@code @Measurement}. No class declares
 * {@code @Fork}. The measuring profiles (standard, full) keep what a class declares and fill in
 * the rest; smoke replaces declared warmups (it only proves things run) but keeps declared
 * single-shot measurement plans, and so does steady, whose point is to measure the warm-up; the
 * user's {@code -wi/-w/-i/-r/-f} always win. Each difference between what classes declare and what
 * runs is printed once per run.
 */
public enum Profile {
    /** Whole suite in a few minutes: does every benchmark run and verify its work? For CI and PRs. */
    SMOKE(1, 0, "200ms", 1, "300ms", false, 0, false, 2, 0),
    /**
     * The default: usable error bars in one sitting. Run on the whole suite, it runs each
     * class's declared core rows ({@link dev.taskbench.declare.Standard}).
     */
    STANDARD(5, 1, "500ms", 2, "500ms", true, 12, true, 3, 8),
    /** Nightly: every row, many short forks for per-fork statistics. */
    FULL(10, 2, "1s", 3, "1s", true, 20, false, 5, 15),
    /**
     * Where each fork reaches steady state ({@link dev.taskbench.stability.SteadyState}): no warmup,
     * so the warm-up is inside the measured series, and many short iterations, so PELT can place it.
     * 60 x 100 ms is 6 s a fork: three times the CPU benchmarks' declared 2 s warmup, with a last
     * quarter of 15 iterations (1.5 s) in which a steady fork must stay still; a fork still moving
     * after 4.5 s (the write benchmarks' declared 5 s, say) reads as no steady state, which is itself
     * the answer that its warmup is too short to trust. 10 forks, as Barrett et al. count forks
     * ("steady in 9 of 10"), and no more: the standard profile's core rows take a few minutes each.
     * No {@code -prof gc} (it adds its own work to every iteration) and no adaptive forks.
     */
    STEADY(10, 0, "100ms", 60, "100ms", false, 0, true, 10, 0);

    private final int forks;
    private final int warmupIterations;
    private final String warmupTime;
    private final int measurementIterations;
    private final String measurementTime;
    private final boolean gcProfiler;
    private final int adaptiveForks;
    private final boolean coreRowsOnly;
    private final int stopMinForks;
    private final int stopMaxForks;

    Profile(int forks, int warmupIterations, String warmupTime, int measurementIterations, String measurementTime,
            boolean gcProfiler, int adaptiveForks, boolean coreRowsOnly, int stopMinForks, int stopMaxForks) {
        this.stopMinForks = stopMinForks;
        this.stopMaxForks = stopMaxForks;
        this.adaptiveForks = adaptiveForks;
        this.coreRowsOnly = coreRowsOnly;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.gcProfiler = gcProfiler;
    }

    /**
     * The fixed forks of a row: what {@code java -jar target/benchmarks.jar} runs, and {@code mvn jmh:run}
     * under a profile without a stop rule ({@link #stopMaxForks()} 0).
     */
    public int forks() {
        return forks;
    }

    /**
     * The most fork pairs a row gets when candidate and baseline run interleaved and the row is
     * still undecided after {@link #forks()} ({@code -Dtaskbench.adaptive.maxForks}); 0 adds none.
     */
    public int adaptiveForks() {
        return adaptiveForks;
    }

    /**
     * The forks every row of {@code mvn jmh:run} gets before its stop rule is asked ({@link StopRule},
     * {@code -Dtaskbench.stop.minForks}): standard 3, the fewest whose interval of the median is an
     * interval at all; full 5. Without a baseline jar or {@code -f}, these replace {@link #forks()}.
     */
    public int stopMinForks() {
        return stopMinForks;
    }

    /**
     * The most forks a row gets under its stop rule ({@code -Dtaskbench.stop.maxForks}); 0: no rule,
     * every row runs {@link #forks()} (smoke proves things run; steady counts forks as Barrett et al.).
     * Standard 8: from about 6 forks the interval of the median leaves the extreme forks out, so a
     * noisy row at 8 has an interval that one stray fork does not set; full 15, its budget for rows
     * to be studied.
     */
    public int stopMaxForks() {
        return stopMaxForks;
    }

    /** True when a run of the whole suite runs only the rows classes declare as core. */
    public boolean coreRowsOnly() {
        return coreRowsOnly;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public String warmupTime() {
        return warmupTime;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public String measurementTime() {
        return measurementTime;
    }

    /**
     * True for the profiles that keep a class's declared {@code @Warmup}/{@code @Measurement}
     * (standard, full); smoke only proves things run, steady measures the warm-up itself.
     */
    public boolean keepsDeclaredPlans() {
        return this == STANDARD || this == FULL;
    }

    public boolean gcProfiler() {
        return gcProfiler;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String name) {
        if (name == null || name.isBlank()) {
            return STANDARD;
        }
        for (Profile p : values()) {
            if (p.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new TaskbenchException("unknown profile '" + name + "' in -Dtaskbench.profile; choose one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }
}
