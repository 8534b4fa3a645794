package dev.taskbench;

/** The exit codes every taskbench command uses, one meaning each. */
public final class ExitCodes {
    /** Done, and a gate (if asked for) passed. */
    public static final int OK = 0;
    /** Refused or failed: a bad setting, a missing database, a benchmark that failed its checks. */
    public static final int FAILED = 1;
    /** A gate found a significant regression. */
    public static final int REGRESSION = 3;
    /**
     * A gate could not judge: nothing matched, rows on one side only, rows whose design cannot
     * reach a verdict, or base and candidate on different testbeds.
     */
    public static final int NOT_JUDGED = 4;
    /** Another run or test held the database for longer than this one would wait ({@code -Dtaskbench.db.lockWaitSeconds}). */
    public static final int DATABASE_BUSY = 5;

    private ExitCodes() {
    }
}
