package dev.taskbench.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.server.ServerLimits;
import org.junit.jupiter.api.Test;

/** The JDK client gives up an idle connection before the server does, so no POST is handed one the server is closing. */
class JdkClientTest {

    @Test
    void keepsIdleConnectionsShorterThanTheServer() {
        JdkClient.newHttpClient();
        long client = Long.parseLong(System.getProperty(JdkClient.KEEP_ALIVE_PROPERTY));
        long server = ServerLimits.DEFAULTS.idleTimeout().toSeconds();
        assertTrue(client < server, "the client keeps idle connections " + client + " s, the server " + server + " s");
    }
}
