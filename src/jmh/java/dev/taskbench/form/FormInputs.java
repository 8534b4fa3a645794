package dev.taskbench.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The five benchmark bodies, each with the pairs it encodes (built independently of any decoder). */
public final class FormInputs {
    public static final String[] NAMES = {"seed", "ascii", "nonAscii", "fields1000", "description64k"};

    /** A body and its expected pairs, flattened: name0, value0, ... */
    public record Input(byte[] body, List<String> expected) {
    }

    static final String SEED_TITLE = "Buy milk and eggs";
    static final String SEED_DESCRIPTION =
            "Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread";

    private FormInputs() {
    }

    public static Input get(String name) {
        return switch (name) {
            // the seed experiment's body, byte for byte
            case "seed" -> new Input(ascii("title=Buy+milk+and+eggs&description=Two+litres+of+organic+semi-skimmed"
                    + "+milk%2C+a+dozen+free-range+eggs+%26+50%25+off+bread"),
                    List.of("title", SEED_TITLE, "description", SEED_DESCRIPTION));
            // same shape and size, nothing to decode
            case "ascii" -> new Input(ascii("title=Buy_milk_and_eggs&description=Two_litres_of_organic_semi-skimmed"
                    + "_milk,_a_dozen_free-range_eggs_._50_off_bread"),
                    List.of("title", "Buy_milk_and_eggs", "description",
                            "Two_litres_of_organic_semi-skimmed_milk,_a_dozen_free-range_eggs_._50_off_bread"));
            // every non-ASCII character percent-encoded: German, Greek, Cyrillic, Japanese, emoji
            case "nonAscii" -> encoded(List.of(
                    "title", "Milch, Eier und Brötchen kaufen — Μήλα, молоко и яйца",
                    "description", "牛乳2リットルと卵1ダース、パンは50%引き 🥛🥚🍞 (Grüße, Ærøskøbing)"));
            case "fields1000" -> {
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    pairs.add("field" + i);
                    pairs.add(i % 2 == 0 ? "value" + i : "value number " + i);
                }
                yield encoded(pairs);
            }
            case "description64k" -> {
                StringBuilder d = new StringBuilder();
                while (URLEncoder.encode(d.toString(), StandardCharsets.UTF_8).length() < 64 * 1024) {
                    d.append(SEED_DESCRIPTION).append(". ");
                }
                yield encoded(List.of("title", SEED_TITLE, "description", d.toString()));
            }
            default -> throw new IllegalArgumentException("unknown input " + name);
        };
    }

    private static Input encoded(List<String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return new Input(ascii(sb.toString()), List.copyOf(pairs));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
