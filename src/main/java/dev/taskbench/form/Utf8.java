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

    /**
     * Decodes src[from, to) into dst, which must hold to - from chars; returns the char count.
     * Each sequence length has its own straight-line branch: a loop over continuation bytes
     * would end after a varying count, a branch the CPU mispredicts at nearly every character.
     * A byte that does not continue a sequence is not consumed: the spec reprocesses it as a lead.
     */
    static int decode(byte[] src, int from, int to, char[] dst) {
        int n = 0;
        int i = from;
        while (i < to) {
            int b = src[i++];
            if (b >= 0) {
                dst[n++] = (char) b;
                continue;
            }
            b &= 0xFF;
            int c1;
            int c2;
            int c3;
            if (b < 0xE0) {
                if (b >= 0xC2 && i < to && ((c1 = src[i]) & 0xC0) == 0x80) {
                    dst[n++] = (char) (((b & 0x1F) << 6) | (c1 & 0x3F));
                    i++;
                } else {
                    dst[n++] = REPLACEMENT; // a continuation byte, C0 or C1 (overlong), or cut short
                }
            } else if (b < 0xF0) {
                // E0 must not be overlong (A0..BF next), ED must not encode a surrogate (80..9F)
                int lower = b == 0xE0 ? 0xA0 : 0x80;
                int upper = b == 0xED ? 0x9F : 0xBF;
                if (i < to && (c1 = src[i] & 0xFF) >= lower && c1 <= upper) {
                    if (i + 1 < to && ((c2 = src[i + 1]) & 0xC0) == 0x80) {
                        dst[n++] = (char) (((b & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F));
                        i += 2;
                    } else {
                        dst[n++] = REPLACEMENT;
                        i++;
                    }
                } else {
                    dst[n++] = REPLACEMENT;
                }
            } else if (b <= 0xF4) {
                // F0 must not be overlong (90..BF next), F4 must stay below U+110000 (80..8F)
                int lower = b == 0xF0 ? 0x90 : 0x80;
                int upper = b == 0xF4 ? 0x8F : 0xBF;
                if (i < to && (c1 = src[i] & 0xFF) >= lower && c1 <= upper) {
                    if (i + 1 < to && ((c2 = src[i + 1]) & 0xC0) == 0x80) {
                        if (i + 2 < to && ((c3 = src[i + 2]) & 0xC0) == 0x80) {
                            int cp = ((b & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F);
                            dst[n++] = Character.highSurrogate(cp);
                            dst[n++] = Character.lowSurrogate(cp);
                            i += 3;
                        } else {
                            dst[n++] = REPLACEMENT;
                            i += 2;
                        }
                    } else {
                        dst[n++] = REPLACEMENT;
                        i++;
                    }
                } else {
                    dst[n++] = REPLACEMENT;
                }
            } else {
                dst[n++] = REPLACEMENT; // F5..FF never start a sequence
            }
        }
        return n;
    }
}
