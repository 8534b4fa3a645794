package dev.taskbench.pool.stub;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/** One row, one column: the answer to {@code SELECT 1}. */
final class StubResultSet extends UnsupportedResultSet {
    private final Statement statement;
    private int row;
    private boolean closed;

    StubResultSet(Statement statement) {
        this.statement = statement;
    }

    @Override public boolean next() { return !closed && row++ == 0; }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public boolean wasNull() { return false; }
    @Override public String getString(int column) { return "1"; }
    @Override public int getInt(int column) { return 1; }
    @Override public long getLong(int column) { return 1L; }
    @Override public Object getObject(int column) { return 1; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public void setFetchDirection(int direction) { }
    @Override public int getFetchDirection() { return FETCH_FORWARD; }
    @Override public void setFetchSize(int rows) { }
    @Override public int getType() { return TYPE_FORWARD_ONLY; }
    @Override public int getConcurrency() { return CONCUR_READ_ONLY; }
    @Override public int getHoldability() { return HOLD_CURSORS_OVER_COMMIT; }
    @Override public Statement getStatement() { return statement; }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return StubDriver.unwrap(this, iface); }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
