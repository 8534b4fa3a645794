package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's native library, taken from the {@code tools.profiler:async-profiler} jar on
 * the classpath (it ships one per platform) and copied once into a cache folder, since a
 * library inside a jar cannot be loaded. Nothing to install by hand.
 */
public final class AsyncProfilerLibrary {
    static final String FILE = "libasyncProfiler.so";

    private AsyncProfilerLibrary() {
    }

    /** The jar's folder for this OS and architecture ({@code os.name}, {@code os.arch}), or empty when it ships none. */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Optional.of("macos");
        }
        if (!os.startsWith("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("linux-x64");
            case "aarch64", "arm64" -> Optional.of("linux-arm64");
            default -> Optional.empty();
        };
    }

    /** The line printed when no library fits. */
    static String noneFits(String osName, String osArch) {
        return "async-profiler " + version() + " ships no library for " + osName + "/" + osArch
                + " (linux-x64, linux-arm64, macOS)";
    }

    /** The library for the running JVM's platform in {@code cacheDir}; empty when the jar has none for it. */
    public static Optional<Path> extract(Path cacheDir) {
        return extract(cacheDir, System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static Optional<Path> extract(Path cacheDir, String osName, String osArch) {
        Optional<String> platform = platform(osName, osArch);
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String resource = "/" + platform.get() + "/" + FILE;
        Path target = cacheDir.resolve("async-profiler-" + version()).resolve(platform.get()).resolve(FILE);
        try (InputStream in = AsyncProfilerLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TaskbenchException("async-profiler's " + resource + " is not on the classpath: is "
                        + "tools.profiler:async-profiler a dependency?");
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                return Optional.of(target);
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), FILE, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(target);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write async-profiler's library to " + target + " (-D"
                    + Profiling.CACHE + "=DIR picks another folder): " + e, e);
        }
    }

    static String version() {
        return RunMetadata.libraryVersion("async-profiler");
    }
}
