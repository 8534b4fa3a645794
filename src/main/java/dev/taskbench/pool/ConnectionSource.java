package dev.taskbench.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taskbench.db.ConnectionInfo;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.apache.commons.dbcp2.BasicDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ways a request handler can get a connection: three pools and two ways of opening a
 * fresh one. Pools are fixed-size ({@code min = max = poolSize}) and otherwise keep their
 * library defaults, which is what users run (dbcp2's default {@code testOnBorrow=true} costs
 * a validation round trip per borrow; HikariCP skips validation for connections used within
 * the last 500 ms; Agroal does not validate on borrow).
 */
public enum ConnectionSource {
    hikari(true) {
        @Override
        public Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) {
            HikariConfig c = new HikariConfig();
            c.setPoolName("taskbench-hikari");
            c.setJdbcUrl(info.url());
            c.setUsername(blankToNull(info.user()));
            c.setPassword(blankToNull(info.password()));
            c.setMaximumPoolSize(poolSize);
            c.setMinimumIdle(poolSize);
            if (acquireTimeout != null) {
                c.setConnectionTimeout(acquireTimeout.toMillis());
                // a borrow may validate an idle connection, 5 s by default: keep it inside the acquire bound
                c.setValidationTimeout(Math.max(MIN_HIKARI_VALIDATION.toMillis(), acquireTimeout.toMillis()));
            }
            HikariDataSource ds = new HikariDataSource(c);
            return new Opened(ds::getConnection, ds::close);
        }
    },
    dbcp2(true) {
        @Override
        public Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) {
            BasicDataSource ds = new BasicDataSource();
            ds.setUrl(info.url());
            ds.setUsername(blankToNull(info.user()));
            ds.setPassword(blankToNull(info.password()));
            ds.setMaxTotal(poolSize);
            ds.setMaxIdle(poolSize);
            ds.setMinIdle(poolSize);
            ds.setInitialSize(poolSize);
            if (acquireTimeout != null) {
                ds.setMaxWait(acquireTimeout);
                // the borrow's validation round trip otherwise waits out the socket timeout on a stalled
                // database; dbcp2 counts it in whole seconds. A connection that threw 08xxx fails it at once.
                ds.setValidationQueryTimeout(Duration.ofSeconds(Math.max(1, ceilSeconds(acquireTimeout))));
                ds.setFastFailValidation(true);
            }
            return new Opened(ds::getConnection, ds::close);
        }
    },
    agroal(true) {
        @Override
        public Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) throws SQLException {
            AgroalDataSourceConfigurationSupplier cfg = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p
                            // no initialSize: filled up front, the fill races a cold JVM's first borrow,
                            // which then waits out the whole acquisition timeout (ConnectionSourceTest)
                            .maxSize(poolSize).minSize(poolSize)
                            .acquisitionTimeout(acquireTimeout == null ? Duration.ofSeconds(30) : acquireTimeout)
                            // as Quarkus configures it for PostgreSQL: a connection that threw 08xxx is
                            // flushed, not handed out again (Agroal's bare default keeps it forever)
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(f -> {
                                f.jdbcUrl(info.url());
                                if (!info.user().isEmpty()) {
                                    f.principal(new NamePrincipal(info.user()));
                                }
                                if (!info.password().isEmpty()) {
                                    f.credential(new SimplePassword(info.password()));
                                }
                                return f;
                            }));
            AgroalDataSource ds = AgroalDataSource.from(cfg);
            return new Opened(ds::getConnection, ds::close);
        }
    },
    /** A new physical connection per operation, through {@link DriverManager}. */
    driverManager(false) {
        @Override
        public Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) {
            String url = info.url();
            Properties props = info.properties();
            return new Opened(() -> DriverManager.getConnection(url, props), () -> { });
        }
    },
    /** A new physical connection per operation, through pgjdbc's own non-pooling DataSource. */
    pgSimpleDataSource(false) {
        @Override
        public Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(info.url());
            if (!info.user().isEmpty()) {
                ds.setUser(info.user());
            }
            if (!info.password().isEmpty()) {
                ds.setPassword(info.password());
            }
            return new Opened(ds::getConnection, () -> { });
        }
    };

    /** HikariCP's floor for {@code validationTimeout}; below it the library silently uses its 5 s default. */
    static final Duration MIN_HIKARI_VALIDATION = Duration.ofMillis(250);

    private final boolean pooled;

    ConnectionSource(boolean pooled) {
        this.pooled = pooled;
    }

    public boolean pooled() {
        return pooled;
    }

    /**
     * Opens the source. For pools, {@code poolSize} connections; for fresh sources it is
     * ignored and every {@link Opened#getConnection()} opens and logs in anew.
     */
    public Opened open(ConnectionInfo info, int poolSize) throws SQLException {
        return open(info, poolSize, null);
    }

    /**
     * The same with a bound on how long a borrower waits for a pooled connection
     * ({@code null}: the library's default, HikariCP 30 s, dbcp2 forever, Agroal 30 s). A server
     * sets it low so that a database that went away answers 503 quickly instead of queueing
     * requests; fresh sources ignore it (a refused connection fails at once).
     */
    public abstract Opened open(ConnectionInfo info, int poolSize, Duration acquireTimeout) throws SQLException;

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** An opened source: hands out connections until closed. */
    public static final class Opened implements AutoCloseable {
        private final ConnectionSupplier supplier;
        private final Closer closer;

        Opened(ConnectionSupplier supplier, Closer closer) {
            this.supplier = supplier;
            this.closer = closer;
        }

        public Connection getConnection() throws SQLException {
            return supplier.get();
        }

        /** One request's worth of connection use: obtain, {@code SELECT 1}, close. Returns the 1. */
        public int selectOne() throws SQLException {
            try (Connection c = supplier.get();
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1")) {
                if (!rs.next()) {
                    throw new SQLException("SELECT 1 returned no row");
                }
                return rs.getInt(1);
            }
        }

        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the connection source failed: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }
}
