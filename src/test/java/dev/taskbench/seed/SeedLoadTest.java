package dev.taskbench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
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

    /**
     * A phase the clock stops (the seed's stacks' timed phase): far fewer writes than asked, every
     * one answered 201 read back, and the users' connections closed, so the server lets go of them.
     */
    @Test
    void aTimedPhaseReadsBackEveryWriteItReached() throws Exception {
        ConnectionInfo db = WriteConnections.DEFAULTS.apply(TestDatabase.info());
        String marker = "timedtest-" + System.nanoTime();
        try (Service server = Service.start(db, ServerConfig.defaults().withPoolSize(2))) {
            ClosedLoop.Result r = SeedLoad.writes(server.uri(), Poster.Kind.raw, 3, marker, 100_000,
                    Duration.ofMillis(300));
            assertTrue(r.timed(), r.operations() + " writes");
            assertTrue(r.operations() > 0 && r.operations() < 300_000, r.operations() + " writes");
            assertEquals(r.operations(), SeedLoad.requireRowsMarked(db, marker, r, "the JVM model, timed"));
            String other = "countedtest-" + System.nanoTime(); // not a prefix of the other: rows are found by it
            ClosedLoop.Result counted = SeedLoad.writes(server.uri(), Poster.Kind.raw, 3, other, 4,
                    Duration.ofSeconds(60));
            assertFalse(counted.timed());
            assertEquals(12, SeedLoad.requireRowsMarked(db, other, counted, "the JVM model, counted"));
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
