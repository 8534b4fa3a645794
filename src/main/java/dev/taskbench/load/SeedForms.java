package dev.taskbench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seed's request bodies: a title drawn from a list of titles and a description from a list of
 * descriptions, as its script's {@code random.choice(titles)} and {@code random.choice(descriptions)},
 * the same body for the same user and request number on every stack.
 */
public final class SeedForms {
    // The seed published neither its lists nor their lengths: seeded random words of a-z, lengths our choice.
    /** The generator's seed: lists and picks are the same in every run. */
    static final long SEED = 0x5eed_f0e5L;
    /** How many titles and descriptions the lists hold. */
    static final int LIST_SIZE = 100;
    /** Words per title, lowest and highest. */
    static final int TITLE_WORDS_MIN = 2;
    static final int TITLE_WORDS_MAX = 6;
    /** Words per description, lowest and highest. */
    static final int DESCRIPTION_WORDS_MIN = 6;
    static final int DESCRIPTION_WORDS_MAX = 24;
    /** Letters per word, lowest and highest. */
    static final int WORD_MIN = 2;
    static final int WORD_MAX = 9;

    /** The seed's list of titles. */
    public static final List<String> TITLES = list(SEED, TITLE_WORDS_MIN, TITLE_WORDS_MAX);
    /** The seed's list of descriptions. */
    public static final List<String> DESCRIPTIONS = list(SEED + 1, DESCRIPTION_WORDS_MIN, DESCRIPTION_WORDS_MAX);

    private SeedForms() {
    }

    /** One request's picks, and the tag its title ends with so that its row is found and checked. */
    public record Form(String title, String description, String tag) {
        /** The title as the row holds it: the pick, a space, the tag. */
        public String storedTitle() {
            return title + " " + tag;
        }

        /** The form body, US-ASCII: spaces as {@code +} (the lists hold nothing else to encode). */
        public byte[] body() {
            return ("title=" + storedTitle().replace(' ', '+') + "&description=" + description.replace(' ', '+'))
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** User {@code user}'s request {@code i} of the round {@code marker} tags. */
    public static Form form(String marker, int user, int i) {
        long pick = pick(user, i);
        return new Form(TITLES.get((int) Long.remainderUnsigned(pick, LIST_SIZE)),
                DESCRIPTIONS.get((int) Long.remainderUnsigned(pick >>> 32, LIST_SIZE)), tag(marker, user, i));
    }

    /** {@code marker-user-i}: the end of the stored title, after the last space. */
    public static String tag(String marker, int user, int i) {
        return marker + "-" + user + "-" + i;
    }

    /**
     * The form a stored title was posted with, read from its tag, or null when it carries none of
     * {@code marker}'s.
     */
    public static Form posted(String marker, String storedTitle) {
        int space = storedTitle.lastIndexOf(' ');
        String tag = storedTitle.substring(space + 1);
        if (space < 0 || !tag.startsWith(marker + "-")) {
            return null;
        }
        String[] ui = tag.substring(marker.length() + 1).split("-");
        try {
            return ui.length == 2 ? form(marker, Integer.parseInt(ui[0]), Integer.parseInt(ui[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A draw for user and request number alone, so that every stack gets the same sequence whatever the order. */
    private static long pick(int user, int i) {
        return new SplittableRandom(SEED ^ ((long) user << 32 | (i & 0xffffffffL))).nextLong();
    }

    private static List<String> list(long seed, int minWords, int maxWords) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(LIST_SIZE);
        for (int n = 0; n < LIST_SIZE; n++) {
            StringBuilder sb = new StringBuilder();
            for (int w = r.nextInt(minWords, maxWords + 1); w > 0; w--) {
                for (int c = r.nextInt(WORD_MIN, WORD_MAX + 1); c > 0; c--) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
                sb.append(w > 1 ? " " : "");
            }
            out.add(sb.toString());
        }
        return List.copyOf(out);
    }
}
