package dev.taskbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpansTest {
    @Test
    void spansReadAsSaidUpFrontAsMeasuredAndOnAClock() {
        assertEquals("40 s", Spans.about(40.4));
        assertEquals("14 min", Spans.about(14 * 60 + 20));
        assertEquals("2 h 10 min", Spans.about(130 * 60));
        assertEquals("16 min 20 s", Spans.span(980));
        assertEquals("2 min", Spans.span(120));
        assertEquals("1 h 2 min", Spans.span(3720));
        assertEquals("6:12", Spans.clock(372));
        assertEquals("1:06:12", Spans.clock(3972));
    }
}
