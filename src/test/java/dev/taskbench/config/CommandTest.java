package dev.taskbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.ExitCodes;
import dev.taskbench.TaskbenchException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frame every main runs in: settings parsed once, one line per failure, the shared exit codes. */
class CommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Command.Body body, String... args) {
        return Command.run("the test", args, Map.of(SettingsCatalogue.RESULTS.env(), "from-env"),
                new PrintStream(err, true, StandardCharsets.UTF_8), body);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBodyGetsTheParsedSettingsAndItsExitCodeIsTheCommands() {
        String[] seen = new String[2];
        int code = run(s -> {
            seen[0] = s.get(SettingsCatalogue.PORT);
            seen[1] = s.get(SettingsCatalogue.RESULTS);
            return ExitCodes.REGRESSION;
        }, "-Dtaskbench.port=1");
        assertEquals(ExitCodes.REGRESSION, code);
        assertEquals("1", seen[0]);
        assertEquals("from-env", seen[1]);
        assertEquals("", err());
    }

    @Test
    void aTaskbenchExceptionIsOneLineAndFailed() {
        assertEquals(ExitCodes.FAILED, run(s -> s.integer(SettingsCatalogue.SEED_GRID_ROUNDS, 1, 0, 9),
                "-Dtaskbench.seed.gridRounds=ten"));
        assertEquals("taskbench: -Dtaskbench.seed.gridRounds=ten is not valid: it takes a whole number from 0 to 9",
                err().strip());
    }

    /** A typo would otherwise be ignored and the command run with the default: refused, naming the nearest key. */
    @Test
    void aKeyTheCatalogueDoesNotDeclareIsRefusedBeforeTheBodyRuns() {
        boolean[] ran = {false};
        assertEquals(ExitCodes.FAILED, run(s -> {
            ran[0] = true;
            return ExitCodes.OK;
        }, "-Dtaskbench.flagset=c2"));
        assertFalse(ran[0]);
        assertEquals("taskbench: -Dtaskbench.flagset=c2: no such setting; did you mean taskbench.flagsets?",
                err().strip());
    }

    /** A failure with an exit code of its own (a busy database: 5) keeps it. */
    @Test
    void aFailureWithItsOwnExitCodeKeepsIt() {
        assertEquals(ExitCodes.DATABASE_BUSY, run(s -> {
            throw new TaskbenchException("busy") {
                private static final long serialVersionUID = 1L;

                @Override
                public int exitCode() {
                    return ExitCodes.DATABASE_BUSY;
                }
            };
        }));
        assertEquals("taskbench: busy", err().strip());
    }

    @Test
    void anArgumentThatIsNoSettingIsRefusedBeforeTheBodyRuns() {
        boolean[] ran = {false};
        assertEquals(ExitCodes.FAILED, run(s -> {
            ran[0] = true;
            return ExitCodes.OK;
        }, "--oops"));
        assertFalse(ran[0]);
        assertTrue(err().startsWith("taskbench: unexpected argument '--oops'"), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void anyOtherFailureIsOneReadableLineWithoutAStackTrace() {
        assertEquals(ExitCodes.FAILED, run(s -> {
            throw new IllegalStateException(new SQLException("connection refused\nsecond line"));
        }));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("taskbench: the test failed: java.sql.SQLException: connection refused"), err());
    }

    @Test
    void debugAddsTheStackTrace() {
        assertEquals(ExitCodes.FAILED, run(s -> {
            throw new IllegalStateException("boom");
        }, "-D" + Command.DEBUG + "=true"));
        assertTrue(err().startsWith("taskbench: the test failed: boom"), err());
        assertTrue(err().contains("\tat "), err());
    }

    @Test
    void aMessageIsNeverLostToANullOne() {
        assertEquals(ExitCodes.FAILED, run(s -> {
            throw new RuntimeException(null, new TaskbenchException("deep"));
        }));
        assertEquals("taskbench: the test failed: deep", err().strip());
        err.reset();
        assertEquals(ExitCodes.FAILED, run(s -> {
            throw new NullPointerException();
        }));
        assertEquals("taskbench: the test failed: java.lang.NullPointerException", err().strip());
    }

    /** A command whose library wraps the cause in its own words (JMH's RunnerException) names the root cause. */
    @Test
    void aCommandMayNameTheRootCauseOfAFailure() {
        assertEquals(ExitCodes.FAILED, Command.run("the run", Command::rootMessage, new String[0], Map.of(),
                new PrintStream(err, true, StandardCharsets.UTF_8), s -> {
                    throw new IllegalStateException("Benchmark caught the exception",
                            new RuntimeException(null, new IllegalArgumentException("out of heap")));
                }));
        assertEquals("taskbench: the run failed: out of heap", err().strip());
    }
}
