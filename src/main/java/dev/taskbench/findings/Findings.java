package dev.taskbench.findings;

import dev.taskbench.compare.Bootstrap;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.compare.Interval;
import dev.taskbench.compare.PairDrift;
import dev.taskbench.compare.Stats;
import dev.taskbench.declare.Declarations;
import dev.taskbench.declare.Finding;
import dev.taskbench.declare.SingleRowWrite;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the questions declared ({@link Finding}) on the benchmark classes of a run, with the
 * statistics of {@code compare}: per row the forks' scores as time per operation, the ratio of
 * their medians and its percentile bootstrap interval ({@link Bootstrap}), widened by the ratio's
 * run-to-run drift where earlier runs give it ({@link PairDrift}). A question whose rows
 * the run does not hold is left out. Every single-row write ({@link SingleRowWrite}) with pgbench
 * samples is also held against pgbench: its rows/s over the samples' (group {@value #CEILING_GROUP}).
 */
public final class Findings {
    public static final String CEILING_GROUP = "Single-row writes as a share of pgbench";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private Findings() {
    }

    /** The questions declared on the classes of these benchmarks ({@code package.Class.method}), in order. */
    public static List<Question> declaredFor(List<String> benchmarks) {
        Set<String> classes = new LinkedHashSet<>();
        benchmarks.forEach(b -> classes.add(b.substring(0, b.lastIndexOf('.'))));
        List<Question> out = new ArrayList<>();
        for (String c : classes) {
            Declarations.allOnClass(c, Finding.class).forEach(f -> out.add(Question.of(c, f)));
        }
        return out;
    }

    /** Every question the run holds the rows of, then the ceiling answers, from the run's forks alone. */
    public static List<Answer> of(RunResults run, Criteria o) {
        return of(run, o, PairDrift.NONE);
    }

    /**
     * Every question the run holds the rows of, then the ceiling answers; groups in their first question's
     * order. A time ratio's interval holds its {@code drift} where there is one.
     */
    public static List<Answer> of(RunResults run, Criteria o, PairDrift drift) {
        List<String> benchmarks = run.results().stream().map(r -> r.key().benchmark()).distinct().sorted().toList();
        List<Answer> answers = new ArrayList<>();
        for (Question q : declaredFor(benchmarks)) {
            answers.addAll(answer(q, run, o, drift));
        }
        answers.addAll(ceiling(run, o));
        List<String> groups = answers.stream().map(Answer::group).distinct().toList();
        List<Answer> sorted = new ArrayList<>(answers);
        sorted.sort(Comparator.comparingInt(a -> groups.indexOf(a.group())));
        return List.copyOf(sorted);
    }

    /** A candidate's answer beside the base's answer to the same question on the same rows, if it has one. */
    public record Pair(Answer candidate, Optional<Answer> base) {
    }

    /**
     * Each side's answers, matched by question and rows, and by flag set unless {@code
     * acrossFlagSets} (one flag set against another); in the candidate's order. A "fastest of" answer is
     * matched by the row it asks about: the fastest other may be another row in the other run.
     */
    public static List<Pair> paired(List<Answer> base, List<Answer> candidate, boolean acrossFlagSets) {
        return candidate.stream().map(c -> new Pair(c, base.stream().filter(b -> same(b, c, acrossFlagSets))
                .findFirst())).toList();
    }

    private static boolean same(Answer a, Answer b, boolean acrossFlagSets) {
        boolean fastestOf = !a.field().isEmpty() && !b.field().isEmpty();
        return a.group().equals(b.group()) && a.kind() == b.kind() && a.label().equals(b.label())
                && a.of().key().equals(b.of().key())
                && (fastestOf || a.to().map(t -> t.key()).equals(b.to().map(t -> t.key())))
                && (acrossFlagSets || a.of().flagSet().equals(b.of().flagSet()));
    }

    /** The run with only one flag set's rows, for one side of a flag-set comparison. */
    public static RunResults only(RunResults run, String flagSet) {
        return new RunResults(run.source(), run.runId(), run.metadata(), run.results(flagSet));
    }

