package dev.taskbench.form;

/**
 * The WHATWG Encoding Standard's UTF-8 decoder (replacement mode): one U+FFFD per maximal
 * invalid subpart, so encoded surrogates (ED A0 80) give three, overlongs (C0 80) two, and a
 * truncated sequence (E2 82) one. JDK 17's String(byte[], UTF_8) differs on some of these.
 */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /** Decodes src[from, to) into dst, which must hold to - from chars; returns the char count. */
    static int decode(byte[] src, int from, int to, char[] dst) {
        int n = 0;
        int i = from;
        while (i < to) {
            int b = src[i++] & 0xFF;
            if (b < 0x80) {
                dst[n++] = (char) b;
                continue;
            }
            int need;
            int cp;
            int lower = 0x80;
            int upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0) {
                    lower = 0xA0;
                } else if (b == 0xED) {
                    upper = 0x9F;
                }
                need = 2;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0) {
                    lower = 0x90;
                } else if (b == 0xF4) {
                    upper = 0x8F;
                }
                need = 3;
                cp = b & 0x07;
            } else {
                dst[n++] = REPLACEMENT;
                continue;
            }
            for (; need > 0; need--) {
                int c;
                // an unexpected byte is not consumed: the spec reprocesses it as a lead byte
                if (i >= to || (c = src[i] & 0xFF) < lower || c > upper) {
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (c & 0x3F);
                i++;
            }
            if (need > 0) {
                dst[n++] = REPLACEMENT;
            } else if (cp >= 0x10000) {
                dst[n++] = Character.highSurrogate(cp);
                dst[n++] = Character.lowSurrogate(cp);
            } else {
                dst[n++] = (char) cp;
            }
        }
        return n;
    }
}
