package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.ceiling.Ceiling;
import dev.taskbench.ceiling.CeilingProfiler;
import dev.taskbench.ceiling.CeilingReport;
import dev.taskbench.ceiling.PgbenchCeiling;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.ConnectionInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * How a run measures the pgbench ceiling for its {@code @SingleRowWrite} benchmarks
 * ({@code -Dtaskbench.ceiling}): {@code bracket}, the default outside smoke, samples pgbench right
 * before and right after each fork ({@link CeilingProfiler}); {@code after}, smoke's default
 * (cheap, for a run that only proves things work), once per client count after the run;
 * {@code off} skips it. {@code -Dtaskbench.ceiling.seconds} is each sample's length (bracket 2,
 * after 5, smoke 2; 0 skips).
 */
record CeilingPlan(Kind kind, int seconds) {
    static final String PROPERTY = SettingsCatalogue.CEILING.key();
    static final String SECONDS = SettingsCatalogue.CEILING_SECONDS.key();
    static final CeilingPlan OFF = new CeilingPlan(Kind.OFF, 0);

    enum Kind {
        BRACKET, AFTER, OFF
    }

    static CeilingPlan from(Settings settings, Profile profile) {
        String mode = settings.get(PROPERTY, null);
        Kind kind;
        if (mode == null) {
            kind = profile == Profile.SMOKE ? Kind.AFTER : Kind.BRACKET;
        } else {
            try {
                kind = Kind.valueOf(mode.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaskbenchException("-D" + PROPERTY + "=" + mode + " is not one of bracket, after, off");
            }
        }
        String s = settings.get(SECONDS, null);
        int seconds = profile == Profile.SMOKE || kind == Kind.BRACKET ? CeilingProfiler.DEFAULT_SECONDS : 5;
        if (s != null) {
            try {
                seconds = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 0) {
                throw new TaskbenchException("-D" + SECONDS + "=" + s + " is not a whole number of seconds (0 skips)");
            }
        }
        return kind == Kind.OFF || seconds == 0 ? OFF : new CeilingPlan(kind, seconds);
    }

    /** True when the profiler samples around each fork: bracket mode with pgbench on the PATH. */
    boolean profiles() {
        return kind == Kind.BRACKET && PgbenchCeiling.find().isPresent();
    }

    /** The profiler's init line for one flag set's passes, or null when this plan takes no samples beside forks. */
    String initLine(Path handoff, String flagSet, String runId) {
        return profiles() ? CeilingProfiler.initLine(seconds, handoff, flagSet, runId) : null;
    }

    /** {@code ceiling.txt}: the profiler's samples from the JSON for {@code bracket}, measured now for {@code after}. */
    String report(Map<String, Path> files, ConnectionInfo db, String runId, PrintStream out) {
        Ceiling ceiling;
        if (PgbenchCeiling.find().isEmpty()) {
            ceiling = Ceiling.none("pgbench is not on the PATH: no ceiling; rows/s only");
        } else if (kind == Kind.BRACKET) {
            ceiling = new Ceiling();
            ceiling.note("ceiling: pgbench -M prepared, the same INSERT, table and clients, " + seconds
                    + " s right before and right after each fork; the ceiling is their mean");
            CeilingProfiler.failure(runId).ifPresent(ceiling::note);
            CeilingReport.withSamples(ceiling, files);
        } else {
            out.println("taskbench: measuring the pgbench ceiling for the single-row write paths");
            ceiling = measureAfter(db);
        }
        CeilingProfiler.forget(runId);
        return CeilingReport.render(files, ceiling);
    }

    private Ceiling measureAfter(ConnectionInfo db) {
        try {
            return CeilingReport.measureAfter(db, seconds);
        } catch (SQLException | IOException | TaskbenchException e) {
            return Ceiling.none("the pgbench ceiling could not be measured: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ceiling.none("the pgbench ceiling was interrupted");
        }
    }
}
