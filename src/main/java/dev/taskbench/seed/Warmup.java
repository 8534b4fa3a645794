package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Timing;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The unmeasured warmup: rounds of the write round's own shape, each on fresh connections as
 * the measured round opens its own and each verified and emptied as it is (a new connection
 * and the verifying queries take paths that one long round never shows C2, and the
 * recompilation would land in the measurement), until at least {@code minWrites} are done
 * and a round leaves the JIT quiet (compiling for under {@link #QUIET} of its time), or
 * {@code warmupSeconds} have passed. On 2 cores the JIT's compiler threads compete with
 * server, client and PostgreSQL for the same CPU.
 */
record Warmup(long writes, int rounds, double seconds, long jitMillis, long lastRoundJitMillis, boolean quiet,
        boolean watched) {
    static final int ROUND_WRITES = 5_000;
    static final double QUIET = 0.02;

    /** Rounds of at most {@link #ROUND_WRITES}, each verified and then emptied as the write round is. */
    static Warmup run(SeedRun run, String marker, int minWrites) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        SeedSettings o = run.settings;
        Timing clock = Timing.SYSTEM;
        int per = Math.max(1, Math.min(Math.max(minWrites, ROUND_WRITES / 5), ROUND_WRITES) / o.users());
        long t0 = clock.now();
        long deadline = t0 + o.warmupSeconds() * 1_000_000_000L;
        long jit0 = watched ? jit.getTotalCompilationTime() : 0;
        long writes = 0;
        int rounds = 0;
        while (true) {
            long c0 = watched ? jit.getTotalCompilationTime() : 0;
            long w0 = clock.now();
            String m = marker + "-" + rounds;
            ClosedLoop.Result r = SeedLoad.writes(run.server, o, m, per);
            long found = SeedLoad.rowsMarked(run.info, m);
            if (found != r.operations()) {
                throw new TaskbenchException("a warmup round wrote " + r.operations() + " rows, " + found
                        + " carry its marker (another session truncated task?)");
            }
            SeedLoad.emptyTable(run.info, run.server);
            long compiled = watched ? jit.getTotalCompilationTime() - c0 : 0;
            writes += r.operations();
            rounds++;
            boolean quiet = !watched || compiled <= QUIET * (clock.now() - w0) / 1e6;
            if (writes >= minWrites && (quiet || clock.now() >= deadline)) {
                return new Warmup(writes, rounds, (clock.now() - t0) / 1e9,
                        watched ? jit.getTotalCompilationTime() - jit0 : 0, compiled, quiet, watched);
            }
        }
    }

    String describe(String what) {
        String how = !watched ? "this JVM does not report compilation time"
                : String.format(Locale.ROOT, "the JIT compiled for %,d ms in all, %d ms in the last round (%s)",
                        jitMillis, lastRoundJitMillis, quiet ? "quiet" : "NOT quiet: -D" + SeedSettings.WARMUP_SECONDS
                                + " ran out, the round will share the cores with the JIT");
        return String.format(Locale.ROOT, "%s: %,d writes in %d rounds on fresh connections, %.1f s, not"
                + " measured; %s", what, writes, rounds, seconds, how);
    }
}
