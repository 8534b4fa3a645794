package dev.taskbench.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks a JVM whether it accepts a set of options, by starting it with {@code -version}. */
public final class JvmCheck {
    private JvmCheck() {
    }

    /** {@code null} if the JVM starts with these options, else its reason (first line of its error). */
    public static String rejection(Path java, List<String> options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(options);
        cmd.add("-version");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "the JVM did not answer -version within 60 s";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            for (String line : text.split("\r?\n")) {
                if (!line.isBlank() && !line.startsWith("Error: Could not create the Java Virtual Machine")
                        && !line.startsWith("Error: A fatal exception")) {
                    return line.strip();
                }
            }
            return "exit code " + p.exitValue();
        } catch (IOException e) {
            return "cannot start " + java + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
