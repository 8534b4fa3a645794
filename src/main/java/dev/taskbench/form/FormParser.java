package dev.taskbench.form;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The WHATWG URL Standard's application/x-www-form-urlencoded parser, on bytes: split on '&',
 * skip empty pieces, split at the first '=', '+' becomes a space, an invalid '%' escape stays
 * literal, then UTF-8 decoding with one U+FFFD per maximal invalid subpart. No trimming, no BOM
 * stripping.
 *
 * <p>Immutable and thread-safe: share one instance. Scratch space (a String[] for the pairs
 * and the byte[]/char[] a component is decoded into) is per thread, through a ThreadLocal, and
 * no reference to caller data outlives a call. A thread keeps at most {@value #RETAINED_SCRATCH}
 * elements of each (about 450 KiB, reached only after huge forms); anything larger is allocated
 * per call and dropped. With virtual threads the scratch is simply per request.
 *
 * <p>Errors: a body over a limit throws {@link FormLimitExceededException}; no body content
 * causes any other exception. Programming errors throw the usual exceptions: a null body
 * {@link NullPointerException}, an offset/length outside the array
 * {@link IndexOutOfBoundsException}.
 */
public final class FormParser {
    public static final int DEFAULT_MAX_FIELDS = 1000;
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    static final int RETAINED_SCRATCH = 1 << 16;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    // byte classes: a name stops at AMP or EQ, a value at AMP; DECODE marks '%', '+' and non-ASCII
    private static final byte AMP = 1;
    private static final byte EQ = 2;
    private static final byte DECODE = 4;
    private static final byte[] CLASS = new byte[256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long AMP8 = ONES * '&';
    private static final long EQ8 = ONES * '=';
    private static final long PCT8 = ONES * '%';
    private static final long PLUS8 = ONES * '+';
    private static final byte[] HEX = new byte[256];
    // identity except '+' -> ' ': keeps the frequent '+' off a branch the CPU would mispredict
    private static final byte[] PLUS_TO_SPACE = new byte[256];

    static {
        CLASS['&'] = AMP;
        CLASS['='] = EQ;
        CLASS['%'] = DECODE;
        CLASS['+'] = DECODE;
        Arrays.fill(CLASS, 0x80, 0x100, DECODE);
        for (int b = 0; b < 256; b++) {
            PLUS_TO_SPACE[b] = (byte) (b == '+' ? ' ' : b);
        }
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
        if (length == 0) {
            return FormFields.EMPTY;
        }
        Scratch s = SCRATCH.get();
        String[] out = s.strings;
        int n = 0;
        try {
            final int end = offset + length;
            int i = offset;
            while (i < end) {
                String name = component(body, i, end, EQ8, AMP | EQ, s);
                i = s.stop;
                if (name.isEmpty() && (i == end || body[i] == '&')) {
                    i++; // empty piece
                    continue;
                }
                String value = "";
                if (i < end && body[i] == '=') {
                    value = component(body, i + 1, end, AMP8, AMP, s);
                    i = s.stop;
                }
                i++; // past '&' (or end)
                if (n >>> 1 >= maxFields) {
                    throw new FormLimitExceededException(
                            FormLimitExceededException.MAX_FIELDS, maxFields, (n >>> 1) + 1);
                }
                if (n == out.length) {
                    out = s.grow(out);
                }
                out[n] = name;
                out[n + 1] = value;
                n += 2;
            }
            return n == 0 ? FormFields.EMPTY : new FormFields(Arrays.copyOf(out, n));
        } finally {
            s.release(out, n);
        }
    }

    private void checkBodyLength(int length) {
        if (length > maxBodyBytes) {
            throw new FormLimitExceededException(
                    FormLimitExceededException.MAX_BODY_BYTES, maxBodyBytes, length);
        }
    }

    /**
     * Decodes the component starting at start: it ends at the first '&', the first stop byte
     * (stop8 has it in every lane, stopClass is its class), or end, which goes to s.stop.
     * Bytes are read once, eight at a time where possible: (x - 0x01..) & ~x & 0x80.. marks
     * the zero bytes of x, exactly for the lowest one (a false mark only sits above a true one).
     */
    private static String component(byte[] b, int start, int end, long stop8, int stopClass, Scratch s) {
        // 1. up to the first byte that ends the component or needs decoding
        int i = start;
        long m = 0;
        for (; i <= end - 8; i += 8) {
            long w = (long) LONGS.get(b, i);
            long xa = w ^ AMP8;
            long xs = w ^ stop8;
            long xp = w ^ PCT8;
            long xq = w ^ PLUS8;
            m = ((xa - ONES) & ~xa | (xs - ONES) & ~xs | (xp - ONES) & ~xp | (xq - ONES) & ~xq | w) & HIGH;
            if (m != 0) {
                i += Long.numberOfTrailingZeros(m) >>> 3;
                break;
            }
        }
        if (m == 0) {
            while (i < end && CLASS[b[i] & 0xFF] == 0) {
                i++;
            }
        }
        if (i == end || (CLASS[b[i] & 0xFF] & stopClass) != 0) {
            s.stop = i;
            return i == start ? "" : new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        }
        // 2. '%', '+' or non-ASCII at i: decode from here to the end of the component
        byte[] dst = s.bytes;
        int len = i - start;
        if (len > dst.length - 8) {
            dst = s.grow(dst, len, end - start);
        }
        System.arraycopy(b, start, dst, 0, len);
        long high = 0;
        int k = i;
        while (k < end) {
            if (len > dst.length - 8) {
                dst = s.grow(dst, len, end - k);
            }
            int c = b[k];
            if ((CLASS[c & 0xFF] & stopClass) != 0) {
                break;
            }
            if (c != '%' && k <= end - 8) {
                // a word: copy up to the next '%' or stop byte, '+' turned into ' '
                long w = (long) LONGS.get(b, k);
                long xa = w ^ AMP8;
                long xs = w ^ stop8;
                long xp = w ^ PCT8;
                long xq = w ^ PLUS8;
                long plus = ~(((xq & LOW7) + LOW7) | xq | LOW7); // exact in every lane
                LONGS.set(dst, len, w ^ ((plus >>> 7) * ('+' ^ ' ')));
                m = ((xa - ONES) & ~xa | (xs - ONES) & ~xs | (xp - ONES) & ~xp) & HIGH;
                if (m == 0) {
                    high |= w;
                    len += 8;
                    k += 8;
                } else {
                    int run = Long.numberOfTrailingZeros(m) >>> 3; // >= 1: lane 0 is none of them
                    high |= w & ((1L << (run << 3)) - 1);
                    len += run;
                    k += run;
                }
                continue;
            }
            if (c == '%' && k + 2 < end) {
                int hi = HEX[b[k + 1] & 0xFF];
                int lo = HEX[b[k + 2] & 0xFF];
                if ((hi | lo) >= 0) {
                    c = (hi << 4) | lo;
                    k += 2;
                }
            } else {
                c = PLUS_TO_SPACE[c & 0xFF];
            }
            high |= c & 0x80;
            dst[len++] = (byte) c;
            k++;
        }
        s.stop = k;
        if ((high & HIGH) == 0) {
            return new String(dst, 0, len, StandardCharsets.ISO_8859_1);
        }
        char[] chars = s.chars(len);
        return new String(chars, 0, Utf8.decode(dst, 0, len, chars));
    }

    /** Per-thread scratch; holds no reference to caller data between calls. */
    private static final class Scratch {
        String[] strings = new String[16];
        byte[] bytes = new byte[256];
        char[] chars = new char[256];
        int stop;

        String[] grow(String[] used) {
            String[] bigger = Arrays.copyOf(used, used.length * 2);
            Arrays.fill(used, null);
            if (bigger.length <= RETAINED_SCRATCH) {
                strings = bigger;
            }
            return bigger;
        }

        /** A copy of dst[0, len) with room for at least 8 more bytes; at most needed + 8 if that is less than double. */
        byte[] grow(byte[] dst, int len, int needed) {
            int size = Math.max(len + 8, Math.min(dst.length * 2, len + needed + 8));
            byte[] bigger = Arrays.copyOf(dst, size);
            if (size <= RETAINED_SCRATCH) {
                bytes = bigger;
            }
            return bigger;
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

        void release(String[] used, int n) {
            if (used == strings) {
                Arrays.fill(used, 0, n, null);
            }
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
