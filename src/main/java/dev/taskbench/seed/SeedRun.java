package dev.taskbench.seed;

import dev.taskbench.ceiling.PgbenchCeiling;
import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.server.Service;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The context {@link SeedCommand}'s steps share: what the run was asked and runs on (final),
 * and what each step found, filled in as they run (null where a step was skipped).
 */
final class SeedRun {
    final SeedSettings settings;
    /** The database with the write benchmarks' connection defaults: what pgbench and the checks connect with. */
    final ConnectionInfo info;
    final PrintStream out;
    /** This run's marker in titles, so that its rows are told from any other's. */
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final Optional<Path> pgbench;
    /** CPU use by process and thread; null where this machine has no {@code /proc}. */
    final CpuMeter meter;
    Service server;

    PgbenchCeiling.Result ceilingBefore;
    PgbenchCeiling.Result ceilingAfter;
    final CpuMeter.Use[] pgbenchCpu = new CpuMeter.Use[2];
    ClosedLoop.Result writes;
    CpuMeter.Use writesCpu;
    final ClosedLoop.Result[] cpu = new ClosedLoop.Result[2];
    Layers layers;
    /** The write round straight to the server and behind nginx, back to back; or why there is none. */
    final ClosedLoop.Result[] nginx = new ClosedLoop.Result[2];
    String nginxNote;

    SeedRun(SeedSettings settings, ConnectionInfo info, PrintStream out, Optional<Path> pgbench, CpuMeter meter) {
        this.settings = settings;
        this.info = info;
        this.out = out;
        this.pgbench = pgbench;
        this.meter = meter;
    }

    CpuMeter.Snapshot cpuNow() {
        return meter == null ? null : meter.take();
    }
}
