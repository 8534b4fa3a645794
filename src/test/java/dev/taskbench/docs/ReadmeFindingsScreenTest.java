package dev.taskbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's findings screen is an excerpt of what the code prints for the real run in
 * {@code results/baseline}: every line of it is a line of the golden screen that
 * {@code ReportsGoldenTest} renders from that run, so it cannot go stale unnoticed.
 */
class ReadmeFindingsScreenTest {
    private static final String MARKER = "<!-- findings screen: results/baseline";
    private static final String ELIDED = "  …";

    @Test
    void theReadmesFindingsScreenIsWhatTheBaselineRunPrints() throws IOException {
        List<String> readme = Files.readAllLines(DocumentedCommandsTest.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> golden = Files.readAllLines(Path.of("src", "test", "resources", "golden", "run-baseline.console.txt"),
                StandardCharsets.UTF_8);
        List<String> screen = screen(readme);
        assertTrue(screen.size() > 5, "README.md has no findings screen after " + MARKER);
        assertEquals(golden.get(0), screen.get(0), "the screen starts where the printed findings start");
        int from = 0;
        for (String line : screen) {
            if (line.equals(ELIDED)) {
                continue;
            }
            int at = golden.subList(from, golden.size()).indexOf(line);
            assertTrue(at >= 0, "README's findings screen shows a line the baseline run does not print, or out of order: " + line);
            from += at + 1;
        }
    }

    /** The fenced block after the marker. */
    private static List<String> screen(List<String> readme) {
        int marker = 0;
        while (marker < readme.size() && !readme.get(marker).startsWith(MARKER)) {
            marker++;
        }
        int open = marker + 1;
        int close = open + 1;
        while (close < readme.size() && !readme.get(close).startsWith("```")) {
            close++;
        }
        return open < readme.size() ? readme.subList(open + 1, Math.min(close, readme.size())) : List.of();
    }
}
