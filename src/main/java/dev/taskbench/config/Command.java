package dev.taskbench.config;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * The frame every taskbench {@code main} runs in, so that all commands read their settings the
 * same way and end the same way: the settings are parsed once ({@link Settings#parse}) and
 * handed to the command; a {@link TaskbenchException} becomes one line {@code taskbench:
 * <message>} on stderr and {@link ExitCodes#FAILED}; any other failure one readable line too,
 * with its stack trace only under {@code -Dtaskbench.debug=true}. The command's own result is
 * its exit code ({@link ExitCodes}). It lives beside {@link Settings} because the top commands
 * ({@code cli}, {@code seed}, {@code runner}) may not depend on each other.
 */
public final class Command {
    /** Prints stack traces of unexpected failures. */
    public static final String DEBUG = SettingsCatalogue.DEBUG.key();

    /** What a command does with its settings; answers an {@link ExitCodes exit code}. */
    @FunctionalInterface
    public interface Body {
        int run(Settings settings) throws Exception;
    }

    private Command() {
    }

    /** For a {@code main}: runs {@code body} on this JVM's arguments and environment, then exits with its code. */
    public static void exit(String what, String[] args, Body body) {
        System.exit(run(what, args, System.getenv(), System.err, body));
    }

    /**
     * Runs {@code body} and answers its exit code; {@code what} names the command in the line an
     * unexpected failure prints ({@code taskbench: the seed run failed: ...}).
     */
    public static int run(String what, String[] args, Map<String, String> env, PrintStream err, Body body) {
        return run(what, Command::oneLine, args, env, err, body);
    }

    /**
     * {@link #run(String, String[], Map, PrintStream, Body)}, with an unexpected failure read by
     * {@code describe}: {@link #rootMessage} for a command whose library wraps the cause in a
     * message of its own (JMH's {@code RunnerException}).
     */
    public static int run(String what, Function<Throwable, String> describe, String[] args, Map<String, String> env,
            PrintStream err, Body body) {
        Settings settings = null;
        try {
            settings = Settings.parse(args, env);
            return body.run(settings);
        } catch (TaskbenchException e) {
            err.println("taskbench: " + e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("taskbench: " + what + " was interrupted");
            return ExitCodes.FAILED;
        } catch (Exception e) {
            err.println("taskbench: " + what + " failed: " + describe.apply(e));
            if (debug(settings)) {
                e.printStackTrace(err);
            }
            return ExitCodes.FAILED;
        }
    }

    /** The first message in a chain of causes (else the exception's name), on one line. */
    public static String oneLine(Throwable t) {
        String msg = null;
        for (Throwable c = t; c != null && msg == null; c = c.getCause() == c ? null : c.getCause()) {
            msg = c.getMessage();
        }
        String line = msg == null ? t.toString() : msg;
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).trim();
    }

    /** The message of the deepest cause that has one (else the exception's own, else its name). */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        String msg = t.getMessage();
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            if (c.getMessage() != null) {
                msg = c.getMessage();
            }
        }
        return msg == null ? t.toString() : msg;
    }

    private static boolean debug(Settings s) {
        String v = s == null ? System.getProperty(DEBUG) : s.get(DEBUG, null);
        return "true".equalsIgnoreCase(v);
    }
}
