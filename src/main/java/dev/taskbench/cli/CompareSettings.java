package dev.taskbench.cli;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.TestbedCheck;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.results.ProfileEvent;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code jmh:compare} was asked, read once: the two runs (a folder name under the results
 * folder, or a path to a run folder or a JMH JSON file, each optionally {@code :FLAGSET}), where
 * the results live, the criteria of a verdict, whether a regression fails the command, whether
 * the gate may judge runs from different testbeds, and which event's profiles to diff for each
 * SLOWER row (empty: none).
 */
public record CompareSettings(String base, String candidate, Path resultsRoot, Criteria criteria, boolean gate,
        boolean acrossTestbeds, Optional<ProfileEvent> profileRegressions) {
    public static final String BASE = "base";
    public static final String CANDIDATE = "candidate";
    /** A differential flame graph per SLOWER row: {@code true} or {@code false}. */
    public static final String PROFILE_REGRESSIONS = ProfileEvent.REGRESSIONS;
    /** The event those graphs diff, one of {@link ProfileEvent}; cpu by default. */
    public static final String PROFILE_EVENT = ProfileEvent.REGRESSIONS_EVENT;

    /** The runs first (the error a newcomer meets first), then the knobs; each bad value is one line. */
    public static CompareSettings from(Settings s) {
        String base = s.get(BASE, "TASKBENCH_BASE");
        String candidate = s.get(CANDIDATE, "TASKBENCH_CANDIDATE");
        if (base == null || candidate == null) {
            throw new TaskbenchException("give two runs: -Dbase=RUN -Dcandidate=RUN (a folder name under results/ "
                    + "or a path to a run folder or JMH JSON file)");
        }
        return new CompareSettings(base, candidate, ProjectPaths.resultsRoot(s), Criteria.from(s), Criteria.gate(s),
                s.flag(TestbedCheck.FORCE, null, false), profileRegressions(s));
    }

    /** The event to diff when {@code -Dtaskbench.profile.regressions} is true; both settings are checked either way. */
    static Optional<ProfileEvent> profileRegressions(Settings s) {
        return ProfileEvent.regressions(s);
    }
}
