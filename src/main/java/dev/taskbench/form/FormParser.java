package dev.taskbench.form;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The WHATWG URL Standard's application/x-www-form-urlencoded parser, on bytes: split on '&',
 * skip empty pieces, split at the first '=', '+' becomes a space, an invalid '%' escape stays
 * literal, then UTF-8 decoding with one U+FFFD per maximal invalid subpart. No trimming, no BOM
 * stripping.
 *
 * <p>Immutable and thread-safe: share one instance. A call allocates the result strings and one
 * {@link FormFields} (plus one array for the pairs after the second). Components with nothing
 * to decode are copied straight from the body; the others are decoded into a byte[] (and a
 * char[] for non-ASCII) kept per thread through a ThreadLocal, fetched only when a component
 * needs it; no reference to caller data outlives a call. The byte[] is sized by the component's
 * encoded length. A thread keeps at most {@value #RETAINED_SCRATCH} elements of each (384 KiB,
 * reached only after components near 128 KB, such as a 64 KB text percent-encoded); anything
 * larger is allocated per call and dropped. With virtual threads the scratch is simply per
 * request.
 *
 * <p>Errors: a body over a limit throws {@link FormLimitExceededException}; no body content
 * causes any other exception. Programming errors throw the usual exceptions: a null body
 * {@link NullPointerException}, an offset/length outside the array
 * {@link IndexOutOfBoundsException}.
 *
 * <p>One class on purpose: it is the decoder's hot path, and the JIT inlines and unrolls its
 * loops best when scanning, percent-decoding and the limits sit together, flat, in one place.
 */
