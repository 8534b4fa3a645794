package dev.taskbench.report;

import dev.taskbench.report.Report.Items;
import dev.taskbench.report.Report.Paragraph;
import dev.taskbench.report.Report.Section;
import dev.taskbench.report.Report.Text;
import dev.taskbench.results.ForkLog;
import dev.taskbench.results.RunResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forks of a run that should not be trusted as they ran ({@link ForkLog}): those a re-run
 * replaced, each with its score and why, and those still suspect in the results, with how busy the
 * rest of the machine was beside the forks overall. Present only when the run kept a log.
 */
public final class ForksReport {
    static final String TITLE = "Forks re-run or suspect";
    static final String LEGEND = "a fork is suspect when the rest of the machine used a quarter of its CPU beside it,"
            + " the hypervisor stole 5%, it lies alone far from its row's other forks (Hampel's rule, and at least"
            + " 25%), or it never settled; a suspect fork is re-run, and the one it replaces is kept in"
            + " replaced-<flag set>.json";

    private ForksReport() {
    }

    /** For the terminal: the replaced and suspect forks, or one line on the machine's load when there are none. */
    public static String text(RunResults run) {
        return of(run).map(s -> ReportFormat.TEXT.render(new Report(s.title(), s.legend(), s.blocks()))).orElse("");
    }

    static Optional<Section> of(RunResults run) {
        Optional<ForkLog> log = ForkLog.of(run.metadata());
        if (log.isEmpty() || log.get().rows().isEmpty()) {
            return Optional.empty();
        }
        boolean several = run.flagSets().size() > 1;
        List<Text> replaced = new ArrayList<>();
        List<Text> suspect = new ArrayList<>();
        for (ForkLog.RowLog r : log.get().rows()) {
            String row = r.key().label() + (several ? " (" + r.flagSet() + ")" : "");
            r.replaced().forEach(f -> replaced.add(Text.of(row + ": " + describe(f, r.unit()))));
            for (int i = 0; i < r.kept().size(); i++) {
                ForkLog.Fork f = r.kept().get(i);
                if (f.suspect()) {
                    suspect.add(Text.of(row + ", fork " + (i + 1) + ": " + describe(f, r.unit())));
                }
            }
        }
        List<Report.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(load(log.get())));
        if (!replaced.isEmpty()) {
            blocks.add(new Items("forks-replaced", "Replaced by a re-run (" + replaced.size() + ")", replaced));
        }
        if (!suspect.isEmpty()) {
            blocks.add(new Items("forks-suspect", "Still suspect, kept in the results (" + suspect.size() + ")",
                    suspect));
        }
        return Optional.of(new Section("forks", TITLE, LEGEND, false, blocks));
    }

    /** "2,332 ns/op: vs row median 189 ns/op; machine busy 61% beside it". */
    static String describe(ForkLog.Fork f, String unit) {
        return Fmt.num(f.level()) + " " + unit + (f.why().isEmpty() ? "" : ": " + String.join("; ", f.why()))
                + (f.disturbed() && f.why().stream().noneMatch(w -> w.startsWith("machine busy"))
                        ? "; machine busy " + percent(f.busy()) + " beside it" : "");
    }

    /** "600 forks sampled (replaced ones too); other processes used a median 1% of the machine beside them, at most 61%; ...". */
    static String load(ForkLog log) {
        double[] busy = log.rows().stream().flatMap(r -> java.util.stream.Stream.concat(r.kept().stream(),
                r.replaced().stream())).mapToDouble(ForkLog.Fork::busy).filter(Double::isFinite).sorted().toArray();
        long suspects = log.rows().stream().flatMap(r -> r.kept().stream()).filter(ForkLog.Fork::suspect).count();
        String reruns = log.rerunCap() == 0 ? "re-runs off" : "up to " + log.rerunCap() + " re-run(s) a fork";
        if (busy.length == 0) {
            return "The machine's load was not sampled beside the forks; " + reruns + "; " + log.replacedCount()
                    + " fork(s) replaced, " + suspects + " still suspect.";
        }
        return String.format(Locale.ROOT, "%d forks sampled; other processes used a median %s of the machine beside"
                + " them, at most %s; %s; %d fork(s) replaced, %d still suspect.", busy.length,
                percent(busy[busy.length / 2]), percent(Arrays.stream(busy).max().orElse(0)), reruns,
                log.replacedCount(), suspects);
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "-";
    }
}
