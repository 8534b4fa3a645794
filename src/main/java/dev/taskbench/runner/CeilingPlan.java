package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.config.Settings;
import dev.taskbench.ceiling.Ceiling;
import dev.taskbench.ceiling.CeilingBracket;
import dev.taskbench.ceiling.CeilingReport;
import dev.taskbench.ceiling.PgbenchCeiling;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;

/**
 * How a run measures the pgbench ceiling for its single-row write benchmarks
 * ({@code -Dtaskbench.ceiling}): {@code bracket}, the default outside smoke, samples pgbench right
 * before and right after each benchmark; {@code after}, smoke's default (cheap, for a run that
 * only proves things work), once per client count after the run; {@code off} skips it.
 * {@code -Dtaskbench.ceiling.seconds} is each sample's length (bracket 3, after 5, smoke 2; 0 skips).
 */
record CeilingPlan(Kind kind, int seconds) {
    static final String PROPERTY = "taskbench.ceiling";
    static final String SECONDS = "taskbench.ceiling.seconds";
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
        int seconds = profile == Profile.SMOKE ? 2 : kind == Kind.BRACKET ? 3 : 5;
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

    /** The bracket to wrap JMH's passes with, or null when this plan (or a missing pgbench) takes no samples. */
    CeilingBracket bracket(ProvisionedDatabase db) {
        Optional<Path> pgbench = PgbenchCeiling.find();
        return kind == Kind.BRACKET && pgbench.isPresent() ? new CeilingBracket(pgbench.get(), db.info(), seconds)
                : null;
    }

    /** {@code ceiling.txt}: measures now for {@code after}, renders the bracket's samples otherwise. */
    String report(Map<String, Path> files, ProvisionedDatabase db, CeilingBracket bracket, PrintStream out) {
        Ceiling ceiling;
        if (bracket != null) {
            ceiling = bracket.ceiling();
        } else if (PgbenchCeiling.find().isEmpty()) {
            ceiling = Ceiling.none("pgbench is not on the PATH: no ceiling; rows/s only");
        } else {
            out.println("taskbench: measuring the pgbench ceiling for the single-row write paths");
            try {
                ceiling = CeilingReport.measureAfter(db.info(), seconds);
            } catch (SQLException | IOException | TaskbenchException e) {
                ceiling = Ceiling.none("the pgbench ceiling could not be measured: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ceiling = Ceiling.none("the pgbench ceiling was interrupted");
            }
        }
        return CeilingReport.render(files, ceiling);
    }

    /** JMH's own console output, as {@code new Runner(options)} makes it, on a System.out that closing spares. */
    static OutputFormat jmhOutput(Options options) {
        PrintStream sink;
        if (options.getOutput().hasValue()) {
            try {
                sink = new PrintStream(options.getOutput().get(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TaskbenchException("cannot write JMH's output to " + options.getOutput().get() + ": "
                        + e.getMessage());
            }
        } else {
            sink = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8) {
                @Override
                public void close() {
                    flush();
                }
            };
        }
        return OutputFormatFactory.createFormatInstance(sink, options.verbosity().orElse(Defaults.VERBOSITY));
    }
}
