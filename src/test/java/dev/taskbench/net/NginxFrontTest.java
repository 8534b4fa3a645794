package dev.taskbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.Poster;
import dev.taskbench.load.RawClient;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.Service;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * nginx in front of the server, as the seed deployed it: writes through it answer 201 with ids
 * whose rows hold the values sent, on one kept-alive client connection, and its errors pass
 * through. Needs Debian's nginx ({@code .ci/run} installs it); skipped, saying so, elsewhere.
 */
class NginxFrontTest {

    @Test
    void writesThroughNginxAreRowsWithTheValuesSent() throws Exception {
        Optional<Path> nginx = NginxFront.find();
        assumeTrue(nginx.isPresent(), "nginx is not installed (apt-get install nginx; .ci/run installs it)");
        String m = "nginx-" + UUID.randomUUID();
        for (String model : new String[] {"selector", "eventloop"}) {
            try (Service server = Service.start(TestDatabase.info(), ServerConfig.defaults().withPoolSize(2)
                    .withThreading(model));
                 NginxFront front = NginxFront.start(nginx.get(), server.uri());
                 Poster client = new RawClient(front.uri())) {
                assertTrue(front.uri().getPort() != server.port());
                for (int i = 0; i < 5; i++) {
                    String title = m + " " + model + " " + i;
                    Poster.Reply r = client.post("/api/tasks", ("title=" + title.replace(' ', '+')
                            + "&description=via+nginx").getBytes(StandardCharsets.US_ASCII));
                    assertEquals(201, r.status(), r.body());
                    assertEquals(title, title(r.number("id")));
                }
                assertEquals(400, client.post("/api/tasks", "title=x".getBytes(StandardCharsets.US_ASCII)).status());
            }
        }
        assertEquals(10, rows(m));
    }

    @Test
    void theConfigKeepsUpstreamConnectionsAlive() {
        String c = NginxFront.config(Path.of("/tmp/x"), 18080, URI.create("http://127.0.0.1:9090"));
        assertTrue(c.contains("listen 127.0.0.1:18080;"), c);
        assertTrue(c.contains("server 127.0.0.1:9090;") && c.contains("keepalive " + NginxFront.UPSTREAM_KEEPALIVE), c);
        assertTrue(c.contains("proxy_http_version 1.1;") && c.contains("proxy_set_header Connection \"\";"), c);
        assertTrue(c.contains("proxy_set_header Host $http_host;"), "Django refuses a Host it does not know: " + c);
        assertTrue(c.contains("pid /tmp/x/nginx.pid;") && c.contains("access_log off;"), c);
    }

    private static String title(long id) throws Exception {
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select title from task where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long rows(String prefix) throws Exception {
        try (Connection c = TestDatabase.info().connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from task where starts_with(title, ?)")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
