package dev.taskbench.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taskbench.write.Task;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormParserConformanceTest {
    private static final FormParser PARSER = new FormParser();

    static Stream<FormConformanceCases.Case> cases() {
        return FormConformanceCases.CASES.stream();
    }

    @Test
    void tableIsLargeEnough() {
        assertTrue(FormConformanceCases.CASES.size() >= 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parserMatchesTable(FormConformanceCases.Case c) {
        assertEquals(c.expected(), flatten(PARSER.parse(c.body())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceMatchesTable(FormConformanceCases.Case c) {
        assertEquals(c.expected(), ReferenceDecoder.parse(c.body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetLengthAndByteBufferAgree(FormConformanceCases.Case c) {
        byte[] padded = new byte[c.body().length + 8];
        java.util.Arrays.fill(padded, (byte) '%');
        System.arraycopy(c.body(), 0, padded, 4, c.body().length);
        assertEquals(c.expected(), flatten(PARSER.parse(padded, 4, c.body().length)));
        assertEquals(c.expected(), flatten(PARSER.parse(ByteBuffer.wrap(padded, 4, c.body().length))));
        ByteBuffer direct = ByteBuffer.allocateDirect(c.body().length).put(c.body()).flip();
        assertEquals(c.expected(), flatten(PARSER.parse(direct)));
        assertEquals(0, direct.position());
    }

    @Test
    void seedBody() {
        FormFields f = PARSER.parse(Task.SEED_BODY.getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, f.size());
        assertEquals("Buy milk and eggs", f.first("title"));
        assertEquals("Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread",
                f.first("description"));
        assertNull(f.first("missing"));
    }

    @Test
    void seedBodyDecodesToTheSeedRowAndTakesATitleSuffix() {
        FormFields f = PARSER.parse(Task.SEED_BODY.getBytes(StandardCharsets.US_ASCII));
        assertEquals(Task.SEED.title(), f.first("title"));
        assertEquals(Task.SEED.description(), f.first("description"));
        FormFields marked = PARSER.parse(Task.seedBody("+run7-3").getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, marked.size());
        assertEquals("Buy milk and eggs run7-3", marked.first("title"));
        assertEquals(Task.SEED.description(), marked.first("description"));
    }

    @Test
    void lookupsReturnFirstAndAll() {
        FormFields f = PARSER.parse("a=1&b=2&a=3".getBytes(StandardCharsets.US_ASCII));
        assertEquals("1", f.first("a"));
        assertEquals(List.of("1", "3"), f.all("a"));
        assertEquals(List.of(), f.all("c"));
        assertEquals("b", f.name(1));
        assertEquals("2", f.value(1));
        assertThrows(IndexOutOfBoundsException.class, () -> f.name(3));
        assertThrows(IndexOutOfBoundsException.class, () -> f.value(-1));
    }

    @Test
    void programmingErrorsThrowTheUsualExceptions() {
        assertThrows(NullPointerException.class, () -> PARSER.parse((byte[]) null));
        assertThrows(IndexOutOfBoundsException.class, () -> PARSER.parse(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> PARSER.parse(new byte[4], -1, 1));
    }

    static List<String> flatten(FormFields f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            out.add(f.name(i));
            out.add(f.value(i));
        }
        return out;
    }
}
