package dev.taskbench.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One row of the seed's form: what a POST writes into {@code task}. */
public record Task(String title, String description) {
    /** The seed's own example body, decoded; the pgbench ceiling inserts the same values. */
    public static final Task SEED = new Task("Buy milk and eggs",
            "Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread");

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
