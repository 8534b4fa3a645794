package dev.taskbench.report;

import dev.taskbench.compare.Comparison;
import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Row;
import dev.taskbench.compare.RunSummary;
import dev.taskbench.compare.Verdict;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables for the terminal. */
public final class TextReport {
    private TextReport() {
    }

    public static void write(Comparison c, Appendable out) {
        append(out, render(c));
    }

    public static void write(RunResults run, Criteria o, Appendable out) {
        append(out, render(run, o));
    }

    public static String render(Comparison c) {
        Criteria o = c.options();
        StringBuilder sb = new StringBuilder();
        sb.append("base: ").append(c.baseName()).append("   candidate: ").append(c.candidateName()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"flag set", "benchmark", "unit", "forks", "base", "candidate", "ratio [" + Fmt.level(
                o.confidence()) + " CI]", "change", "p", "q", "verdict", "B/op base -> cand", "alloc"});
        for (Row r : c.rows()) {
            rows.add(new String[] {r.flagSet(), r.key().label(), r.unit(), Fmt.forks(r), Fmt.num(r.baseMedian()),
                Fmt.num(r.candidateMedian()), Fmt.interval(r.ratio()), Fmt.percent(r.change()), Fmt.p(r.p()),
                Fmt.p(r.q()), r.verdict().name(), Fmt.alloc(r.allocation()), r.allocation().verdict().name()});
        }
        table(sb, rows);
        summary(sb, c);
        return sb.toString();
    }

    static void summary(StringBuilder sb, Comparison c) {
        Criteria o = c.options();
        c.geometricMean().ifPresent(g -> sb.append(String.format(Locale.ROOT,
                "geometric mean of time ratios (candidate/base, < 1 = faster): %s%n", Fmt.interval(g))));
        sb.append(String.format(Locale.ROOT, "%d rows: %d faster, %d slower, %d same, %d unknown "
                + "(medians of per-fork scores; Mann-Whitney U, Benjamini-Hochberg q <= %s, minimum effect %s)%n",
                c.rows().size(), c.count(Verdict.FASTER), c.count(Verdict.SLOWER), c.count(Verdict.SAME),
                c.count(Verdict.UNKNOWN), o.alpha(), Fmt.percent(o.minEffect()).substring(1)));
        for (BenchmarkResult r : c.onlyInBase()) {
            sb.append("only in base: ").append(r.flagSet()).append(' ').append(r.key().label()).append('\n');
        }
        for (BenchmarkResult r : c.onlyInCandidate()) {
            sb.append("only in candidate: ").append(r.flagSet()).append(' ').append(r.key().label()).append('\n');
        }
        for (Row r : c.rows()) {
            if (r.verdict() == Verdict.UNKNOWN) {
                sb.append("unknown: ").append(r.flagSet()).append(' ').append(r.key().label()).append(": ")
                        .append(r.reason()).append('\n');
            }
        }
        if (apart(c)) {
            sb.append("gate: not judged (base and candidate ran on different testbeds); on the rows alone it would ");
            sb.append(c.passesGate() ? "pass\n" : "FAIL, " + c.gateFailures().size() + " row(s):\n");
        } else if (c.passesGate()) {
            sb.append("gate: pass (no significant regression)\n");
        } else {
            sb.append("gate: FAIL, ").append(c.gateFailures().size()).append(" row(s):\n");
        }
        if (!c.passesGate()) {
            for (Row r : c.gateFailures()) {
                sb.append("  ").append(r.flagSet()).append(' ').append(r.key().label()).append(": ")
                        .append(r.gateFailure().orElseThrow()).append('\n');
            }
        }
    }

    /** True when the gate refuses this comparison: other testbeds, neither interleaved nor forced. */
    static boolean apart(Comparison c) {
        return c.testbeds() != null && !c.testbeds().allowsGate();
    }

    public static String render(RunResults run, Criteria o) {
        StringBuilder sb = new StringBuilder();
        sb.append("run: ").append(run.runId()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "flag set", "unit", "forks", "median", Fmt.level(o.confidence()) + " CI",
            "min fork", "max fork", "B/op"});
        for (RunSummary.Entry e : RunSummary.of(run, o)) {
            BenchmarkResult r = e.result();
            rows.add(new String[] {r.key().label(), r.flagSet(), r.unit(), String.valueOf(r.forkScores().size()),
                Fmt.num(e.median().estimate()), Fmt.range(e.median()), Fmt.num(e.min()), Fmt.num(e.max()),
                Fmt.num(e.alloc())});
        }
        table(sb, rows);
        return sb.toString();
    }

    /** Left-aligned text, right-aligned numbers, a rule under the header. */
    static void table(StringBuilder sb, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                boolean numeric = n > 0 && !r[i].isEmpty() && (Character.isDigit(r[i].charAt(0))
                        || r[i].charAt(0) == '-' || r[i].charAt(0) == '+');
                String pad = " ".repeat(w[i] - r[i].length());
                line.append(numeric ? pad + r[i] : r[i] + pad).append(i < cols - 1 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
    }

    static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
