package dev.taskbench.pool.stub;

/** A statement that runs nothing; every query answers one row holding 1. Generated from {@code java.sql.Statement}. */
final class StubStatement implements java.sql.Statement {
    private final java.sql.Connection connection;
    private boolean closed;

    StubStatement(java.sql.Connection connection) {
        this.connection = connection;
    }

    @Override
    public java.sql.ResultSet executeQuery(String a0) throws java.sql.SQLException {
        return new StubResultSet(this);
    }

    @Override
    public int executeUpdate(String a0) throws java.sql.SQLException {
        return 0;
    }

    @Override
    public void close() throws java.sql.SQLException {
        closed = true;
    }

    @Override
    public int getMaxFieldSize() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setMaxFieldSize(int a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int getMaxRows() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setMaxRows(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getQueryTimeout() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setQueryTimeout(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public void cancel() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        return null;
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        
    }

    @Override
    public void setCursorName(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean execute(String a0) throws java.sql.SQLException {
        return true;
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        return new StubResultSet(this);
    }

    @Override
    public int getUpdateCount() throws java.sql.SQLException {
        return -1;
    }

    @Override
    public boolean getMoreResults() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setFetchDirection(int a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setFetchSize(int a0) throws java.sql.SQLException {
        
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int getResultSetConcurrency() throws java.sql.SQLException {
        return java.sql.ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws java.sql.SQLException {
        return java.sql.ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public void addBatch(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void clearBatch() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int[] executeBatch() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        return connection;
    }

    @Override
    public boolean getMoreResults(int a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int executeUpdate(String a0, int a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int executeUpdate(String a0, int[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int executeUpdate(String a0, String[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean execute(String a0, int a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean execute(String a0, int[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean execute(String a0, String[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        return closed;
    }

    @Override
    public void setPoolable(boolean a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean isPoolable() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void closeOnCompletion() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean isCloseOnCompletion() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long getLargeUpdateCount() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public void setLargeMaxRows(long a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long getLargeMaxRows() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long[] executeLargeBatch() throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long executeLargeUpdate(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long executeLargeUpdate(String a0, int a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long executeLargeUpdate(String a0, int[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public long executeLargeUpdate(String a0, String[] a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public String enquoteLiteral(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public String enquoteIdentifier(String a0, boolean a1) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public boolean isSimpleIdentifier(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public String enquoteNCharLiteral(String a0) throws java.sql.SQLException {
        throw StubConnection.unsupported();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new java.sql.SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
