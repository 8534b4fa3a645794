package dev.taskbench.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * One {@link PreparedStatement} execution per row. Whether the server keeps a named, parsed
 * statement depends on pgjdbc's {@code prepareThreshold} and on the physical connection living
 * long enough (a pooled one) to reach it. One row runs in autocommit (exactly pgbench's
 * transaction); more rows run inside one transaction.
 */
public final class JdbcPreparedWriter implements TaskWriter {
    private final DataSource ds;

    public JdbcPreparedWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Jdbc.INSERT_ONE)) {
            if (rows.size() == 1) {
                bindAndRun(ps, rows.get(0));
            } else {
                Jdbc.inTransaction(c, () -> {
                    for (Task t : rows) {
                        bindAndRun(ps, t);
                    }
                });
            }
        }
    }

    /** {@link Jdbc#INSERT_ONE} with {@code RETURNING id}, in autocommit: one round trip, one commit. */
    @Override
    public long insertOne(Task t) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Jdbc.INSERT_ONE_RETURNING_ID)) {
            ps.setString(1, t.title());
            ps.setString(2, t.description());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("INSERT ... RETURNING id returned no row");
                }
                return rs.getLong(1);
            }
        }
    }

    private static void bindAndRun(PreparedStatement ps, Task t) throws SQLException {
        ps.setString(1, t.title());
        ps.setString(2, t.description());
        if (ps.executeUpdate() != 1) {
            throw new SQLException("INSERT did not report one row");
        }
    }
}
