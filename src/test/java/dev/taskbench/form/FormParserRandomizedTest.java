package dev.taskbench.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.taskbench.write.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** FormParser against ReferenceDecoder on random and mutated bodies; only the limit exception may escape. */
class FormParserRandomizedTest {
    private static final long SEED = Long.getLong("form.seed", 0x5EED_F0F0L);
    private static final int BODIES = Integer.getInteger("form.bodies", 1_000_000);

    // interesting fragments: separators, escapes (good, bad, cut), UTF-8 (valid, overlong, surrogate, truncated)
    private static final String[] FRAGMENTS = {
        "&", "=", "+", "%", "%2", "%20", "%2B", "%26", "%3D", "%zz", "%g1", "%%", "a", "b", "name", "x y",
        "%C3%BC", "%E2%82%AC", "%F0%9F%98%80", "%ED%A0%80", "%C0%80", "%E0%80%80", "%F4%90%80%80",
        "%E2%82", "%F0%9F", "%80", "%FF", "%EF%BB%BF", "%00", "\r\n", ";", "%e2", "%8", "%a",
    };
    private static final byte[][] RAW = {
        {(byte) 0xC3, (byte) 0xBC}, {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xC0}, {(byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xF4, (byte) 0x8F}, {(byte) 0xE0, (byte) 0xA0}, {0},
    };

    @Test
    void randomAndMutatedBodiesMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> corpus = new ArrayList<>();
        FormConformanceCases.CASES.forEach(c -> corpus.add(c.body()));
        corpus.add(Task.SEED_BODY.getBytes(StandardCharsets.US_ASCII));
        FormParser defaults = new FormParser();
        FormParser[] tight = new FormParser[6];
        for (int i = 0; i < tight.length; i++) {
            tight[i] = FormParser.builder().maxFields(i).maxBodyBytes(8 + 8 * i).build();
        }
        int limitHits = 0;
        byte[] body = null;
        try {
            for (int n = 0; n < BODIES; n++) {
                int kind = rnd.nextInt(4);
                body = switch (kind) {
                    case 0 -> randomBytes(rnd);
                    case 1 -> fragments(rnd);
                    case 2 -> mutate(rnd, corpus.get(rnd.nextInt(corpus.size())));
                    default -> longBody(rnd);
                };
                if (kind == 1 && rnd.nextInt(64) == 0 && corpus.size() < 4096) {
                    corpus.add(body);
                }
                FormParser p = rnd.nextInt(8) == 0 ? tight[rnd.nextInt(tight.length)] : defaults;
                if (check(p, body, rnd)) {
                    limitHits++;
                }
            }
        } catch (Throwable t) {
            fail("seed " + SEED + " (rerun with -Dform.seed=" + SEED + "), body "
                    + (body == null ? "?" : HexFormat.of().formatHex(body)) + ": " + t, t);
        }
        assertTrue(limitHits > 0, "the tight parsers never hit a limit");
    }

    /** Returns true if the body hit a limit (as the reference says it should). */
    private static boolean check(FormParser p, byte[] body, SplittableRandom rnd) {
        List<String> expected = ReferenceDecoder.parse(body);
        boolean overLimit = body.length > p.maxBodyBytes() || expected.size() / 2 > p.maxFields();
        // parse a slice of a padded array to catch reads outside [offset, offset + length)
        int pad = rnd.nextInt(3);
        byte[] padded = new byte[body.length + 2 * pad];
        for (int i = 0; i < pad; i++) {
            padded[i] = (byte) (i == 0 ? '%' : '8');
            padded[padded.length - 1 - i] = (byte) (i == 0 ? '%' : 'A');
        }
        System.arraycopy(body, 0, padded, pad, body.length);
        try {
            List<String> actual = FormParserConformanceTest.flatten(p.parse(padded, pad, body.length));
            if (overLimit) {
                fail("expected a limit exception, got " + actual);
            }
            assertEquals(expected, actual);
            return false;
        } catch (FormLimitExceededException e) {
            if (!overLimit) {
                throw new AssertionError("unexpected " + e.getMessage(), e);
            }
            return true;
        }
    }

    private static byte[] randomBytes(SplittableRandom rnd) {
        byte[] b = new byte[rnd.nextInt(24)];
        String alphabet = "ab=&%+2Ee8Ff0";
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextBoolean() ? (byte) alphabet.charAt(rnd.nextInt(alphabet.length())) : (byte) rnd.nextInt(256);
        }
        return b;
    }

    /**
     * Longer bodies with long plain runs, for the eight-bytes-at-a-time paths; includes each
     * separator's value xor 1 (' < $ *), which a sloppy zero-byte test would mistake for it.
     */
    private static byte[] longBody(SplittableRandom rnd) {
        byte[] b = new byte[rnd.nextInt(160)];
        String alphabet = "&=%+'<$*aB0 9fF";
        int special = 4 + rnd.nextInt(40);
        for (int i = 0; i < b.length; i++) {
            int r = rnd.nextInt(special);
            b[i] = r == 0 ? (byte) alphabet.charAt(rnd.nextInt(alphabet.length()))
                    : r == 1 ? (byte) (0x80 + rnd.nextInt(0x80)) : (byte) ('a' + rnd.nextInt(26));
        }
        return b;
    }

    private static byte[] fragments(SplittableRandom rnd) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int parts = rnd.nextInt(12);
        for (int i = 0; i < parts; i++) {
            if (rnd.nextInt(4) == 0) {
                out.writeBytes(RAW[rnd.nextInt(RAW.length)]);
            } else {
                out.writeBytes(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    private static byte[] mutate(SplittableRandom rnd, byte[] src) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int edits = 1 + rnd.nextInt(3);
        byte[] cur = src;
        for (int e = 0; e < edits; e++) {
            out.reset();
            int at = cur.length == 0 ? 0 : rnd.nextInt(cur.length + 1);
            out.write(cur, 0, at);
            switch (rnd.nextInt(4)) {
                case 0 -> out.write(rnd.nextInt(256)); // insert
                case 1 -> { // delete
                    if (at < cur.length) {
                        at++;
                    }
                }
                case 2 -> { // replace
                    out.write("&=%+".charAt(rnd.nextInt(4)));
                    if (at < cur.length) {
                        at++;
                    }
                }
                default -> out.writeBytes(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(cur, at, cur.length - at);
            cur = out.toByteArray();
        }
        return cur;
    }

    @Test
    void oneParserSharedByThreads() throws Exception {
        FormParser shared = new FormParser();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = SEED + t;
                done.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    for (int n = 0; n < 20_000; n++) {
                        byte[] body = fragments(rnd);
                        assertEquals(ReferenceDecoder.parse(body), FormParserConformanceTest.flatten(shared.parse(body)),
                                () -> "seed " + seed + ", body " + HexFormat.of().formatHex(body));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
