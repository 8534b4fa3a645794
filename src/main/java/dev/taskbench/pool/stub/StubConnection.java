package dev.taskbench.pool.stub;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/** A connection that keeps its flags and answers every query with one row holding 1. */
final class StubConnection implements Connection {
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
    @Override public PreparedStatement prepareStatement(String sql) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String sql, int a, int b) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String sql, int a, int b, int c) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String sql, int keys) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String sql, int[] cols) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String sql, String[] cols) throws SQLException { throw unsupported(); }
    @Override public CallableStatement prepareCall(String sql) throws SQLException { throw unsupported(); }
    @Override public CallableStatement prepareCall(String sql, int a, int b) throws SQLException { throw unsupported(); }
    @Override public CallableStatement prepareCall(String sql, int a, int b, int c) throws SQLException { throw unsupported(); }
    @Override public String nativeSQL(String sql) { return sql; }
    @Override public void setAutoCommit(boolean autoCommit) { this.autoCommit = autoCommit; }
    @Override public boolean getAutoCommit() { return autoCommit; }
    @Override public void commit() { }
    @Override public void rollback() { }
    @Override public void rollback(Savepoint savepoint) { }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public DatabaseMetaData getMetaData() throws SQLException { throw unsupported(); }
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
    @Override public int getHoldability() { return java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT; }
    @Override public Savepoint setSavepoint() throws SQLException { throw unsupported(); }
    @Override public Savepoint setSavepoint(String name) throws SQLException { throw unsupported(); }
    @Override public void releaseSavepoint(Savepoint savepoint) { }
    @Override public Clob createClob() throws SQLException { throw unsupported(); }
    @Override public Blob createBlob() throws SQLException { throw unsupported(); }
    @Override public NClob createNClob() throws SQLException { throw unsupported(); }
    @Override public SQLXML createSQLXML() throws SQLException { throw unsupported(); }
    @Override public boolean isValid(int timeout) { return !closed; }
    @Override public void setClientInfo(String name, String value) throws SQLClientInfoException { }
    @Override public void setClientInfo(Properties properties) throws SQLClientInfoException { }
    @Override public String getClientInfo(String name) { return null; }
    @Override public Properties getClientInfo() { return new Properties(); }
    @Override public Array createArrayOf(String typeName, Object[] elements) throws SQLException { throw unsupported(); }
    @Override public Struct createStruct(String typeName, Object[] attributes) throws SQLException { throw unsupported(); }
    @Override public void setSchema(String schema) { this.schema = schema; }
    @Override public String getSchema() { return schema; }
    @Override public void abort(Executor executor) { closed = true; }
    @Override public void setNetworkTimeout(Executor executor, int milliseconds) { this.networkTimeout = milliseconds; }
    @Override public int getNetworkTimeout() { return networkTimeout; }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }

    static SQLFeatureNotSupportedException unsupported() {
        return new SQLFeatureNotSupportedException("the stub driver only runs plain statements");
    }
}
