package dev.taskbench;

/**
 * A failure whose message is meant for the person at the terminal: the runner prints it
 * as one readable line (no stack trace) and exits non-zero.
 */
public class TaskbenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskbenchException(String message) {
        super(message);
    }

    public TaskbenchException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The command's exit code for this failure ({@link ExitCodes}). */
    public int exitCode() {
        return ExitCodes.FAILED;
    }
}
