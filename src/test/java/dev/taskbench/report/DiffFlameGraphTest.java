package dev.taskbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.compare.DiffFolded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The differential flame graph page on known stacks: colours, widths, title and nothing loaded from outside. */
class DiffFlameGraphTest {
    /** A tag that makes a browser fetch something, or CSS that does. */
    private static final Pattern REMOTE = Pattern.compile("<(script|link|img|iframe|object|embed|use)\\b|"
            + "\\b(src|href)\\s*=|url\\(|@import|://", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME = Pattern.compile("<g><title>([^:<]+): ([^<]*)</title><rect x=\"([\\d.]+)\" "
            + "y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"\\d+\" fill=\"(rgb\\(\\d+,\\d+,\\d+\\))\"/>");
    /** Twice the candidate's samples, so the base is halved when normalised. */
    private static final String BASE = "main;work;parse 20\nmain;work;write 60\nmain;old 40\n";
    private static final String CANDIDATE = "main;work;parse 30\nmain;work;write 10\nmain;fresh 20\n";
    private static String html;
    private static Map<String, String[]> frames;

    @BeforeAll
    static void render() {
        html = DiffFlameGraph.render(new DiffFlameGraph.Title("FormParsingBenchmark.parse avgt t1", "run-a", "run-b",
                "cpu"), DiffFolded.diff(DiffFolded.parse(BASE), DiffFolded.parse(CANDIDATE)));
        frames = new LinkedHashMap<>();
        Matcher m = FRAME.matcher(html);
        while (m.find()) {
            frames.put(m.group(1), new String[] {m.group(2), m.group(5), m.group(6)});
        }
    }

    private static double width(String frame) {
        return Double.parseDouble(frames.get(frame)[1]);
    }

    @Test
    void aFrameThatGrewIsRedAndOneThatShrankIsBlue() {
        assertEquals("rgb(255,0,0)", frames.get("parse")[2], "10 -> 30, the largest change: full red");
        assertEquals("rgb(0,0,255)", frames.get("write")[2], "30 -> 10, as large a fall: full blue");
        assertEquals("rgb(255,0,0)", frames.get("fresh")[2], "0 -> 20");
        assertEquals("rgb(255,255,255)", frames.get("all")[2], "totals are normalised: no change at the root");
        assertEquals("rgb(255,255,255)", frames.get("work")[2], "40 -> 40: what moved inside it cancels out");
    }

    @Test
    void colourDeepensWithTheChangeRelativeToTheLargest() {
        assertEquals("rgb(255,105,105)", DiffFlameGraph.color(10, 20));
        assertEquals("rgb(105,105,255)", DiffFlameGraph.color(-10, 20));
        assertEquals("rgb(255,203,203)", DiffFlameGraph.color(0.6, 20), "the palest red still says it grew");
        assertEquals("rgb(255,255,255)", DiffFlameGraph.color(0.4, 20), "under half a sample is no change");
    }

    @Test
    void widthsAreTheCandidatesSamplesAndChildrenFillTheirParent() {
        assertEquals(DiffFlameGraph.WIDTH - 20, width("all"), 0.01);
        assertEquals(width("all"), width("main"), 0.01);
        assertEquals(width("main"), width("work") + width("fresh"), 0.02);
        assertEquals(width("work"), width("parse") + width("write"), 0.02);
        assertEquals(3 * width("write"), width("parse"), 0.02);
        assertFalse(frames.containsKey("old"), "a frame gone from the candidate has no width");
    }

    @Test
    void eachFrameSaysBeforeAfterAndDelta() {
        assertEquals("before 10.00, after 30, delta +20.00 (+200.0%)", frames.get("parse")[0]);
        assertEquals("before 0.000, after 20, delta +20.00 (new)", frames.get("fresh")[0]);
    }

    @Test
    void theTitleNamesTheRowAndBothRuns() {
        String title = "Differential cpu flame graph: FormParsingBenchmark.parse avgt t1, run-a \u2192 run-b";
        assertTrue(html.contains("<title>taskbench: " + title + "</title>"), html);
        assertTrue(html.contains("<h1>" + title + "</h1>"), html);
    }

    @Test
    void theTablesListWhatGrewAndWhatShrankBySelfSamples() {
        String grew = html.substring(html.indexOf("grew most"), html.indexOf("shrank most"));
        String shrank = html.substring(html.indexOf("shrank most"));
        assertTrue(grew.indexOf("<td>parse</td>") > 0 && grew.indexOf("<td>fresh</td>") > 0, grew);
        assertFalse(grew.contains("<td>write</td>") || grew.contains("<td>old</td>"), grew);
        assertTrue(shrank.contains("<td>write</td>") && shrank.contains("<td>old</td>"), shrank);
        assertTrue(shrank.contains("-20.00 (-100.0%)"), "old vanished: " + shrank);
    }

    @Test
    void nothingIsLoadedFromOutside() {
        Matcher remote = REMOTE.matcher(html);
        assertFalse(remote.find(), () -> "loads from outside: " + remote.group());
        assertTrue(html.contains("<svg") && html.contains("<style>"), "drawn inline");
    }

    @Test
    void framesAreEscaped() {
        String page = DiffFlameGraph.render(new DiffFlameGraph.Title("r", "a", "b", "cpu"),
                DiffFolded.diff(DiffFolded.parse("List<String>.add 1\n"), DiffFolded.parse("List<String>.add 2\n")));
        assertTrue(page.contains("List&lt;String&gt;.add") && !page.contains("List<String>"), page);
    }
}
