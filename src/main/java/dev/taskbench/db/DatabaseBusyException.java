package dev.taskbench.db;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;

/** Another run or test held the database's run lock for longer than this one would wait. */
public final class DatabaseBusyException extends TaskbenchException {
    private static final long serialVersionUID = 1L;

    public DatabaseBusyException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.DATABASE_BUSY;
    }
}
