package dev.taskbench.stability;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A row's forks classified together, as Barrett et al. (OOPSLA 2017) class a benchmark across its
 * process executions: consistent when every fork has the same class, good inconsistent when only
 * flat and warm-up mix, bad inconsistent otherwise; with the median time to steady state over the
 * forks that reach one, and its interquartile range, as warmup_stats reports it.
 */
public record RowSteadiness(List<ForkSteadiness> forks) {

    public RowSteadiness {
        forks = List.copyOf(forks);
    }

    public enum Consistency {
        CONSISTENT("consistent"),
        GOOD_INCONSISTENT("good inconsistent"),
        BAD_INCONSISTENT("bad inconsistent");

        private final String text;

        Consistency(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Empty when no fork has enough iterations to be classified. */
    public Optional<Consistency> consistency() {
        Set<ForkClass> kinds = forks.stream().map(ForkSteadiness::kind).filter(k -> k != ForkClass.UNCLASSIFIED)
                .collect(Collectors.toSet());
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        if (kinds.size() == 1) {
            return Optional.of(Consistency.CONSISTENT);
        }
        return Optional.of(Set.of(ForkClass.FLAT, ForkClass.WARMUP).containsAll(kinds) ? Consistency.GOOD_INCONSISTENT
                : Consistency.BAD_INCONSISTENT);
    }

    public Map<ForkClass, Long> counts() {
        Map<ForkClass, Long> m = new EnumMap<>(ForkClass.class);
        forks.forEach(f -> m.merge(f.kind(), 1L, Long::sum));
        return m;
    }

    /** Forks that reach a steady state. */
    public int steadyForks() {
        return (int) forks.stream().filter(f -> f.kind().steady()).count();
    }

    /** Median over the steady forks of the time before their steady state; empty when none is steady. */
    public Optional<Double> secondsToSteady() {
        double[] s = steadySeconds();
        return s.length == 0 ? Optional.empty() : Optional.of(Spread.median(s));
    }

    /** The 25th and 75th percentiles of the same; empty when no fork is steady. */
    public Optional<double[]> secondsToSteadyIqr() {
        double[] s = steadySeconds();
        return s.length == 0 ? Optional.empty() : Optional.of(new double[] {Spread.percentile(s, 25), Spread.percentile(s, 75)});
    }

    private double[] steadySeconds() {
        return forks.stream().filter(f -> f.kind().steady()).mapToDouble(f -> f.secondsToSteady().orElseThrow()).toArray();
    }

    /**
     * Whether a warm-up of {@code declaredSeconds} (the row's {@code @Warmup}, or a profile's) ends
     * before the median of its steady forks is steady. A fork never steady says nothing of the
     * warm-up: no length of it would settle that fork ({@link #neverSteady}).
     */
    public boolean warmupTooShort(double declaredSeconds) {
        return secondsToSteady().map(s -> s > declaredSeconds).orElse(false);
    }

    /** Whether some fork has no steady state: still changing in its last quarter, or slower at its end. */
    public boolean neverSteady() {
        return steadyForks() < forks.size();
    }

    /**
     * "steady after 1.8 s in 9 of 10 forks; never steady in 1 (bad inconsistent: 8 warm-up, 1 flat,
     * 1 no steady state)".
     */
    public String describe() {
        int n = forks.size();
        int steady = steadyForks();
        StringBuilder s = new StringBuilder();
        if (steady > 0) {
            s.append("steady after ").append(Figures.seconds(secondsToSteady().orElseThrow())).append(" in ")
                    .append(steady).append(" of ").append(n).append(n == 1 ? " fork" : " forks");
        }
        long never = counts().getOrDefault(ForkClass.NO_STEADY_STATE, 0L);
        if (never > 0) {
            s.append(s.length() > 0 ? "; never steady in " + never : "never steady in " + never + " of " + n + " forks");
        }
        long unclassified = counts().getOrDefault(ForkClass.UNCLASSIFIED, 0L);
        if (unclassified > 0) {
            s.append(s.length() > 0 ? "; " : "").append(unclassified).append(" with too few iterations to tell");
        }
        consistency().ifPresent(c -> s.append(" (").append(c.text()).append(": ").append(breakdown()).append(")"));
        return s.toString();
    }

    private String breakdown() {
        return counts().entrySet().stream().filter(e -> e.getKey() != ForkClass.UNCLASSIFIED)
                .map(e -> e.getValue() + " " + e.getKey().text()).collect(Collectors.joining(", "));
    }

    /** Each fork's class, in fork order. */
    public List<ForkClass> kinds() {
        return forks.stream().map(ForkSteadiness::kind).toList();
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(kinds().toArray());
    }
}
