package dev.taskbench.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One row of the seed's form: what a POST writes into {@code task}. */
public record Task(String title, String description) {
    /**
     * The seed experiment's request body, byte for byte as its client sent it (US-ASCII); it
     * decodes to {@link #SEED}. The one copy that servers, benchmarks and tests post.
     */
    public static final String SEED_BODY = "title=Buy+milk+and+eggs&description=Two+litres+of+organic+semi-skimmed"
            + "+milk%2C+a+dozen+free-range+eggs+%26+50%25+off+bread";
    /** The row the seed's body writes; the pgbench ceiling inserts the same values. */
    public static final Task SEED = new Task("Buy milk and eggs",
            "Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread");

    /**
     * The seed's body with {@code titleSuffix} (already form-encoded, such as {@code "+run7-3"})
     * appended to the title, to tell the rows of one run apart.
     */
    public static String seedBody(String titleSuffix) {
        int amp = SEED_BODY.indexOf('&');
        return SEED_BODY.substring(0, amp) + titleSuffix + SEED_BODY.substring(amp);
    }

    public Task {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }

    /** {@code n} copies of the seed row, numbered so that rows are distinguishable when read back. */
    public static List<Task> seedRows(int n) {
        List<Task> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Task(SEED.title() + " #" + i, SEED.description()));
        }
        return List.copyOf(rows);
    }
}
