package dev.taskbench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the suite's own database lives: a JDBC URL plus credentials. {@link #toString()}
 * never shows the password.
 */
public record ConnectionInfo(String url, String user, String password) {

    public ConnectionInfo {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Driver properties for this user; empty user and password are left to the URL. */
    public Properties properties() {
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }

    /**
     * A fresh, unpooled connection through {@link DriverManager}, for setup and checks: connecting and
     * logging in are bounded, so a database that accepts but never answers fails instead of hanging
     * (the URL's own values win). Benchmarks' connections never come from here: their sources take
     * {@link #properties()}.
     */
    public Connection connect() throws SQLException {
        return connect(Connectivity.TIMEOUT_SECONDS);
    }

    Connection connect(int timeoutSeconds) throws SQLException {
        Properties p = properties();
        p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        return DriverManager.getConnection(url, p);
    }

    /** The URL with any password removed, safe for logs and metadata. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public String toString() {
        return redactedUrl() + (user.isEmpty() ? "" : " (user " + user + ")");
    }
}
