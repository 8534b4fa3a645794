package dev.taskbench.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** async-profiler's native library comes out of its Maven jar: the right file, once, or one clear line. */
class AsyncProfilerLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void mapsEachPlatformTheJarShips() {
        assertEquals(Optional.of("linux-x64"), AsyncProfilerLibrary.platform("Linux", "amd64"));
        assertEquals(Optional.of("linux-arm64"), AsyncProfilerLibrary.platform("Linux", "aarch64"));
        assertEquals(Optional.of("macos"), AsyncProfilerLibrary.platform("Mac OS X", "aarch64"));
        assertEquals(Optional.empty(), AsyncProfilerLibrary.platform("Windows 11", "amd64"));
        assertEquals(Optional.empty(), AsyncProfilerLibrary.platform("Linux", "riscv64"));
    }

    @Test
    void extractsTheFileOfTheAskedPlatform() throws Exception {
        Path x64 = AsyncProfilerLibrary.extract(tmp, "Linux", "amd64").orElseThrow();
        Path arm = AsyncProfilerLibrary.extract(tmp, "Linux", "aarch64").orElseThrow();
        assertArrayEquals(resource("/linux-x64/libasyncProfiler.so"), Files.readAllBytes(x64));
        assertArrayEquals(resource("/linux-arm64/libasyncProfiler.so"), Files.readAllBytes(arm));
        assertFalse(Arrays.equals(Files.readAllBytes(x64), Files.readAllBytes(arm)));
        assertTrue(x64.startsWith(tmp.resolve("async-profiler-" + AsyncProfilerLibrary.version())), x64.toString());
        assertFalse(AsyncProfilerLibrary.version().equals("unknown"), "the version comes from pom.xml");
    }

    @Test
    void aSecondExtractionLeavesTheCachedFileAlone() throws Exception {
        Path first = AsyncProfilerLibrary.extract(tmp, "Linux", "amd64").orElseThrow();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first, old);
        Path second = AsyncProfilerLibrary.extract(tmp, "Linux", "amd64").orElseThrow();
        assertEquals(first, second);
        assertEquals(old, Files.getLastModifiedTime(second));
        try (var files = Files.list(second.getParent())) {
            assertEquals(1, files.count(), "no temporary files left beside it");
        }
    }

    @Test
    void aDamagedCachedFileIsReplaced() throws Exception {
        Path lib = AsyncProfilerLibrary.extract(tmp, "Linux", "amd64").orElseThrow();
        Files.write(lib, new byte[] {1, 2, 3});
        AsyncProfilerLibrary.extract(tmp, "Linux", "amd64");
        assertArrayEquals(resource("/linux-x64/libasyncProfiler.so"), Files.readAllBytes(lib));
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsOneLine() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        TaskbenchException e = assertThrows(TaskbenchException.class,
                () -> AsyncProfilerLibrary.extract(notADir, "Linux", "amd64"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + Profiling.CACHE), e.getMessage());
    }

    @Test
    void noLibraryForThePlatformIsEmptyAndSaysWhich() {
        assertEquals(Optional.empty(), AsyncProfilerLibrary.extract(tmp, "Windows 11", "amd64"));
        String line = AsyncProfilerLibrary.noneFits("Windows 11", "amd64");
        assertTrue(line.contains("Windows 11/amd64"), line);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = AsyncProfilerLibrary.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
