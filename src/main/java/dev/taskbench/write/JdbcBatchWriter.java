package dev.taskbench.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code addBatch}/{@code executeBatch} of the one-row INSERT in one explicit transaction.
 * pgjdbc pipelines the executions; with {@code reWriteBatchedInserts=true} it rewrites them
 * into multi-row VALUES statements (that pays off only on large batches).
 */
public final class JdbcBatchWriter implements TaskWriter {
    private final DataSource ds;

    public JdbcBatchWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Jdbc.INSERT_ONE)) {
            Jdbc.inTransaction(c, () -> {
                for (Task t : rows) {
                    ps.setString(1, t.title());
                    ps.setString(2, t.description());
                    ps.addBatch();
                }
                ps.executeBatch();
            });
        }
    }
}
