package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite keeps to its own database and its own schema: it creates them if missing and
 * never touches anything else on the server.
 */
public final class OwnDatabase {
    /** Every table the suite owns lives in this schema. */
    public static final String SCHEMA = "taskbench";

    private OwnDatabase() {
    }

    /** Creates database {@code name} on the server of {@code admin} if missing and returns its connection info. */
    static ConnectionInfo create(ConnectionInfo admin, String name) {
        try (Connection c = admin.connect()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = c.createStatement()) {
                    st.execute("create database \"" + name + "\"");
                } catch (SQLException e) {
                    // another run may have created it in the meantime (42P04 duplicate_database)
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new TaskbenchException("cannot create the suite's database '" + name + "' at " + admin.redactedUrl()
                    + ": " + Connectivity.firstLine(e.getMessage()), e);
        }
        return new ConnectionInfo(JdbcUrls.withDatabase(admin.url(), name), admin.user(), admin.password());
    }

    /**
     * Creates the suite's schema if missing and returns info whose connections use it
     * ({@code currentSchema}), unless the user's URL already chose a schema.
     */
    public static ConnectionInfo withOwnSchema(ConnectionInfo info) {
        if (JdbcUrls.hasParam(info.url(), "currentSchema")) {
            return info;
        }
        try (Connection c = info.connect(); Statement st = c.createStatement()) {
            st.execute("create schema if not exists " + SCHEMA);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // concurrent create of the same schema
                throw new TaskbenchException("cannot create schema '" + SCHEMA + "' at " + info.redactedUrl()
                        + ": " + Connectivity.firstLine(e.getMessage()), e);
            }
        }
        return new ConnectionInfo(JdbcUrls.withDefault(info.url(), "currentSchema", SCHEMA), info.user(),
                info.password());
    }
}