public final class FormParser {
    public static final int DEFAULT_MAX_FIELDS = 1000;
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    static final int RETAINED_SCRATCH = 1 << 17;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    // scan's result: the stop index, and this bit when the component needs decoding
    private static final int DECODE_BIT = 0x8000_0000;
    private static final int STOP = 0x7FFF_FFFF;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long AMP8 = ONES * '&';
    private static final long EQ8 = ONES * '=';
    private static final long PCT8 = ONES * '%';
    private static final long PLUS8 = ONES * '+';
    // (RANGE_BELOW - x) & (x + RANGE_ABOVE) & 0x80.. marks exactly the lanes of x (bytes < 0x80)
    // in 0x25..0x2B: no lane carries or borrows into the next
    private static final long RANGE_BELOW = ONES * (0x7F + 0x2C);
    private static final long RANGE_ABOVE = ONES * (0x7F - 0x24);
    private static final byte[] HEX = new byte[256];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 32] = (byte) (c - 'a' + 10);
        }
    }

    private final int maxFields;
    private final int maxBodyBytes;

    /** A parser with the default limits (1000 fields, 2 MiB). */
    public FormParser() {
        this(DEFAULT_MAX_FIELDS, DEFAULT_MAX_BODY_BYTES);
    }

    private FormParser(int maxFields, int maxBodyBytes) {
        if (maxFields < 0 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits must be >= 0: maxFields=" + maxFields
                    + ", maxBodyBytes=" + maxBodyBytes);
        }
        this.maxFields = maxFields;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxFields() {
        return maxFields;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public FormFields parse(byte[] body) {
        return parse(body, 0, body.length);
    }

    /** Parses the buffer's remaining bytes; its position is left unchanged. */
    public FormFields parse(ByteBuffer body) {
        int length = body.remaining();
        checkBodyLength(length);
        if (body.hasArray()) {
            return parse(body.array(), body.arrayOffset() + body.position(), length);
        }
        byte[] copy = new byte[length];
        body.duplicate().get(copy);
        return parse(copy, 0, length);
    }

    public FormFields parse(byte[] body, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, body.length);
        checkBodyLength(length);
        final int end = offset + length;
        // the first two pairs go straight into the result (see FormFields), later ones into one array
        String name0 = null;
        String value0 = null;
        String name1 = null;
        String value1 = null;
        String[] rest = null;
        int count = 0;
        Scratch s = null; // fetched when a component first needs decoding: plain forms never do
        int i = offset;
        while (i < end) {
            int r = scan(body, i, end, offset, EQ8);
            int stop = r & STOP;
            if (stop == i && (stop == end || body[stop] == '&')) {
                i = stop + 1; // empty piece
                continue;
            }
            String name;
            if (r >= 0) {
                name = plain(body, i, stop);
            } else {
                if (s == null) {
                    s = SCRATCH.get();
                }
                name = decode(body, i, stop, end, offset, s);
            }
            String value = "";
            i = stop;
            if (i < end && body[i] == '=') {
                r = scan(body, ++i, end, offset, AMP8);
                stop = r & STOP;
                if (r >= 0) {
                    value = plain(body, i, stop);
                } else {
                    if (s == null) {
                        s = SCRATCH.get();
                    }
                    value = decode(body, i, stop, end, offset, s);
                }
                i = stop;
            }
            i++; // past '&' (or end)
            if (count >= maxFields) {
                throw new FormLimitExceededException(
                        FormLimitExceededException.MAX_FIELDS, maxFields, count + 1L);
            }
            if (count == 0) {
                name0 = name;
                value0 = value;
            } else if (count == 1) {
                name1 = name;
                value1 = value;
            } else {
                if (rest == null) {
                    // sized once, by the pieces left (each later pair is one): no growth garbage
                    int pairs = i < end ? countAmps(body, i, end, offset) + 2 : 1;
                    rest = new String[Math.min(pairs, maxFields - 2) << 1];
                }
                int at = (count - 2) << 1;
                rest[at] = name;
                rest[at + 1] = value;
            }
            count++;
        }
        if (count == 0) {
            return FormFields.EMPTY;
        }
        if (rest != null && rest.length != (count - 2) << 1) {
            rest = Arrays.copyOf(rest, (count - 2) << 1);
        }
        return new FormFields(name0, value0, name1, value1, rest);
    }

    private void checkBodyLength(int length) {
        if (length > maxBodyBytes) {
            throw new FormLimitExceededException(
                    FormLimitExceededException.MAX_BODY_BYTES, maxBodyBytes, length);
        }
    }

    /**
     * The index of the first '&' or stop byte (stop8 has it in every lane) at or after i, or end;
     * bit 31 set if a byte before it needs decoding ('%', '+' or non-ASCII). Eight bytes at a
     * time, in two loops: up to the first byte that ends the component or needs decoding, then,
     * if it needs decoding, up to the end only, with less work per word.
     */
    private static int scan(byte[] b, int i, int end, int from, long stop8) {
        int stop = (byte) stop8;
        while (true) {
            // counted loops over whole words, the tail apart: C2 compiles these much tighter
            long m = 0;
            for (; i <= end - 8; i += 8) {
                m = attention((long) LONGS.get(b, i), stop8);
                if (m != 0) {
                    break;
                }
            }
            if (m == 0 && (i >= end || (m = attention(tail(b, i, end, from), stop8)) == 0)) {
                return end;
            }
            i += Long.numberOfTrailingZeros(m) >>> 3;
            int c = b[i];
            if (c == '&' || c == stop) {
                return i;
            }
            i++;
            if (c == '%' || c == '+' || c < 0) {
                return stopAfterDecodable(b, i, end, from, stop8);
            }
            // ' ( ) * share the range but need nothing: scan on
        }
    }

    /**
     * Marks the lanes of w that are in '%'..'+' (0x25-0x2B: '%', '&', '+' and the harmless
     * ' ( ) *), non-ASCII, or the stop, exactly for the lowest. No lane of the range test carries
     * or borrows into the next.
     */
    private static long attention(long w, long stop8) {
        long low = w & LOW7;
        long xs = w ^ stop8;
        return ((RANGE_BELOW - low) & (low + RANGE_ABOVE) | w | (xs - ONES) & ~xs) & HIGH;
    }

    /**
     * The index of the first '&' or stop byte at or after i, or end, with bit 31 set. Eight bytes
     * at a time: (x - 0x01..) & ~x & 0x80.. marks the zero bytes of x, exactly for the lowest one
     * (a false mark only sits above a true one).
     */
    private static int stopAfterDecodable(byte[] b, int i, int end, int from, long stop8) {
        long m = 0;
        for (; i <= end - 8; i += 8) {
            m = stops((long) LONGS.get(b, i), stop8);
            if (m != 0) {
                break;
            }
        }
        if (m == 0 && (i >= end || (m = stops(tail(b, i, end, from), stop8)) == 0)) {
            return end | DECODE_BIT;
        }
        return (i + (Long.numberOfTrailingZeros(m) >>> 3)) | DECODE_BIT;
    }

    private static long stops(long w, long stop8) {
        long xa = w ^ AMP8;
        long xs = w ^ stop8;
        return ((xa - ONES) & ~xa | (xs - ONES) & ~xs) & HIGH;
    }

    /** b[i, end) (1 to 7 bytes) in the low lanes of a word, zeros above: no byte anyone looks for. */
    private static long tail(byte[] b, int i, int end, int from) {
        if (end - 8 >= from) {
            return (long) LONGS.get(b, end - 8) >>> ((8 - (end - i)) << 3);
        }
        long w = 0;
        for (int j = end - 1; j >= i; j--) {
            w = w << 8 | (b[j] & 0xFF);
        }
        return w;
    }

    /** The number of '&' in b[i, end). */
    private static int countAmps(byte[] b, int i, int end, int from) {
        int n = 0;
        for (; i <= end - 8; i += 8) {
            n += Long.bitCount(ampLanes((long) LONGS.get(b, i)));
        }
        return i < end ? n + Long.bitCount(ampLanes(tail(b, i, end, from))) : n;
    }

    /** The '&' lanes of w, each exactly: no carry crosses lanes. */
    private static long ampLanes(long w) {
        long x = w ^ AMP8;
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /**
     * b[start, stop) as a String, one char per byte: with compact strings, a plain copy into a
     * Latin-1 String. The old hibyte constructor (deprecated: it does not decode, which is just
     * what is wanted here) does what String(bytes, offset, length, ISO_8859_1) does, but is small
     * enough for C2 to inline; JDK 17's charset constructor is not.
     */
    @SuppressWarnings("deprecation")
    private static String plain(byte[] b, int start, int stop) {
        return stop == start ? "" : new String(b, 0, start, stop - start);
    }

    /**
     * Decodes the component b[start, stop): '+' to space eight bytes at a time, '%' escapes one by
     * one, then UTF-8 if a decoded byte is non-ASCII. Words may read past stop (up to end), those
     * lanes are ignored.
     */
    private static String decode(byte[] b, int start, int stop, int end, int from, Scratch s) {
        byte[] dst = s.bytes(stop - start + 8); // decoding never lengthens; +8 for the last word store
        // the output index is k + delta: each escape decoded takes two off
        int delta = -start;
        long high = 0;
        int k = start;
        while (true) {
            // whole words without '%' (a counted loop, like scan's)
            long pct = 0;
            for (; k <= stop - 8; k += 8) {
                long w = (long) LONGS.get(b, k);
                long xp = w ^ PCT8;
                pct = (xp - ONES) & ~xp & HIGH;
                if (pct != 0) {
                    break;
                }
                LONGS.set(dst, k + delta, plusToSpace(w));
                high |= w;
            }
            if (k >= stop) {
                break;
            }
            // a word with a '%', or the last 1 to 7 bytes (a word may read past stop, up to end)
            long w = end - k >= 8 ? (long) LONGS.get(b, k) : tail(b, k, end, from);
            long xp = w ^ PCT8;
            pct = (xp - ONES) & ~xp & HIGH;
            LONGS.set(dst, k + delta, plusToSpace(w));
            int run = pct == 0 ? 8 : Long.numberOfTrailingZeros(pct) >>> 3;
            int left = stop - k;
            if (run >= left) { // the component ends first (left < 8 here)
                high |= w & ((1L << (left << 3)) - 1);
                k = stop;
                break;
            }
            high |= w & ((1L << (run << 3)) - 1);
            k += run;
            // '%' at k: decode a run of escapes (non-ASCII text is all escapes) before the next word
            do {
                int c = '%';
                int out = k + delta;
                if (k + 2 < stop) {
                    int hi = HEX[b[k + 1] & 0xFF];
                    int lo = HEX[b[k + 2] & 0xFF];
                    if ((hi | lo) >= 0) {
                        c = (hi << 4) | lo;
                        k += 2;
                        delta -= 2;
                    }
                }
                dst[out] = (byte) c;
                high |= c;
                k++;
            } while (k < stop && b[k] == '%');
        }
        int len = stop + delta;
        if ((high & HIGH) == 0) {
            return plain(dst, 0, len);
        }
        char[] chars = s.chars(len);
        return new String(chars, 0, Utf8.decode(dst, 0, len, chars));
    }

    /** w with every '+' turned into ' ': the '+' lanes found exactly, then xor-ed with '+' ^ ' '. */
    private static long plusToSpace(long w) {
        long xq = w ^ PLUS8;
        long plus = ~(((xq & LOW7) + LOW7) | xq | LOW7);
        return w ^ ((plus >>> 7) * ('+' ^ ' '));
    }

    /** Per-thread scratch for decoded components; holds no reference to caller data between calls. */
    private static final class Scratch {
        byte[] bytes = new byte[256];
        char[] chars = new char[256];

        byte[] bytes(int n) {
            byte[] b = bytes;
            if (b.length >= n) {
                return b;
            }
            b = new byte[Math.max(n, Math.min(b.length * 2, RETAINED_SCRATCH))];
            if (b.length <= RETAINED_SCRATCH) {
                bytes = b;
            }
            return b;
        }

        char[] chars(int n) {
            char[] c = chars;
            if (c.length >= n) {
                return c;
            }
            c = new char[Math.max(n, Math.min(c.length * 2, RETAINED_SCRATCH))];
            if (c.length <= RETAINED_SCRATCH) {
                chars = c;
            }
            return c;
        }
    }

    /** Limits for a new parser; both default as in {@link FormParser#FormParser()}. */
    public static final class Builder {
        private int maxFields = DEFAULT_MAX_FIELDS;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        public Builder maxFields(int maxFields) {
            this.maxFields = maxFields;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public FormParser build() {
            return new FormParser(maxFields, maxBodyBytes);
        }
    }
}
