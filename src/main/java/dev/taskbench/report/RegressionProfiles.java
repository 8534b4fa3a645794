package dev.taskbench.report;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.DiffFolded;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.ProfileEvent;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -Dtaskbench.profile.regressions=true}: for each SLOWER row, a differential flame graph
 * of the base's and the candidate's collapsed stacks in {@code diff/<row>/<event>.html}, or one
 * line naming the side whose run holds no profile of that row.
 */
public final class RegressionProfiles {
    static final String FOLDER = "diff";

    private final Comparison cmp;
    private final Path baseRun;
    private final Path candidateRun;
    private final Optional<String> baseProfiled;
    private final Optional<String> candidateProfiled;
    private final ProfileEvent event;
    private final PrintStream out;

    private RegressionProfiles(Comparison cmp, RunResults base, RunResults candidate, ProfileEvent event,
            PrintStream out) {
        this.cmp = cmp;
        this.baseRun = runFolder(base);
        this.candidateRun = runFolder(candidate);
        this.baseProfiled = profiledFlagSet(base);
        this.candidateProfiled = profiledFlagSet(candidate);
        this.event = event;
        this.out = out;
    }

    /** Writes a diff per SLOWER row that both runs profiled under {@code dir}, a line per row; returns the files. */
    public static List<Path> write(Comparison cmp, RunResults base, RunResults candidate, ProfileEvent event, Path dir,
            PrintStream out) {
        return new RegressionProfiles(cmp, base, candidate, event, out).writeAll(dir.resolve(FOLDER));
    }

    private List<Path> writeAll(Path dir) {
        List<Row> slower = cmp.rows().stream().filter(r -> r.verdict() == Verdict.SLOWER).toList();
        if (slower.isEmpty()) {
            out.println("taskbench: no SLOWER row, so no differential flame graph");
        }
        List<Path> written = new ArrayList<>();
        for (Row r : slower) {
            row(r, dir.resolve(ProfileLinks.rowFolder(r.key())).resolve(event.name() + ".html"))
                    .ifPresent(written::add);
        }
        return written;
    }

    /** One row's diff into {@code file}, or the line saying why there is none. */
    private Optional<Path> row(Row r, Path file) {
        Path base = ProfileLinks.rowFile(baseRun, r.key(), stacks());
        Path candidate = ProfileLinks.rowFile(candidateRun, r.key(), stacks());
        if (!Files.isRegularFile(base) || !Files.isRegularFile(candidate)) {
            say(r, lacking(r, Files.isRegularFile(base), Files.isRegularFile(candidate)));
            return Optional.empty();
        }
        try {
            ReportFiles.save(file, DiffFlameGraph.render(new DiffFlameGraph.Title(r.key().label(), cmp.baseName(),
                    cmp.candidateName(), event.name()), DiffFolded.diff(read(base), read(candidate))));
        } catch (TaskbenchException e) {
            say(r, "no differential flame graph: " + e.getMessage());
            return Optional.empty();
        }
        say(r, "SLOWER, differential flame graph in " + file + otherFlagSet(r));
        return Optional.of(file);
    }

    /** Which side lacks the stacks and how to get them. */
    private String lacking(Row r, boolean base, boolean candidate) {
        String b = "base " + cmp.baseName();
        String c = "candidate " + cmp.candidateName();
        String where = !base && !candidate ? b + " and " + c : base ? c : b;
        return "no " + event + " profile of this row in " + where + " (no " + ProfileLinks.FOLDER + "/"
                + ProfileLinks.rowFolder(r.key()) + "/" + stacks() + "); re-run " + (base || candidate ? "that side"
                : "both") + " with -Dtaskbench.profilers=" + event + ", or run both interleaved (-Dtaskbench.baseline.jar"
                + " with -D" + ProfileEvent.REGRESSIONS + "=true profiles each SLOWER row on both sides)";
    }

    /** A note when a side's profile ran on another flag set than its side of the row (a run profiles its first). */
    private String otherFlagSet(Row r) {
        List<String> notes = new ArrayList<>();
        baseProfiled.filter(f -> !f.equals(flagSet(r, true)))
                .ifPresent(f -> notes.add("the base's profile ran on flag set " + f));
        candidateProfiled.filter(f -> !f.equals(flagSet(r, false)))
                .ifPresent(f -> notes.add("the candidate's profile ran on flag set " + f));
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ", not the row's)";
    }

    /** A side's flag set: the row's, or one side of {@code a → b} when flag sets are compared. */
    private static String flagSet(Row r, boolean base) {
        String[] sides = r.flagSet().split(" \u2192 ", 2);
        return sides.length == 2 ? sides[base ? 0 : 1] : r.flagSet();
    }

    /** The flag set a run profiled, as its metadata records it ({@code profiles.flagSet}). */
    private static Optional<String> profiledFlagSet(RunResults run) {
        return run.metadata().get("profiles") instanceof Map<?, ?> m && m.get("flagSet") instanceof String f
                ? Optional.of(f) : Optional.empty();
    }

    private void say(Row r, String what) {
        out.println("taskbench: " + r.flagSet() + "  " + r.key().label() + ": " + what);
    }

    private String stacks() {
        return event.name() + ".collapsed";
    }

    /** A run read from a JMH JSON file is looked up in that file's folder. */
    private static Path runFolder(RunResults run) {
        Path source = run.source().toAbsolutePath();
        return Files.isDirectory(source) ? source : source.getParent();
    }

    private static Map<String, Long> read(Path collapsed) {
        try {
            return DiffFolded.parse(Files.readString(collapsed));
        } catch (IOException | TaskbenchException e) {
            throw new TaskbenchException(collapsed + ": " + e.getMessage(), e);
        }
    }
}