    static List<Answer> answer(Question q, RunResults run, Criteria o, PairDrift drift) {
        List<Answer> out = new ArrayList<>();
        if (q.acrossFlagSets()) {
            String a = q.ofFlagSet().orElseThrow();
            String b = q.toFlagSet().orElse(a);
            if (run.flagSets().contains(a) && run.flagSets().contains(b)) {
                out.addAll(answer(q, run.results(a), run.results(b), "", o, drift));
            }
            return out;
        }
        for (String f : run.flagSets()) {
            String prefix = run.flagSets().size() > 1 ? f : "";
            out.addAll(answer(q, run.results(f), run.results(f), prefix, o, drift));
        }
        return out;
    }

    private static List<Answer> answer(Question q, List<BenchmarkResult> ofSide, List<BenchmarkResult> toSide,
            String prefix, Criteria o, PairDrift drift) {
        List<Answer> out = new ArrayList<>();
        List<BenchmarkResult> asked = ofSide.stream().filter(r -> q.of().matches(r) && seconds(r.unit()).isPresent())
                .toList();
        for (BenchmarkResult of : asked) {
            List<BenchmarkResult> candidates = toSide.stream().filter(t -> q.to().matches(t) && t != of
                    && agree(q, of, t) && seconds(t.unit()).isPresent()).toList();
            Optional<String> fastest = q.to().fastestOf();
            List<BenchmarkResult> field = List.of();
            if (fastest.isPresent()) {
                String p = fastest.get();
                field = new ArrayList<>(candidates.stream()
                        .filter(t -> !q.notFastest().contains(t.key().params().get(p))).toList());
                field.add(of);
                candidates = candidates.stream().filter(t -> !q.notFastest().contains(t.key().params().get(p))
                        && !t.key().params().get(p).equals(of.key().params().get(p)))
                        .min(Comparator.comparingDouble(t -> Stats.median(timePerRow(q.to(), t)))).stream().toList();
            }
            for (BenchmarkResult to : candidates) {
                out.add(ratio(q, of, to, label(prefix, q, of, asked), field, o, drift));
            }
        }
        return out;
    }

