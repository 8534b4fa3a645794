package dev.taskbench.write;

import dev.taskbench.pool.ConnectionSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link ConnectionSource.Opened} seen as a {@link DataSource}, so that JDBC, jOOQ and
 * Hibernate all take their connections from the very same source (one HikariCP pool, or a
 * fresh login per connection).
 */
public final class OpenedDataSource implements DataSource {
    private final ConnectionSource.Opened opened;

    public OpenedDataSource(ConnectionSource.Opened opened) {
        this.opened = opened;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return opened.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the suite's ConnectionInfo");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
