package dev.taskbench.db;

import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Checks that a server answers, within a bounded time, and turns failures into one readable line. */
final class Connectivity {
    static final int TIMEOUT_SECONDS = 10;

    private Connectivity() {
    }

    static boolean listening(String host, int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens a connection with connect and login timeouts, runs {@code select 1}, and returns the server version. */
    static String verify(ConnectionInfo info, String what) {
        Properties p = info.properties();
        p.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", String.valueOf(3 * TIMEOUT_SECONDS));
        try (Connection c = java.sql.DriverManager.getConnection(info.url(), p);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new TaskbenchException("cannot use the database from " + what + " at " + info.redactedUrl()
                    + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
