package dev.taskbench.pool.stub;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/** A statement that runs nothing; every query answers one row holding 1. */
final class StubStatement extends UnsupportedStatement {
    private final Connection connection;
    private boolean closed;

    StubStatement(Connection connection) {
        this.connection = connection;
    }

    @Override public ResultSet executeQuery(String sql) { return new StubResultSet(this); }
    @Override public int executeUpdate(String sql) { return 0; }
    @Override public boolean execute(String sql) { return true; }
    @Override public ResultSet getResultSet() { return new StubResultSet(this); }
    @Override public int getUpdateCount() { return -1; }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public void setMaxRows(int max) { }
    @Override public void setEscapeProcessing(boolean enable) { }
    @Override public void setQueryTimeout(int seconds) { }
    @Override public void setFetchSize(int rows) { }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public int getResultSetConcurrency() { return ResultSet.CONCUR_READ_ONLY; }
    @Override public int getResultSetType() { return ResultSet.TYPE_FORWARD_ONLY; }
    @Override public Connection getConnection() { return connection; }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return StubDriver.unwrap(this, iface); }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
