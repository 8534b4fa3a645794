package dev.taskbench.server;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failed insert means to the client, whichever layer wrapped it (jOOQ's
 * DataAccessException and Hibernate's JDBCException keep the SQLException as their cause):
 * the database unreachable, refusing work or out of time (the server's statement or lock
 * timeout) 503, the client's values rejected by the table 400, anything else 500.
 */
final class Failures {
    private Failures() {
    }

    static int status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException) {
                return 503; // HikariCP's acquisition timeout, a refused or broken connection
            }
            if (c instanceof SQLException) {
                int status = ofState(((SQLException) c).getSQLState());
                if (status != 0) {
                    return status;
                }
            }
        }
        return 500;
    }

    /**
     * The status of the reactive client's failure: PostgreSQL's SQLSTATE as for JDBC; a connection
     * that cannot be opened, closed under the request or a statement that did not answer in time is 503.
     */
    static int statusReactive(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.vertx.sqlclient.DatabaseException) {
                int status = ofState(((io.vertx.sqlclient.DatabaseException) c).getSqlState());
                return status == 0 ? 500 : status;
            }
            if (c instanceof java.net.ConnectException || c instanceof java.util.concurrent.TimeoutException
                    || c instanceof io.vertx.core.VertxException || c instanceof java.io.IOException) {
                return 503;
            }
        }
        return 500;
    }

    /** 503 or 400 for the SQLSTATEs that mean them, else 0. */
    private static int ofState(String state) {
        if (state == null) {
            return 0;
        }
        // 08 connection exception, 57P admin shutdown / crash / cannot connect now,
        // 53 insufficient resources (too many connections)
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return 503;
        }
        // 57014 query canceled (statement_timeout), 55P03 lock not available (lock_timeout)
        if (state.equals("57014") || state.equals("55P03")) {
            return 503;
        }
        // 22 data exception (a NUL in text, a value too long), 23 integrity constraint
        if (state.startsWith("22") || state.startsWith("23")) {
            return 400;
        }
        return 0;
    }

    /** The answer's JSON for a failure's {@code status}. */
    static String json(int status) {
        return "{\"error\":\"" + reason(status) + "\"}";
    }

    static String reason(int status) {
        switch (status) {
            case 503:
                return "database unavailable";
            case 400:
                return "the database rejected the values";
            default:
                return "internal error";
        }
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }
}
