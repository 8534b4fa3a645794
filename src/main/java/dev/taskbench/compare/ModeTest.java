package dev.taskbench.compare;

import dev.taskbench.results.BenchmarkResult;
import java.util.Optional;

/**
 * A row's test when its forks land in more than one mode on either side: one rank test over a
 * mixture answers neither "did a mode move?" nor "did the forks move between modes?". Supplied by
 * the layer that calls {@link Comparison} (the mode detection lives outside this package); empty
 * when the row has one mode on both sides, and the rank test stands.
 */
@FunctionalInterface
public interface ModeTest {
    /** No row is tested by modes. */
    ModeTest NONE = (base, candidate, criteria) -> Optional.empty();

    Optional<Outcome> test(BenchmarkResult base, BenchmarkResult candidate, Criteria criteria);

    /**
     * @param verdict the test's own verdict at alpha, before the correction over rows
     * @param p one p for "nothing changed" over all its questions: it takes the rank test's place in
     *          Benjamini-Hochberg, so the row counts once in the family either way
     * @param minP the smallest p these forks allow (the bound {@link Power} takes for the rank test)
     * @param reason in a few words, without the verdict: "the fast mode moved +19%"
     */
    record Outcome(Verdict verdict, double p, double minP, String reason) {
    }
}
