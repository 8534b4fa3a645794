package dev.taskbench.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @Test
    void theRunningJdkIsAlwaysFound() {
        int running = Runtime.version().feature();
        Jdks jdks = Jdks.discover(null);
        assertTrue(jdks.find(running).isPresent(), jdks.toString());
    }

    @Test
    void aJdkIsAFolderWithAReleaseFileAndAJavaExecutable(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("jdk-99");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"99.0.1\"\n");
        Path java = Files.createFile(home.resolve("bin/java"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertNotNull(java);
        Path notJdk = Files.createDirectories(dir.resolve("empty"));
        List<Jdk> found = Jdks.read(List.of(home, notJdk, home));
        assertEquals(1, found.size());
        assertEquals(99, found.get(0).major());
        assertEquals("99.0.1", found.get(0).version());
        assertEquals(99, Jdks.discover(home.toString()).find(99).orElseThrow().major());
    }

    @Test
    void majorVersionsAreReadFromEveryScheme() {
        assertEquals(17, Jdks.major("17.0.15"));
        assertEquals(25, Jdks.major("25"));
        assertEquals(8, Jdks.major("1.8.0_402"));
        assertEquals(21, Jdks.major("21-ea"));
    }

    @Test
    void theJvmSaysWhyItRejectsAFlag() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertNull(JvmCheck.rejection(java, List.of("-Xint")));
        String why = JvmCheck.rejection(java, List.of("-XX:+NoSuchTaskbenchFlag"));
        assertNotNull(why);
        assertTrue(why.contains("NoSuchTaskbenchFlag"), why);
        assertTrue(JvmCheck.rejection(Path.of("/nonexistent/java"), List.of()).startsWith("cannot start"));
    }
}
