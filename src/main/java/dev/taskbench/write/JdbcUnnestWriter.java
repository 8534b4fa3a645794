package dev.taskbench.write;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * All rows as two array parameters, {@code INSERT ... SELECT * FROM unnest(?::varchar[], ?::text[])}:
 * one statement with a fixed text whatever the row count, so the server-side statement is
 * reused across batch sizes. Autocommit.
 */
public final class JdbcUnnestWriter implements TaskWriter {
    static final String SQL = "insert into " + TaskSchema.TABLE + " (title, description)"
            + " select * from unnest(?::varchar[], ?::text[])";
    private final DataSource ds;

    public JdbcUnnestWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        String[] titles = new String[rows.size()];
        String[] descriptions = new String[rows.size()];
        for (int i = 0; i < titles.length; i++) {
            titles[i] = rows.get(i).title();
            descriptions[i] = rows.get(i).description();
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            Array a = c.createArrayOf("varchar", titles);
            Array b = c.createArrayOf("text", descriptions);
            ps.setArray(1, a);
            ps.setArray(2, b);
            int n = ps.executeUpdate();
            a.free();
            b.free();
            if (n != rows.size()) {
                throw new SQLException("unnest INSERT reported " + n + " rows, expected " + rows.size());
            }
        }
    }
}
