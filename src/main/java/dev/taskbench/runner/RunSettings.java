package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.compare.Criteria;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import dev.taskbench.db.DatabaseHandoff;
import dev.taskbench.db.DatabaseLock;
import dev.taskbench.flags.FlagSets;
import dev.taskbench.flags.Jdks;
import dev.taskbench.results.ProfileEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code mvn jmh:run} is told, read once from its {@code -D} settings and the
 * environment: what to run ({@link RunRequest}), where results go, the flag sets, the ceiling,
 * the reference runtimes and the gate. A bad value is a one-line error here, before anything runs.
 *
 * @param flagSpec {@code -Dtaskbench.flagsets}, or null for the runner's own JVM only
 * @param reference {@code -Dtaskbench.reference}: null is "when flag sets are given"
 * @param gate {@code -Dtaskbench.gate}: exit 3 on a significant regression against the base, 4 when it cannot judge
 * @param base {@code -Dbase}: the run to compare with (name or folder), or null
 * @param baselineJar {@code -Dtaskbench.baseline.jar}: a baseline build run interleaved, the base when given
 * @param acrossTestbeds {@code -Dtaskbench.gate.acrossTestbeds}: let the gate judge a base from another testbed
 * @param adaptiveForks {@code -Dtaskbench.adaptive.maxForks}: with a baseline jar, undecided rows get fork pairs
 *                      up to this many a side (the profile's default; 0 adds none)
 * @param stopRule {@code -Dtaskbench.stop.*}: without a baseline jar, when a row has forks enough ({@link RowStops});
 *                 null when the profile has no rule or {@code -Dtaskbench.stop.maxForks=0}
 * @param reruns {@code -Dtaskbench.rerun.max}: how many times a suspect fork is re-run ({@link SuspectReruns})
 * @param candidateJvmArgs {@code -Dtaskbench.candidate.jvmArgs}: JVM options for the candidate's forks only
 * @param baselineAllowance {@code -Dtaskbench.baseline.allowanceSeconds}: per row, beyond its iterations, before
 *                          a baseline round is stopped
 * @param handoffDir {@code -Dtaskbench.db.handoff.dir}: where the database hand-off file goes (the system temp
 *                   folder when null); {@code mvn jmh:run} gives a private folder it removes however the run ends
 * @param lockWait {@code -Dtaskbench.db.lockWaitSeconds}: how long to wait for another run's database lock
 * @param roundTrip {@code -Dtaskbench.db.roundTripMs}: injected between the run and its database, zero for none
 * @param debug {@code -Dtaskbench.debug}: checked here like every setting; {@code Command}'s frame prints the stack traces
 * @param profiling {@code -Dtaskbench.profilers}: flame graphs from an unmeasured pass after the measured ones
 * @param profileRegressions {@code -Dtaskbench.profile.regressions}: with a baseline jar, both sides of each
 *                           SLOWER row profiled and diffed, in this event; empty: not asked
 * @param explainModes {@code -Dtaskbench.modes.explain}: the most unmeasured profiled forks a bimodal row gets
 *                     to find one fork of its fastest and one of its slowest mode ({@link ModeProfiles}); 0 off
 * @param progress {@code -Dtaskbench.progress} and {@code -Dtaskbench.progress.every}: the most time between two
 *                 of the whole run's progress lines (zero: each fork); empty: no progress lines
 * @param planHistory {@code -Dtaskbench.plan.history}: plan each row from earlier runs of its testbed
 *                    ({@link HistoryPlan}); false: from the profile
 * @param shard {@code -Dtaskbench.shard}: run only this shard of the run's units ({@link ShardPlan}); empty: all
 */
public record RunSettings(RunRequest request, Path projectDir, Path resultsRoot, String flagSpec, Path flagSetsFile,
        boolean interleave, Reference reference, String jdks, String runId, CeilingPlan ceiling, boolean gate,
        String base, Path baselineJar, Criteria criteria, boolean acrossTestbeds, int adaptiveForks,
        StopRule stopRule, int reruns, List<String> candidateJvmArgs, Duration baselineAllowance, Path handoffDir,
        Duration lockWait, Duration roundTrip, boolean debug, Profiling profiling,
        Optional<ProfileEvent> profileRegressions, int explainModes, Optional<Duration> progress,
        boolean planHistory, Optional<Shard> shard) {

    public static final String FLAGSETS = FlagSets.SETTING;
    public static final String FLAGSETS_FILE = FlagSets.FILE_SETTING;
    public static final String INTERLEAVE = SettingsCatalogue.INTERLEAVE.key();
    public static final String REFERENCE = SettingsCatalogue.REFERENCE.key();
    public static final String JDKS = Jdks.SETTING;
    public static final String RUN_ID = SettingsCatalogue.RUN_ID.key();
    public static final String GATE = Criteria.GATE;
    public static final String BASE = "base";
    public static final String DEBUG = SettingsCatalogue.DEBUG.key();
    public static final String ADAPTIVE_FORKS = SettingsCatalogue.ADAPTIVE_FORKS.key();
    public static final String CANDIDATE_JVM_ARGS = SettingsCatalogue.CANDIDATE_JVM_ARGS.key();
    public static final String ROUND_TRIP = SettingsCatalogue.DB_ROUND_TRIP.key();
    public static final String PLAN_HISTORY = SettingsCatalogue.PLAN_HISTORY.key();
    /**
     * Re-runs of a suspect fork in standard and full: one more after a re-run that was disturbed too.
     * Smoke only proves things run; steady keeps every fork, since a fork that never settles is its answer.
     */
    static final int DEFAULT_RERUNS = 2;
    /**
     * Profiled forks a bimodal row gets in standard and full: with a minority mode of 2 forks in 5,
     * 6 forks miss the slow mode about 5% of the time. Smoke has one fork (no modes); steady keeps
     * its time for its own forks.
     */
    static final int DEFAULT_EXPLAIN_MODES = 6;

    /** Between two progress lines where no one watches a terminal: a log that says the run is alive, not a flood. */
    static final int PROGRESS_EVERY_SECONDS = 60;

    /** {@code -Dtaskbench.reference}: time CPython, PyPy and Node beside the JVM, or not. */
    public enum Reference {
        on, off
    }

    public static RunSettings from(Settings s) {
        RunRequest request = RunRequest.from(s);
        String runId = s.get(RUN_ID, null);
        if (runId != null && !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw Settings.bad(RUN_ID, runId, "a new run name (letters, digits, . _ -)");
        }
        boolean gate = Criteria.gate(s);
        String base = s.get(BASE, null);
        Path baselineJar = s.path(BaselineJar.PROPERTY, null, null);
        if (gate && base == null && baselineJar == null) {
            throw new TaskbenchException("-D" + GATE + "=true needs the run to gate against: -D" + BASE
                    + "=<run name> (or -D" + BaselineJar.PROPERTY + "=JAR, whose interleaved results are the base)");
        }
        return new RunSettings(request, ProjectPaths.projectDir(s), ProjectPaths.resultsRoot(s),
                s.get(SettingsCatalogue.FLAGSETS), s.path(FLAGSETS_FILE, null, null),
                s.flag(INTERLEAVE, null, false), s.choice(REFERENCE, null, Reference.class, null), s.get(JDKS, null),
                runId, CeilingPlan.from(s, request.profile()), gate, base,
                baselineJar == null ? null : baselineJar.toAbsolutePath(), Criteria.from(s), Criteria.acrossTestbeds(s),
                s.integer(ADAPTIVE_FORKS, null, request.profile().adaptiveForks(), 0, 1000), stopRule(s, request.profile()),
                s.integer(SettingsCatalogue.RERUNS.key(), null, request.profile().keepsDeclaredPlans() ? DEFAULT_RERUNS : 0, 0, 10),
                candidateJvmArgs(s, baselineJar), Duration.ofSeconds(s.integer(BaselineJar.ALLOWANCE, null,
                        BaselineJar.DEFAULT_ALLOWANCE_SECONDS, 0, 86_400)),
                s.path(DatabaseHandoff.DIR_PROPERTY, null, null), DatabaseLock.waitSetting(s),
                Duration.ofMillis(s.integer(SettingsCatalogue.DB_ROUND_TRIP, 0, 0, 10_000)), s.flag(DEBUG, null, false),
                Profiling.from(s), ProfileEvent.regressions(s), s.integer(SettingsCatalogue.MODES_EXPLAIN.key(), null,
                        request.profile().keepsDeclaredPlans() ? DEFAULT_EXPLAIN_MODES : 0, 0, 100),
                progress(s, System.console() != null), s.flag(SettingsCatalogue.PLAN_HISTORY, true), Shard.from(s));
    }

    /**
     * {@code -Dtaskbench.stop.*} over the profile's defaults; null when there is no rule. A minimum
     * above the cap is a one-line error.
     */
    static StopRule stopRule(Settings s, Profile profile) {
        int max = s.integer(SettingsCatalogue.STOP_MAX_FORKS, profile.stopMaxForks(), 0, 1000);
        int min = s.integer(SettingsCatalogue.STOP_MIN_FORKS, profile.stopMinForks(), 2, 1000);
        double width = s.decimal(SettingsCatalogue.STOP_WIDTH, StopRule.DEFAULT_WIDTH, 0.001, 10);
        int reachAt = s.integer(SettingsCatalogue.STOP_REACH_AT, profile.forks(), 0, 1000);
        if (max == 0) {
            return null;
        }
        if (min > max) {
            throw Settings.bad(SettingsCatalogue.STOP_MIN_FORKS.key(), String.valueOf(min),
                    "a whole number from 2 to " + SettingsCatalogue.STOP_MAX_FORKS.key() + " (" + max + ")");
        }
        return new StopRule(width, min, max, reachAt);
    }

    /**
     * How often the whole run's progress is said: on a terminal at each fork, in CI (the {@code CI}
     * variable set) or into a file once a minute, unless {@code -Dtaskbench.progress.every} says;
     * never with {@code -Dtaskbench.progress=false}.
     */
    static Optional<Duration> progress(Settings s, boolean terminal) {
        boolean on = s.flag(SettingsCatalogue.PROGRESS, true);
        int dflt = terminal && s.env("CI") == null ? 0 : PROGRESS_EVERY_SECONDS;
        int every = s.integer(SettingsCatalogue.PROGRESS_EVERY, dflt, 0, 86_400);
        return on ? Optional.of(Duration.ofSeconds(every)) : Optional.empty();
    }

    /**
     * {@code -Dtaskbench.candidate.jvmArgs}: JVM options for the candidate's forks only, never the
     * baseline jar's (a slowdown planted in one class, to check that the gate sees it). Only with
     * a baseline jar: without one there is no other side.
     */
    static List<String> candidateJvmArgs(Settings s, Path baselineJar) {
        String v = s.get(CANDIDATE_JVM_ARGS, null);
        if (v == null) {
            return List.of();
        }
        if (baselineJar == null) {
            throw new TaskbenchException("-D" + CANDIDATE_JVM_ARGS + " needs -D" + BaselineJar.PROPERTY
                    + ": the candidate's own JVM options only mean something beside a baseline");
        }
        return RunRequest.tokenize(v);
    }

    /** Whether the reference runtimes are timed: on request, or by default when flag sets are given. */
    boolean timesReferences() {
        return reference == Reference.on || reference == null && flagSpec != null;
    }
}