    /** Parameters both rows have and neither side names must hold the same value. */
    private static boolean agree(Question q, BenchmarkResult of, BenchmarkResult to) {
        for (Map.Entry<String, String> p : of.key().params().entrySet()) {
            String name = p.getKey();
            String other = to.key().params().get(name);
            if (other != null && !q.of().params().containsKey(name) && !q.to().params().containsKey(name)
                    && !other.equals(p.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The flag set (in a matrix) and the parameters the question leaves free that take more than one value. */
    private static String label(String prefix, Question q, BenchmarkResult of, List<BenchmarkResult> asked) {
        Map<String, String> free = new TreeMap<>(of.key().params());
        free.keySet().removeAll(q.of().params().keySet());
        free.keySet().removeAll(q.to().params().keySet());
        free.keySet().removeIf(p -> asked.stream().map(r -> r.key().params().get(p)).distinct().count() < 2);
        List<String> parts = new ArrayList<>();
        if (!prefix.isEmpty()) {
            parts.add(prefix);
        }
        free.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static Answer ratio(Question q, BenchmarkResult of, BenchmarkResult to, String label,
            List<BenchmarkResult> field, Criteria o, PairDrift drift) {
        double[] a = timePerRow(q.of(), of);
        double[] b = timePerRow(q.to(), to);
        long seed = o.seed() * 31 + (of.flagSet() + "|" + of.key().label() + "|" + to.flagSet() + "|"
                + to.key().label()).hashCode();
        Interval forks = Bootstrap.ratioOfMedians(b, a, o.resamples(), o.confidence(), seed);
        boolean interval = a.length > 1 && b.length > 1;
        Optional<Drift.Spread> spread = interval ? drift.of(of, to) : Optional.empty();
        Interval ratio = spread.map(d -> PairDrift.widen(forks, d)).orElse(forks);
        String sentence = fill(q.says(), ratio, interval, of, Optional.of(to));
        return new Answer(q.group(), label, sentence, figure(q.says(), ratio), ratio, q.better(), Answer.Kind.TIME_RATIO, of, Optional.of(to),
                a.length, b.length, field, spread);
    }

    /** Each single-row write with at least two pgbench samples: its rows/s over pgbench's. */
    static List<Answer> ceiling(RunResults run, Criteria o) {
        List<Answer> out = new ArrayList<>();
        for (String f : run.flagSets()) {
            for (BenchmarkResult r : run.results(f)) {
                double[] samples = r.pgbenchSamples();
                Optional<Double> s = seconds(r.unit());
                if (samples.length < 2 || s.isEmpty()
                        || Declarations.onMethod(r.key().benchmark(), SingleRowWrite.class).isEmpty()) {
                    continue;
                }
                double[] rowsPerSecond = timePerRow(new RowSpec(r.key().benchmark(), Map.of(), Optional.empty()), r);
                for (int i = 0; i < rowsPerSecond.length; i++) {
                    rowsPerSecond[i] = r.key().threads() / rowsPerSecond[i];
                }
                long seed = o.seed() * 31 + ("ceiling|" + f + "|" + r.key().label()).hashCode();
                Interval share = Bootstrap.ratioOfMedians(samples, rowsPerSecond, o.resamples(), o.confidence(), seed);
                String row = r.key().shortName() + (r.key().params().isEmpty() ? "" : " (" + r.key().paramString() + ")");
                String says = row + " writes {percent} of pgbench's rows/s on the same INSERT, {threads} "
                        + (r.key().threads() == 1 ? "client" : "clients") + ".";
                String sentence = fill(says, share, rowsPerSecond.length > 1, r, Optional.empty());
                out.add(new Answer(CEILING_GROUP, run.flagSets().size() > 1 ? f : "", sentence, figure(says, share), share,
                        Finding.Better.NEITHER, Answer.Kind.CEILING, r, Optional.empty(), rowsPerSecond.length,
                        samples.length, List.of()));
            }
        }
        return out;
    }

    /** The forks' scores as seconds per row. */
    static double[] timePerRow(RowSpec spec, BenchmarkResult r) {
        double unit = seconds(r.unit()).orElseThrow();
        boolean throughput = r.unit().startsWith("ops/");
        double rows = spec.rowsPerOp(r);
        double[] f = r.forks();
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (throughput ? unit / f[i] : f[i] * unit) / rows;
        }
        return out;
    }

    /** Seconds per unit of time in a JMH score unit ({@code us/op}, {@code ops/ms}), or empty for another unit. */
    static Optional<Double> seconds(String unit) {
        String u = unit.trim();
        String time = u.startsWith("ops/") ? u.substring(4) : u.endsWith("/op") ? u.substring(0, u.length() - 3) : "";
        return Optional.ofNullable(switch (time) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            default -> null;
        });
    }

    /**
     * The sentence with its placeholders filled; an unknown one stays as written. Without an
     * {@code interval} (one fork on a side) the figures stand alone: a bracket of one value would
     * look like certainty.
     */
    static String fill(String template, Interval ratio, boolean interval, BenchmarkResult of,
            Optional<BenchmarkResult> to) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = value(m.group(1), ratio, of, to);
            if (!interval && value != null && FIGURES.contains(m.group(1)) && value.contains(" [")) {
                value = value.substring(0, value.indexOf(" ["));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The first figure a sentence shows, with its interval, as it shows it; the plain ratio when it shows none. */
    public static String figure(String template, Interval ratio) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group(1).equals("threads") && FIGURES.contains(m.group(1))) {
                return value(m.group(1), ratio, null, Optional.empty());
            }
        }
        return value("ratio", ratio, null, Optional.empty());
    }

    /** The names a sentence may use besides parameters. */
    static final Set<String> FIGURES = Set.of("ratio", "speedup", "percent", "threads");

    private static String value(String name, Interval r, BenchmarkResult of, Optional<BenchmarkResult> to) {
        return switch (name) {
            case "ratio" -> times(r.estimate()) + " [" + times(r.low()) + ", " + times(r.high()) + "]";
            case "speedup" -> times(1 / r.estimate()) + " [" + times(1 / r.high()) + ", " + times(1 / r.low()) + "]";
            case "percent" -> num(100 * r.estimate()) + "% [" + num(100 * r.low()) + ", " + num(100 * r.high()) + "%]";
            case "threads" -> String.valueOf(of.key().threads());
            default -> name.startsWith("to.") ? to.map(t -> t.key().params().get(name.substring(3))).orElse(null)
                    : of.key().params().get(name);
        };
    }

    static String times(double v) {
        return num(v) + "\u00d7";
    }

    /** Three significant digits, no exponent. */
    static String num(double v) {
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : a >= 0.01 ? 4 : 5;
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
