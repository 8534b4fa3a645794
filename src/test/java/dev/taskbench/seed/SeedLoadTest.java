package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.db.ConnectionInfo;
import dev.taskbench.db.TestDatabase;
import dev.taskbench.load.ClosedLoop;
import dev.taskbench.load.Poster;
import dev.taskbench.load.SeedForms;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.Service;
import dev.taskbench.write.TaskSchema;
import dev.taskbench.write.WriteConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** The seed's random forms through a JVM model, read back: their count, and a sample that must hold what was posted. */
class SeedLoadTest {

    @Test
    void theRandomFormsAreTheRowsReadBack() throws Exception {
        ConnectionInfo db = WriteConnections.DEFAULTS.apply(TestDatabase.info());
        String marker = "formtest-" + System.nanoTime();
        try (Service server = Service.start(db, ServerConfig.defaults().withPoolSize(2))) {
            ClosedLoop.Result r = SeedLoad.writes(server.uri(), Poster.Kind.raw, 5, marker, 20);
            assertEquals(100, SeedLoad.requireRowsMarked(db, marker, r, "the JVM model"));
        }
        assertNull(SeedLoad.sampleMismatch(db, marker));
    }

    @Test
    void aRowThatHoldsWhatWasNotPostedIsNamed() throws Exception {
        ConnectionInfo db = WriteConnections.DEFAULTS.apply(TestDatabase.info());
        String marker = "wrongtest-" + System.nanoTime();
        SeedForms.Form right = SeedForms.form(marker, 0, 0);
        SeedForms.Form other = SeedForms.form(marker, 0, 1);
        try (Connection c = db.connect()) {
            TaskSchema.ensure(c);
            try (PreparedStatement ps = c.prepareStatement("insert into task (title, description) values (?, ?)")) {
                ps.setString(1, right.storedTitle());
                ps.setString(2, right.description());
                ps.executeUpdate();
                ps.setString(1, other.storedTitle());
                ps.setString(2, other.description() + " and more");
                ps.executeUpdate();
            }
        }
        assertEquals(2, SeedLoad.rowsMarked(db, marker));
        String why = SeedLoad.sampleMismatch(db, marker);
        assertTrue(why != null && why.contains("holds title '" + other.storedTitle() + "'")
                && why.endsWith("not a form that was posted"), why);
    }
}
