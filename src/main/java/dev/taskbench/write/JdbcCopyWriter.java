package dev.taskbench.write;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY task (title, description) FROM STDIN} through pgjdbc's CopyManager, rows in
 * COPY's text format (backslash, tab, newline and carriage return escaped), UTF-8 as pgjdbc
 * sets {@code client_encoding}. One statement: autocommit.
 */
public final class JdbcCopyWriter implements TaskWriter {
    static final String SQL = "copy " + TaskSchema.TABLE + " (title, description) from stdin";
    private final DataSource ds;

    public JdbcCopyWriter(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void insert(List<Task> rows) throws SQLException {
        byte[] data = encode(rows);
        try (Connection c = ds.getConnection()) {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
            try {
                in.writeToCopy(data, 0, data.length);
                long n = in.endCopy();
                if (n != rows.size()) {
                    throw new SQLException("COPY reported " + n + " rows, expected " + rows.size());
                }
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }

    static byte[] encode(List<Task> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 128);
        for (Task t : rows) {
            escape(sb, t.title());
            sb.append('\t');
            escape(sb, t.description());
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    sb.append(ch);
            }
        }
    }
}
