package dev.taskbench.pool.stub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection that keeps the flags pools set and reset on every borrow and return, and answers
 * every query with one row holding 1. Plain Java overrides of a generated base: each call costs
 * what a field access costs, as it must in a benchmark of pool overhead (a
 * {@link java.lang.reflect.Proxy} would add more per call than some pools spend in total).
 */
final class StubConnection extends UnsupportedConnection {
    private boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private String catalog;
    private String schema;
    private int networkTimeout;

    @Override public Statement createStatement() { return new StubStatement(this); }
    @Override public Statement createStatement(int type, int concurrency) { return new StubStatement(this); }
    @Override public Statement createStatement(int type, int concurrency, int holdability) { return new StubStatement(this); }
    @Override public String nativeSQL(String sql) { return sql; }
    @Override public void setAutoCommit(boolean autoCommit) { this.autoCommit = autoCommit; }
    @Override public boolean getAutoCommit() { return autoCommit; }
    @Override public void commit() { }
    @Override public void rollback() { }
    @Override public void rollback(Savepoint savepoint) { }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public void setReadOnly(boolean readOnly) { this.readOnly = readOnly; }
    @Override public boolean isReadOnly() { return readOnly; }
    @Override public void setCatalog(String catalog) { this.catalog = catalog; }
    @Override public String getCatalog() { return catalog; }
    @Override public void setTransactionIsolation(int level) { this.isolation = level; }
    @Override public int getTransactionIsolation() { return isolation; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public Map<String, Class<?>> getTypeMap() { return Map.of(); }
    @Override public void setTypeMap(Map<String, Class<?>> map) { }
    @Override public void setHoldability(int holdability) { }
    @Override public int getHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
    @Override public void releaseSavepoint(Savepoint savepoint) { }
    @Override public boolean isValid(int timeout) { return !closed; }
    @Override public void setClientInfo(String name, String value) { }
    @Override public void setClientInfo(Properties properties) { }
    @Override public String getClientInfo(String name) { return null; }
    @Override public Properties getClientInfo() { return new Properties(); }
    @Override public void setSchema(String schema) { this.schema = schema; }
    @Override public String getSchema() { return schema; }
    @Override public void abort(Executor executor) { closed = true; }
    @Override public void setNetworkTimeout(Executor executor, int milliseconds) { this.networkTimeout = milliseconds; }
    @Override public int getNetworkTimeout() { return networkTimeout; }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return StubDriver.unwrap(this, iface); }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
