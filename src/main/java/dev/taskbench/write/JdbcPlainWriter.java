package dev.taskbench.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

/**
 * Plain {@link Statement}s, values inlined as literals escaped by pgjdbc's own
 * {@link Utils#escapeLiteral} for the session's {@code standard_conforming_strings}: the server
 * parses and plans every statement anew. One row runs in autocommit; more rows run one
 * statement each inside one transaction.
 */
public final class JdbcPlainWriter implements TaskWriter {
    private final DataSource ds;

    public JdbcPlainWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            boolean standard = c.unwrap(BaseConnection.class).getStandardConformingStrings();
            if (rows.size() == 1) {
                st.executeUpdate(sql(rows.get(0), standard));
            } else {
                Jdbc.inTransaction(c, () -> {
                    for (Task t : rows) {
                        st.executeUpdate(sql(t, standard));
                    }
                });
            }
        }
    }

    /** The INSERT with both values as escaped string literals. */
    static String sql(Task t, boolean standardConformingStrings) throws SQLException {
        StringBuilder sb = new StringBuilder(Jdbc.INSERT_PREFIX.length() + t.title().length()
                + t.description().length() + 16);
        sb.append(Jdbc.INSERT_PREFIX).append("('");
        Utils.escapeLiteral(sb, t.title(), standardConformingStrings);
        sb.append("', '");
        Utils.escapeLiteral(sb, t.description(), standardConformingStrings);
        return sb.append("')").toString();
    }
}
