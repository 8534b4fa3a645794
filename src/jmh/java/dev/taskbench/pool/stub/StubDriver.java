package dev.taskbench.pool.stub;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver whose connect and execute do nothing, for URLs {@code jdbc:stub:…}: pools built
 * on it measure their own bookkeeping only, as HikariCP's own benchmark does. A benchmark
 * fixture, not shipped code.
 *
 * <p>Why it is built this way: pools call the connection on every borrow and return
 * ({@code getAutoCommit}, {@code isValid}, {@code setAutoCommit}, {@code clearWarnings}, …), so
 * each call must cost no more than a field access; a {@link java.lang.reflect.Proxy} would add
 * more per call than a pool's own work. So the stubs are plain classes that override only what
 * pools and {@code SELECT 1} use, on {@code Unsupported*} base classes where every other JDBC
 * method throws {@link java.sql.SQLFeatureNotSupportedException}. The bases are generated, one
 * line per method, by {@code UnsupportedJdbcGeneratorTest}, which also fails the build when they
 * drift from its output.
 */
public final class StubDriver implements Driver {
    public static final String URL = "jdbc:stub:taskbench";

    static {
        try {
            DriverManager.registerDriver(new StubDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes sure the driver is registered with {@link DriverManager}. */
    public static void register() {
        // the static initialiser does the work
    }

    /** A connection without DriverManager's lookup: what the pools' connections are. */
    public static Connection open() {
        return new StubConnection();
    }

    static <T> T unwrap(Object stub, Class<T> iface) throws SQLException {
        if (iface.isInstance(stub)) {
            return iface.cast(stub);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public Connection connect(String url, Properties info) {
        return acceptsURL(url) ? new StubConnection() : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:stub:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.taskbench.pool.stub");
    }
}
