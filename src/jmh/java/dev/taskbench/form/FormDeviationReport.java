package dev.taskbench.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the conformance table and the benchmark inputs through every contender and prints where
 * each differs from the WHATWG parser. Results are compared grouped by name (multimaps cannot
 * keep interleaved duplicates in order), so only decoding differences count.
 *
 * <p>{@code java -cp target/benchmarks.jar dev.taskbench.form.FormDeviationReport}
 */
public final class FormDeviationReport {
    private FormDeviationReport() {
    }

    /** Null if the contender decodes body to the expected pairs, else what it produced instead. */
    public static String check(FormContenders.Decoder c, byte[] body, List<String> expected) {
        Map<String, List<String>> want = FormContenders.group(expected);
        Map<String, List<String>> got;
        try {
            got = c.grouped(c.decode(body.clone())); // a clone: Tomcat decodes in place
        } catch (Throwable t) {
            return "throws " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + abbreviate(t.getMessage()));
        }
        return FormContenders.same(want, got) ? null : "got " + abbreviate(show(got)) + ", want " + abbreviate(show(want));
    }

    public static void main(String[] args) {
        int total = 0;
        System.out.println("| contender | deviating cases | details |");
        System.out.println("|---|---|---|");
        for (Contender contender : Contender.values()) {
            if (!contender.parses()) {
                continue;
            }
            List<String> bad = new ArrayList<>();
            for (FormConformanceCases.Case k : FormConformanceCases.CASES) {
                String d = check(contender.create(), k.body(), k.expected());
                if (d != null) {
                    bad.add(k.id() + ": " + d);
                }
            }
            for (FormInput input : FormInput.values()) {
                FormInput.Sample in = input.sample();
                String d = check(contender.create(), in.body(), in.expected());
                if (d != null) {
                    bad.add("input " + input + ": " + d);
                }
            }
            total += bad.size();
            System.out.println("| " + contender + " | " + bad.size() + " | " + String.join("; ", bad) + " |");
        }
        System.out.println("(" + FormConformanceCases.CASES.size() + " conformance cases + "
                + FormInput.values().length + " inputs per contender; " + total + " deviations)");
    }

    private static String show(Map<String, List<String>> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(escape(k)).append('=');
            List<String> vs = new ArrayList<>();
            v.forEach(s -> vs.add(escape(s)));
            sb.append(vs.size() == 1 ? vs.get(0) : vs.toString());
        });
        return sb.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp >= 0x7F) {
                sb.append(cp > 0xFFFF ? String.format("U+%X", cp) : String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }

    private static String abbreviate(String s) {
        s = s.replace('\n', ' ').replace('|', '/');
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
