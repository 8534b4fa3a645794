package dev.taskbench.report;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.findings.Answer;
import dev.taskbench.findings.Findings;
import dev.taskbench.findings.Standing;
import dev.taskbench.stability.Undecided;
import dev.taskbench.report.Report.Block;
import dev.taskbench.report.Report.Chart;
import dev.taskbench.report.Report.Contents;
import dev.taskbench.report.Report.Footnote;
import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The findings section every report leads with: the answers grouped as declared, each a sentence
 * whose figures are a ratio of fork medians with its bootstrap interval; for a run, one chart per
 * group, and for a "fastest of" question one chart of the field per input.
 */
public final class FindingsReport {
    /** How an answer whose interval does not answer its question opens, in place of its ratio. */
    static final String UNDECIDED = "Undecided: ";

    private FindingsReport() {
    }

    /** For the terminal: a run's findings, grouped. */
    public static String text(List<Answer> answers, Criteria o) {
        Section s = of(answers, o);
        return ReportFormat.TEXT.render(new Report(s.title(), s.legend(), s.blocks()));
    }

    /** A run's findings: per group its sentences, its chart and the field of each "fastest of" answer. */
    static Section of(List<Answer> answers, Criteria o) {
        if (answers.isEmpty()) {
            return new Section("findings", "Findings", null, true,
                    List.of(new Paragraph("None of the declared questions has its rows in this run.")));
        }
        List<Items> lists = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<String, List<Answer>> g : groups(answers, Answer::group).entrySet()) {
            int n = lists.size() + 1;
            Items list = new Items("findings-" + n, g.getKey(), g.getValue().stream().map(a -> Text.of(line(a))).toList());
            lists.add(list);
            blocks.add(list);
            blocks.add(new Chart(null, () -> Charts.findings(g.getValue(), "f" + n), caption(g.getValue()), true));
            int i = 0;
            for (Answer a : g.getValue()) {
                if (!a.field().isEmpty()) {
                    blocks.add(field(a, g.getValue(), o, "f" + n + "x" + (++i)));
                }
            }
        }
        blocks.add(0, new Contents(lists));
        blocks.add(new Footnote(footnote(o, answers)));
        return new Section("findings", "Findings", legend(o, answers), true,
                blocks);
    }

    /** A comparison's findings: the candidate's sentence, then the base's figure. */
    static Section of(List<Findings.Pair> pairs) {
        String title = "Findings: candidate, with the base's figure";
        if (pairs.isEmpty()) {
            return new Section("findings", title, null, true,
                    List.of(new Paragraph("None of the declared questions has its rows in the candidate.")));
        }
        List<Block> groups = new ArrayList<>();
        groups(pairs, p -> p.candidate().group()).forEach((group, list) -> groups.add(new Items(null, group,
                list.stream().map(p -> Text.of(line(p.candidate()) + baseFigure(p))).toList())));
        return new Section("findings", title, null, true, groups);
    }

    private static <T> Map<String, List<T>> groups(List<T> all, java.util.function.Function<T, String> group) {
        Map<String, List<T>> g = new LinkedHashMap<>();
        all.forEach(a -> g.computeIfAbsent(group.apply(a), k -> new ArrayList<>()).add(a));
        return g;
    }

    /** What a line of the section says: the label (flag set, input) when there is one, then the sentence. */
    static String line(Answer a) {
        String label = a.label().isEmpty() || a.sentence().contains(a.label().replaceFirst("^input=", "") + " ")
                ? "" : "[" + a.label() + "] ";
        String forks = a.ofForks() < 2 || a.toForks() < 2 ? " (one fork on a side: no interval)" : "";
        Undecided.Decision d = Standing.decision(a);
        String drift = a.drift().map(FindingsReport::drift).orElse("");
        if (d.undecided()) {
            return label + UNDECIDED + rows(a) + ": " + d.reason() + (drift.isEmpty() ? "" : "; it holds " + drift);
        }
        List<String> bimodal = Standing.bimodal(a);
        return label + a.sentence() + forks + (drift.isEmpty() ? "" : " (interval holds " + drift + ")")
                + (bimodal.isEmpty() ? "" : " (rests on a row in more than one mode: " + String.join("; ", bimodal) + ")");
    }

    /** The two rows of an answer, for a line that gives no ratio. */
    private static String rows(Answer a) {
        String method = a.of().key().shortName();
        boolean sameMethod = a.to().map(t -> t.key().benchmark().equals(a.of().key().benchmark())).orElse(true);
        return (sameMethod ? method + " " : "") + Charts.category(a, List.of(a));
    }

    static String footnote(Criteria o, List<Answer> answers) {
        String each = String.format(Locale.ROOT, "Each figure: the ratio of the two rows' medians of per-fork scores "
                + "(time per row), with its %s percentile bootstrap interval (%,d resamples) in brackets; "
                + "a share of pgbench: the row's rows/s over the median of the pgbench samples taken around its forks.",
                Fmt.level(o.confidence()), o.resamples());
        return each + " " + driftNote(answers);
    }

    /** "a run-to-run drift of ±5.1% from 4 earlier runs": one spread of the ratio's log, as a percentage. */
    static String drift(Drift.Spread s) {
        return String.format(Locale.ROOT, "a run-to-run drift of \u00b1%.1f%% from %d earlier runs", 100 * Math.expm1(s.log()),
                s.runs());
    }

    /** What the brackets are, and how many hold the run-to-run drift (the console shows no footnote). */
    static String legend(Criteria o, List<Answer> answers) {
        long held = answers.stream().filter(a -> a.drift().isPresent()).count();
        return Fmt.level(o.confidence()) + " intervals in brackets, " + (held == 0 ? "from this run's forks alone"
                : held + " of " + answers.size() + " with the run-to-run drift of earlier runs");
    }

    /** Whether the intervals hold the run-to-run drift: the forks of one run cannot show it. */
    static String driftNote(List<Answer> answers) {
        long held = answers.stream().filter(a -> a.drift().isPresent()).count();
        String how = "the ratio's run-to-run spread over the earlier runs of this testbed that hold both rows "
                + "(1.4826 MAD of their log ratios) times Student's t for that many runs, added to the forks' in quadrature";
        if (held == 0) {
            return "Run-to-run drift is in none of the intervals (no finding's two rows are in 3 earlier runs of this "
                    + "testbed): another run can land outside them. Once they are, an interval holds " + how + ".";
        }
        return "Where a line says so (" + held + " of " + answers.size() + "), its interval also holds " + how
                + ": a finding is about the testbed, not one run.";
    }

    /** The base's figure as its own sentence shows it, and the row it was held against where that differs. */
    private static String baseFigure(Findings.Pair p) {
        return p.base().map(b -> "  (base: " + (b.kind() == Answer.Kind.CEILING ? Fmt.percentOf(b.ratio()) : b.figure())
                + otherRow(p.candidate(), b) + ")").orElse("  (base: not measured)");
    }

    /** {@code ", against tomcatParameters"}: the base's fastest other, when it is not the candidate's. */
    private static String otherRow(Answer candidate, Answer base) {
        if (candidate.to().isEmpty() || base.to().isEmpty() || candidate.to().get().key().equals(base.to().get().key())) {
            return "";
        }
        Map<String, String> mine = candidate.to().get().key().params();
        String differs = base.to().get().key().params().entrySet().stream()
                .filter(e -> !e.getValue().equals(mine.get(e.getKey()))).map(Map.Entry::getValue)
                .collect(java.util.stream.Collectors.joining(", "));
        return ", against " + (differs.isEmpty() ? base.to().get().key().shortName() : differs);
    }

    /** What the chart shows, and only the colours it uses. */
    private static String caption(List<Answer> answers) {
        String reference = "a distance to a reference or a share of a whole, neither good nor bad news";
        if (answers.stream().allMatch(a -> a.kind() == Answer.Kind.CEILING)) {
            return "Each single-row write's rows/s as a share of pgbench's, the line at 100%; dot: estimate, box: 95% interval. "
                    + "Blue: a share of the ceiling, neither good nor bad news.";
        }
        String lines = "Each line: the first row's time per row over the second's (left of the 1\u00d7 line: the first is "
                + "faster); dot: estimate, box: 95% interval. ";
        if (answers.stream().allMatch(Answer::reference)) {
            return lines + "Blue: " + reference + ".";
        }
        return lines + "Green: good news beyond doubt, red: bad news, grey: undecided (the interval holds 1 or spans more than 2\u00d7)"
                + (answers.stream().anyMatch(Answer::reference) ? "; blue: " + reference + "." : ".");
    }

    /** The field a "fastest of" answer was chosen from, on its input, with the floor if the group names one. */
    private static Chart field(Answer a, List<Answer> group, Criteria o, String id) {
        String param = a.field().get(0).key().params().keySet().stream()
                .filter(p -> a.field().stream().map(r -> r.key().params().get(p)).distinct().count() > 1)
                .findFirst().orElse("");
        Optional<BenchmarkResult> floorRow = group.stream()
                .filter(x -> x.of().equals(a.of()) && x.field().isEmpty() && x.to().isPresent()
                        && !a.field().contains(x.to().get()))
                .map(x -> x.to().get()).findFirst();
        Map<String, String> on = new TreeMap<>(a.of().key().params());
        on.remove(param);
        String title = (on.isEmpty() ? "" : on.toString().replaceAll("[{}]", "") + ": ") + "every " + param
                + ", fastest first";
        String caption = title + "; highlighted: " + a.of().key().params().get(param)
                + floorRow.map(f -> "; dashed line: the floor, " + f.key().params().get(param)).orElse("");
        return new Chart(null, () -> Charts.field(summary(a.field(), o), a.of(), param,
                floorRow.map(r -> summary(List.of(r), o).get(0)), id), caption, true);
    }

    /** Rows summarised as a run's are: median and interval per row. */
    private static List<RunSummary.Entry> summary(List<BenchmarkResult> rows, Criteria o) {
        return RunSummary.of(new RunResults(Path.of(""), "", Map.of(), rows), o);
    }
}
