package dev.taskbench.write;

import java.sql.Connection;
import java.sql.SQLException;

/** The transaction plumbing every JDBC path shares. */
final class Jdbc {
    static final String INSERT_PREFIX = "insert into " + TaskSchema.TABLE + " (title, description) values ";
    static final String INSERT_ONE = INSERT_PREFIX + "(?, ?)";
    /** The request's insert: the same statement, answering the new row's id. */
    static final String INSERT_ONE_RETURNING_ID = INSERT_ONE + " returning id";

    private Jdbc() {
    }

    /** Work of several statements: one explicit transaction, committed, rolled back on failure. */
    static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }
}
