package dev.taskbench.findings;

import dev.taskbench.declare.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Finding} as declared on a benchmark class, its rows parsed.
 *
 * @param declaredOn the benchmark class carrying the declaration
 * @param ofFlagSet empty: every flag set of the run, each against itself
 */
public record Question(String declaredOn, String group, RowSpec of, RowSpec to, List<String> notFastest,
        Optional<String> ofFlagSet, Optional<String> toFlagSet, String says, Finding.Better better) {

    public Question {
        notFastest = List.copyOf(notFastest);
    }

    static Question of(String declaredOn, Finding f) {
        RowSpec of = RowSpec.parse(f.of(), declaredOn);
        RowSpec to = f.to().isBlank() ? of : RowSpec.parse(f.to(), declaredOn);
        return new Question(declaredOn, f.group(), of, to, List.of(f.notFastest()), blank(f.ofFlagSet()),
                blank(f.toFlagSet()), f.says(), f.better());
    }

    private static Optional<String> blank(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** Both rows in named flag sets (interpreter against C2), not within each flag set. */
    boolean acrossFlagSets() {
        return ofFlagSet.isPresent();
    }
}
