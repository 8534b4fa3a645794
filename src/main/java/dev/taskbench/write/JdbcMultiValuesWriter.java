package dev.taskbench.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One hand-built {@code INSERT ... VALUES (?, ?), (?, ?), ...} for all rows: one statement, so
 * it runs in autocommit. The SQL text depends on the row count and is built once per count.
 * PostgreSQL allows at most 65535 bind parameters per statement (32767 rows here).
 */
public final class JdbcMultiValuesWriter implements TaskWriter {
    static final int MAX_ROWS = 32767;
    private final DataSource ds;
    private final ConcurrentHashMap<Integer, String> sqlByCount = new ConcurrentHashMap<>();

    public JdbcMultiValuesWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " rows per statement, got " + rows.size());
        }
        String sql = sqlByCount.computeIfAbsent(rows.size(), JdbcMultiValuesWriter::sql);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Task t : rows) {
                ps.setString(i++, t.title());
                ps.setString(i++, t.description());
            }
            int n = ps.executeUpdate();
            if (n != rows.size()) {
                throw new SQLException("multi-row INSERT reported " + n + " rows, expected " + rows.size());
            }
        }
    }

    static String sql(int rows) {
        StringBuilder sb = new StringBuilder(Jdbc.INSERT_PREFIX.length() + rows * 8);
        sb.append(Jdbc.INSERT_PREFIX);
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        return sb.toString();
    }
}
