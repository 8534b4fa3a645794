package dev.taskbench.flags;

import dev.taskbench.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            Processes.Outcome o = Processes.run(new ProcessBuilder(cmd).redirectErrorStream(true),
                    Duration.ofSeconds(60));
            if (o.timedOut()) {
                return "the JVM did not answer -version within 60 s";
            }
            if (o.exitCode() == 0) {
                return null;
            }
            String text = o.stdout().strip();
            for (String line : text.split("\r?\n")) {
                if (!line.isBlank() && !line.startsWith("Error: Could not create the Java Virtual Machine")
                        && !line.startsWith("Error: A fatal exception")) {
                    return line.strip();
                }
            }
            return "exit code " + o.exitCode();
        } catch (IOException e) {
            return "cannot start " + java + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
