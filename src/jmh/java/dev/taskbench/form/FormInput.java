package dev.taskbench.form;

import dev.taskbench.write.Task;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark bodies, by the name {@link FormParsingBenchmark}'s {@code input} parameter takes,
 * each with the pairs it encodes (built independently of any decoder).
 */
public enum FormInput {
    /** The seed experiment's body, byte for byte. */
    seed {
        @Override
        public Sample sample() {
            return new Sample(ascii(Task.SEED_BODY),
                    List.of("title", Task.SEED.title(), "description", Task.SEED.description()));
        }
    },
    /** Same shape and size, nothing to decode. */
    ascii {
        @Override
        public Sample sample() {
            return new Sample(ascii("title=Buy_milk_and_eggs&description=Two_litres_of_organic_semi-skimmed"
                    + "_milk,_a_dozen_free-range_eggs_._50_off_bread"),
                    List.of("title", "Buy_milk_and_eggs", "description",
                            "Two_litres_of_organic_semi-skimmed_milk,_a_dozen_free-range_eggs_._50_off_bread"));
        }
    },
    /** Every non-ASCII character percent-encoded: German, Greek, Cyrillic, Japanese, emoji. */
    nonAscii {
        @Override
        public Sample sample() {
            return encoded(List.of(
                    "title", "Milch, Eier und Brötchen kaufen — Μήλα, молоко и яйца",
                    "description", "牛乳2リットルと卵1ダース、パンは50%引き 🥛🥚🍞 (Grüße, Ærøskøbing)"));
        }
    },
    fields1000 {
        @Override
        public Sample sample() {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                pairs.add("field" + i);
                pairs.add(i % 2 == 0 ? "value" + i : "value number " + i);
            }
            return encoded(pairs);
        }
    },
    description64k {
        @Override
        public Sample sample() {
            // the fewest repeats whose encoding reaches 64 KiB: percent-encoding is per character, so
            // the encoded length of n repeats is n times one's
            String unit = Task.SEED.description() + ". ";
            int encoded = URLEncoder.encode(unit, StandardCharsets.UTF_8).length();
            String d = unit.repeat((64 * 1024 + encoded - 1) / encoded);
            return encoded(List.of("title", Task.SEED.title(), "description", d));
        }
    };

    /** A body and its expected pairs, flattened: name0, value0, ... */
    public record Sample(byte[] body, List<String> expected) {
    }

    /** A new copy of the body with its expected pairs. */
    public abstract Sample sample();

    private static Sample encoded(List<String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return new Sample(ascii(sb.toString()), List.copyOf(pairs));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
