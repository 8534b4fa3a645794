package dev.taskbench.db;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setup connection to a database that accepts and never answers fails within its login timeout, never hangs. */
class ConnectionInfoTest {

    @Test
    void aServerThatAcceptsButNeverAnswersFailsTheSetupConnectionInTime() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, then never a byte back
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionInfo info = new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/x?sslmode=disable", "u", "");
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), // without the login timeout: a hang, failed here
                    () -> assertThrows(SQLException.class, () -> info.connect(1).close()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 10_000, "gave up after " + ms + " ms, the login timeout is 1 s");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
