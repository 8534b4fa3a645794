package dev.taskbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.TaskbenchException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** difffolded -n on stacks whose answer is known by hand. */
class DiffFoldedTest {
    // base: 100 samples; candidate: 200 samples, so each base count is doubled before comparing
    private static final String BASE = "main;parse 60\nmain;insert;commit 40\n";
    private static final String CANDIDATE = "main;parse 100\nmain;insert;commit 60\nmain;insert;log 40\n";

    @Test
    void normalisesTheBaseToTheCandidatesTotal() {
        List<DiffFolded.Line> lines = DiffFolded.diff(DiffFolded.parse(BASE), DiffFolded.parse(CANDIDATE));
        assertEquals("main;insert;commit 80 60\nmain;insert;log 0 40\nmain;parse 120 100\n", DiffFolded.render(lines));
    }

    @Test
    void saysWhichFramesGrewAndWhichShrank() {
        List<DiffFolded.Frame> frames = DiffFolded.byFrame(DiffFolded.diff(DiffFolded.parse(BASE),
                DiffFolded.parse(CANDIDATE)));
        assertEquals("log", frames.get(0).frame());
        assertEquals(40.0, frames.get(0).delta(), 1e-9);
        // parse and commit each lost 20 of the normalised samples; ties are ordered by name
        assertEquals(List.of("log", "commit", "parse"), frames.stream().map(DiffFolded.Frame::frame).toList());
        assertEquals(-20.0, frames.get(1).delta(), 1e-9);
        assertEquals(-20.0, frames.get(2).delta(), 1e-9);
    }

    @Test
    void identicalProfilesOfDifferentLengthsShowNoChange() {
        Map<String, Long> a = DiffFolded.parse("a;b 3\na;c 1\n");
        Map<String, Long> b = DiffFolded.parse("a;b 300\na;c 100\n");
        DiffFolded.byFrame(DiffFolded.diff(a, b)).forEach(f -> assertEquals(0.0, f.delta(), 1e-9, f.frame()));
    }

    @Test
    void repeatedStacksAddUpAndFramesMayHoldSpaces() {
        Map<String, Long> m = DiffFolded.parse("a;b c 2\na;b c 3\n\n");
        assertEquals(Map.of("a;b c", 5L), m);
    }

    @Test
    void aLineWithoutACountIsOneLine() {
        TaskbenchException e = assertThrows(TaskbenchException.class, () -> DiffFolded.parse("a;b 1\na;b\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
