package dev.taskbench.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormParserLimitsTest {
    private static byte[] fields(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "&").append('f').append(i).append("=v");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void defaults() {
        FormParser p = new FormParser();
        assertEquals(1000, p.maxFields());
        assertEquals(2 * 1024 * 1024, p.maxBodyBytes());
        assertEquals(1000, p.parse(fields(1000)).size());
        FormLimitExceededException e = assertThrows(FormLimitExceededException.class, () -> p.parse(fields(1001)));
        assertEquals(FormLimitExceededException.MAX_FIELDS, e.limitName());
        assertEquals(1000, e.limit());
        assertEquals(1001, e.seen());
        assertTrue(e.getMessage().contains("maxFields=1000") && e.getMessage().contains("1001"), e.getMessage());
    }

    @Test
    void fieldLimitCountsPairsNotEmptyPieces() {
        FormParser p = FormParser.builder().maxFields(2).build();
        assertEquals(2, p.parse("&&a&&b&&&".getBytes(StandardCharsets.US_ASCII)).size());
        assertThrows(FormLimitExceededException.class, () -> p.parse("a&b&c".getBytes(StandardCharsets.US_ASCII)));
        FormParser none = FormParser.builder().maxFields(0).build();
        assertEquals(0, none.parse("&&".getBytes(StandardCharsets.US_ASCII)).size());
        assertThrows(FormLimitExceededException.class, () -> none.parse("=".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void bodyLimit() {
        FormParser p = FormParser.builder().maxBodyBytes(10).build();
        assertEquals(1, p.parse("abcde=fghi".getBytes(StandardCharsets.US_ASCII)).size());
        byte[] eleven = "abcde=fghij".getBytes(StandardCharsets.US_ASCII);
        FormLimitExceededException e = assertThrows(FormLimitExceededException.class, () -> p.parse(eleven));
        assertEquals(FormLimitExceededException.MAX_BODY_BYTES, e.limitName());
        assertEquals(10, e.limit());
        assertEquals(11, e.seen());
        assertTrue(e.getMessage().contains("maxBodyBytes=10") && e.getMessage().contains("11"), e.getMessage());
        // the limit applies to the slice, not the array
        byte[] big = new byte[100];
        System.arraycopy(eleven, 0, big, 50, 10);
        assertEquals(1, p.parse(big, 50, 10).size());
        assertThrows(FormLimitExceededException.class, () -> p.parse(ByteBuffer.allocateDirect(11)));
    }

    @Test
    void defaultBodyLimitIsTwoMiB() {
        FormParser p = new FormParser();
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        FormFields f = p.parse(body);
        assertEquals(1, f.size());
        assertEquals(body.length, f.name(0).length());
        assertThrows(FormLimitExceededException.class, () -> p.parse(new byte[body.length + 1]));
    }

    @Test
    void manyFieldsAboveScratchGrowth() {
        // more pairs than the initial scratch and long decoded values above the retained scratch size
        FormParser p = FormParser.builder().maxFields(100_000).build();
        assertEquals(50_000, p.parse(fields(50_000)).size());
        byte[] big = new byte[FormParser.RETAINED_SCRATCH * 2 + 3];
        java.util.Arrays.fill(big, (byte) '+');
        big[0] = 'a';
        big[1] = '=';
        big[big.length - 1] = (byte) 0xC3;
        FormFields f = p.parse(big);
        assertEquals(big.length - 3, f.value(0).length() - 1);
        assertEquals('\uFFFD', f.value(0).charAt(f.value(0).length() - 1));
        assertEquals(2, p.parse("a=%C3%BC&b=c".getBytes(StandardCharsets.US_ASCII)).size());
    }

    @Test
    void badLimitsAreRejectedAtBuildTime() {
        assertThrows(IllegalArgumentException.class, () -> FormParser.builder().maxFields(-1).build());
        assertThrows(IllegalArgumentException.class, () -> FormParser.builder().maxBodyBytes(-1).build());
    }
}
