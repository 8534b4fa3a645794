package dev.taskbench.form;

import java.nio.ByteBuffer;
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
 * nothing in it outlives a call; scratch beyond {@value #RETAINED_SCRATCH} elements is
 * allocated per call and dropped. With virtual threads the scratch is simply per request.
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
                int start = i;
                int c = 0;
                while (i < end && (c = CLASS[body[i] & 0xFF]) == 0) {
                    i++;
                }
                String name;
                if (i < end && c == DECODE) {
                    i = decode(body, start, i, end, AMP | EQ, s);
                    name = s.result;
                } else if (i == start) {
                    if (i == end || c == AMP) {
                        i++; // empty piece
                        continue;
                    }
                    name = "";
                } else {
                    name = new String(body, start, i - start, StandardCharsets.ISO_8859_1);
                }
                String value = "";
                if (i < end && body[i] == '=') {
                    start = ++i;
                    while (i < end && (c = CLASS[body[i] & 0xFF] & (AMP | DECODE)) == 0) {
                        i++;
                    }
                    if (i < end && c == DECODE) {
                        i = decode(body, start, i, end, AMP, s);
                        value = s.result;
                    } else if (i > start) {
                        value = new String(body, start, i - start, StandardCharsets.ISO_8859_1);
                    }
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
     * Decodes the component starting at start whose first byte needing work is at from; it ends
     * before the first byte whose class is in stopMask. Leaves the string in s.result and
     * returns the end index.
     */
    private static int decode(byte[] body, int start, int from, int end, int stopMask, Scratch s) {
        int stop = from;
        while (stop < end && (CLASS[body[stop] & 0xFF] & stopMask) == 0) {
            stop++;
        }
        byte[] dst = s.bytes(stop - start);
        int len = from - start;
        System.arraycopy(body, start, dst, 0, len);
        int high = 0;
        for (int k = from; k < stop; k++) {
            int b = body[k];
            if (b == '%' && k + 2 < stop) {
                int hi = HEX[body[k + 1] & 0xFF];
                int lo = HEX[body[k + 2] & 0xFF];
                if ((hi | lo) >= 0) {
                    b = (hi << 4) | lo;
                    k += 2;
                }
            } else {
                b = PLUS_TO_SPACE[b & 0xFF];
            }
            high |= b;
            dst[len++] = (byte) b;
        }
        if ((high & 0x80) == 0) {
            s.result = new String(dst, 0, len, StandardCharsets.ISO_8859_1);
        } else {
            char[] chars = s.chars(len);
            s.result = new String(chars, 0, Utf8.decode(dst, 0, len, chars));
        }
        return stop;
    }

    /** Per-thread scratch; holds no reference to caller data between calls. */
    private static final class Scratch {
        String[] strings = new String[16];
        byte[] bytes = new byte[256];
        char[] chars = new char[256];
        String result;

        String[] grow(String[] used) {
            String[] bigger = Arrays.copyOf(used, used.length * 2);
            Arrays.fill(used, null);
            if (bigger.length <= RETAINED_SCRATCH) {
                strings = bigger;
            }
            return bigger;
        }

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

        void release(String[] used, int n) {
            result = null;
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
