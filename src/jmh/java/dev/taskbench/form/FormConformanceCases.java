package dev.taskbench.form;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hand-written expectations for the WHATWG application/x-www-form-urlencoded parser. Bodies are
 * written one char per byte (ISO-8859-1), so "\u00E2" is the raw byte E2. Used by the conformance
 * test and by {@link FormDeviationReport} to see where other parsers differ.
 */
public final class FormConformanceCases {
    /** One case; expected pairs are flattened: name0, value0, name1, value1, ... */
    public record Case(String id, byte[] body, List<String> expected) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final String R = "\uFFFD";

    public static final List<Case> CASES = List.of(
        c("empty body", ""),
        c("one pair", "a=b", "a", "b"),
        c("two pairs", "a=b&c=d", "a", "b", "c", "d"),
        c("lone &", "&"),
        c("only &s", "&&&"),
        c("empty piece inside", "a=b&&c=d", "a", "b", "c", "d"),
        c("leading and trailing &", "&a=b&", "a", "b"),
        c("no =", "a", "a", ""),
        c("no = then pair", "a&b=c", "a", "", "b", "c"),
        c("empty value", "a=", "a", ""),
        c("empty name", "=b", "", "b"),
        c("lone =", "=", "", ""),
        c("==", "==", "", "="),
        c("= in value", "a=b=c", "a", "b=c"),
        c("== in pair", "a==b", "a", "=b"),
        c("duplicates keep order", "a=1&b=2&a=3", "a", "1", "b", "2", "a", "3"),
        c("plus is space", "a+b=c+d", "a b", "c d"),
        c("encoded plus", "a%2Bb=c%2b", "a+b", "c+"),
        c("encoded space", "%20=%20", " ", " "),
        c("encoded & and =", "%26=%3D", "&", "="),
        c("semicolon is not a separator", "a=b;c=d", "a", "b;c=d"),
        c("lone %", "a=%", "a", "%"),
        c("truncated %2", "a=%2", "a", "%2"),
        c("bad hex %zz", "a=%zz", "a", "%zz"),
        c("half hex %2g", "a=%2g", "a", "%2g"),
        c("%% then escape", "a=%%41", "a", "%A"),
        c("% in name", "%=x", "%", "x"),
        c("%+1: plus first", "a=%+1", "a", "% 1"),
        c("%2+: plus first", "a=%2+", "a", "%2 "),
        c("escape cut by &", "a=%4&1=b", "a", "%4", "1", "b"),
        c("lower-case hex", "a=%e2%82%ac", "a", "\u20AC"),
        c("upper-case hex", "a=%E2%82%AC", "a", "\u20AC"),
        c("raw UTF-8", "a=\u00E2\u0082\u00AC", "a", "\u20AC"),
        c("escape split across raw byte", "a=%E2\u0082%AC", "a", "\u20AC"),
        c("raw UTF-8 name", "\u00C3\u00BC=1", "\u00FC", "1"),
        c("4-byte (surrogate pair)", "a=%F0%9F%98%80", "a", "\uD83D\uDE00"),
        c("max code point", "a=%F4%8F%BF%BF", "a", "\uDBFF\uDFFF"),
        c("last before surrogates", "a=%ED%9F%BF", "a", "\uD7FF"),
        c("encoded surrogate", "a=%ED%A0%80", "a", R + R + R),
        c("raw surrogate", "a=\u00ED\u00B0\u0080", "a", R + R + R),
        c("overlong 2-byte", "a=%C0%80", "a", R + R),
        c("overlong C1", "a=%C1%BF", "a", R + R),
        c("overlong 3-byte", "a=%E0%80%80", "a", R + R + R),
        c("overlong 4-byte", "a=%F0%80%80%80", "a", R + R + R + R),
        c("above U+10FFFF", "a=%F4%90%80%80", "a", R + R + R + R),
        c("F5 lead", "a=%F5%80%80%80", "a", R + R + R + R),
        c("FF byte", "a=%FF", "a", R),
        c("raw FE FF", "a=\u00FE\u00FF", "a", R + R),
        c("lone continuation", "a=%80", "a", R),
        c("two continuations", "a=%80%BF", "a", R + R),
        c("truncated 3-byte at end", "a=%E2%82", "a", R),
        c("truncated 3-byte then ASCII", "a=%E2%82x", "a", R + "x"),
        c("truncated 4-byte", "a=%F0%9F%98", "a", R),
        c("truncated 2-byte at end", "a=%C3", "a", R),
        c("bad second byte", "a=%E2%28%A1", "a", R + "(" + R),
        c("truncated before &", "a=%C3&b=c", "a", R, "b", "c"),
        c("encoded BOM kept", "%EF%BB%BFa=b", "\uFEFFa", "b"),
        c("raw BOM kept", "\u00EF\u00BB\u00BFa=b", "\uFEFFa", "b"),
        c("encoded NUL", "a=%00", "a", "\u0000"),
        c("raw NUL", "a\u0000=b", "a\u0000", "b"),
        c("raw CR LF kept", "a=b\r\n", "a", "b\r\n"),
        c("encoded CR LF", "a=%0D%0A", "a", "\r\n"),
        c("no trimming", " a = b ", " a ", " b "),
        c("Latin-1 text as UTF-8", "n=J%C3%BCrgen+M%C3%BCller", "n", "J\u00FCrgen M\u00FCller"),
        c("encoded name", "%41%42=1", "AB", "1"),
        c("trailing bare name", "a=b&c", "a", "b", "c", ""),
        c("empty pair between", "a=1&=&b=2", "a", "1", "", "", "b", "2")
    );

    private FormConformanceCases() {
    }

    private static Case c(String id, String body, String... expected) {
        return new Case(id, body.getBytes(StandardCharsets.ISO_8859_1), List.of(expected));
    }
}
