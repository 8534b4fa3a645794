package dev.taskbench.form;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A slow decoder that follows the spec text step by step, as an oracle for FormParser.
 * URL Standard "application/x-www-form-urlencoded parsing" and "percent-decode"; for UTF-8 the
 * Unicode definition the Encoding Standard's decoder implements: at each position take the
 * longest prefix of a well-formed sequence (Unicode Table 3-7); a whole sequence gives its code
 * point, a partial one (the maximal subpart) or an impossible byte gives one U+FFFD.
 */
final class ReferenceDecoder {
    // Unicode 15, Table 3-7: well-formed UTF-8 byte sequences, one {low, high} range per byte
    private static final int[][][] WELL_FORMED = {
        {{0x00, 0x7F}},
        {{0xC2, 0xDF}, {0x80, 0xBF}},
        {{0xE0, 0xE0}, {0xA0, 0xBF}, {0x80, 0xBF}},
        {{0xE1, 0xEC}, {0x80, 0xBF}, {0x80, 0xBF}},
        {{0xED, 0xED}, {0x80, 0x9F}, {0x80, 0xBF}},
        {{0xEE, 0xEF}, {0x80, 0xBF}, {0x80, 0xBF}},
        {{0xF0, 0xF0}, {0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
        {{0xF1, 0xF3}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
        {{0xF4, 0xF4}, {0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}},
    };

    private ReferenceDecoder() {
    }

    /** Name/value pairs, flattened: name0, value0, name1, value1, ... */
    static List<String> parse(byte[] input) {
        List<String> output = new ArrayList<>();
        // 1. Let sequences be the result of splitting input on 0x26 (&).
        List<byte[]> sequences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == 0x26) {
                sequences.add(java.util.Arrays.copyOfRange(input, from, i));
                from = i + 1;
            }
        }
        for (byte[] bytes : sequences) {
            // 3.1 If bytes is the empty byte sequence, then continue.
            if (bytes.length == 0) {
                continue;
            }
            // 3.2/3.3 split at the first 0x3D (=), or the whole is the name and the value is empty.
            int eq = -1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0x3D) {
                    eq = i;
                    break;
                }
            }
            byte[] name = eq < 0 ? bytes : java.util.Arrays.copyOfRange(bytes, 0, eq);
            byte[] value = eq < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, eq + 1, bytes.length);
            // 3.4 Replace any 0x2B (+) in name and value with 0x20 (SP).
            plusToSpace(name);
            plusToSpace(value);
            // 3.5 percent-decode, then UTF-8 decode without BOM.
            output.add(utf8DecodeWithoutBom(percentDecode(name)));
            output.add(utf8DecodeWithoutBom(percentDecode(value)));
        }
        return output;
    }

    private static void plusToSpace(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0x2B) {
                b[i] = 0x20;
            }
        }
    }

    static byte[] percentDecode(byte[] input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; i++) {
            int b = input[i] & 0xFF;
            if (b != 0x25) {
                output.write(b);
            } else if (i + 2 >= input.length || !isHex(input[i + 1]) || !isHex(input[i + 2])) {
                output.write(b);
            } else {
                output.write(Integer.parseInt(new String(new char[] {(char) input[i + 1], (char) input[i + 2]}), 16));
                i += 2;
            }
        }
        return output.toByteArray();
    }

    private static boolean isHex(byte b) {
        return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
    }

    static String utf8DecodeWithoutBom(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int longest = 0;
            int[][] complete = null;
            for (int[][] row : WELL_FORMED) {
                int k = 0;
                while (k < row.length && i + k < bytes.length
                        && (bytes[i + k] & 0xFF) >= row[k][0] && (bytes[i + k] & 0xFF) <= row[k][1]) {
                    k++;
                }
                if (k > longest) {
                    longest = k;
                    complete = k == row.length ? row : null;
                }
            }
            if (complete != null) {
                out.appendCodePoint(codePoint(bytes, i, longest));
                i += longest;
            } else {
                out.append('\uFFFD');
                i += Math.max(1, longest);
            }
        }
        return out.toString();
    }

    private static int codePoint(byte[] b, int at, int length) {
        if (length == 1) {
            return b[at];
        }
        int cp = b[at] & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            cp = (cp << 6) | (b[at + k] & 0x3F);
        }
        return cp;
    }
}
