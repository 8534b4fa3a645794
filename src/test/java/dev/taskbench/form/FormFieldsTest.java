package dev.taskbench.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FormFields keeps two pairs in fields and the rest in an array: every size around that seam. */
class FormFieldsTest {
    private static final FormParser PARSER = new FormParser();

    private static FormFields parse(String body) {
        return PARSER.parse(body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void sizesAroundTheInlinePairs() {
        String[] bodies = {"", "a=1", "a=1&b=2", "a=1&b=2&c=3", "a=1&b=2&c=3&d=4&e=5"};
        for (int n = 0; n < bodies.length; n++) {
            FormFields f = parse(bodies[n]);
            int size = n < 4 ? n : 5;
            assertEquals(size, f.size(), bodies[n]);
            for (int i = 0; i < size; i++) {
                assertEquals(String.valueOf((char) ('a' + i)), f.name(i));
                assertEquals(String.valueOf(i + 1), f.value(i));
                assertEquals(String.valueOf(i + 1), f.first(f.name(i)));
            }
            int last = size;
            assertThrows(IndexOutOfBoundsException.class, () -> f.name(last));
            assertThrows(IndexOutOfBoundsException.class, () -> f.value(-1));
            assertNull(f.first("z"));
        }
    }

    @Test
    void emptyPiecesLeaveNoGapsAfterTheSecondPair() {
        // the array for later pairs is sized by the '&' still ahead, then trimmed
        FormFields f = parse("a&&b&&c&&&d&");
        assertEquals(4, f.size());
        assertEquals("[a=, b=, c=, d=]", f.toString());
    }

    @Test
    void allAndFirstCrossTheSeam() {
        FormFields f = parse("x=1&y=2&x=3&y=4&x=5");
        assertEquals("1", f.first("x"));
        assertEquals("2", f.first("y"));
        assertEquals(List.of("1", "3", "5"), f.all("x"));
        assertEquals(List.of("2", "4"), f.all("y"));
        assertEquals("[x=1, y=2, x=3, y=4, x=5]", f.toString());
        assertEquals("[]", parse("&&").toString());
    }
}
