package dev.taskbench.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseHandoffTest {

    @Test
    void roundTripsAndIsReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("db.properties");
        ConnectionInfo info = new ConnectionInfo("jdbc:postgresql://h/db?sslmode=disable", "u", "p w=&");
        DatabaseHandoff.write(f, info, DatabaseSource.LOCALHOST);
        assertEquals(info, DatabaseHandoff.read(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void missingFileIsAReadableError(@TempDir Path dir) {
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> DatabaseHandoff.read(dir.resolve("gone.properties")));
        assertTrue(e.getMessage().contains("gone.properties"), e.getMessage());
    }
}
