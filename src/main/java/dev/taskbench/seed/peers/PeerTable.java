package dev.taskbench.seed.peers;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A stack's own {@code task} table: the suite's definition ({@link TaskSchema}), in the stack's
 * schema of the suite's database, so that its rows never mix with the JVM models' and are read back
 * the same way.
 */
public final class PeerTable {
    private PeerTable() {
    }

    /** {@code db} with {@code stack}'s schema as its current one. */
    public static ConnectionInfo of(ConnectionInfo db, Peer.Stack stack) {
        return new ConnectionInfo(WriteConnections.withParam(db.url(), "currentSchema", stack.schema), db.user(),
                db.password());
    }

    /** Creates the stack's schema and table if missing, empties the table, and returns {@link #of}. */
    public static ConnectionInfo emptied(ConnectionInfo db, Peer.Stack stack) throws SQLException {
        ConnectionInfo own = of(db, stack);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("create schema if not exists " + stack.schema);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) { // created meanwhile
                throw e;
            }
        }
        try (Connection c = own.connect()) {
            TaskSchema.ensure(c);
            TaskSchema.truncate(c);
        }
        return own;
    }
}
