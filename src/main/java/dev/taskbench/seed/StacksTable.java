package dev.taskbench.seed;

import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import dev.taskbench.report.SpanChart;
import dev.taskbench.seed.peers.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's stacks ({@link PeersRound}) beside the JVM models of the same run as one table in the
 * seed's layout, with its notes, the side-by-side ratios and the seed's conclusions: the console prints
 * it ({@link Tables#text}), the seed's page ({@link SeedPage}) sets the same out as a page.
 */
final class StacksTable {
    private StacksTable() {
    }

    /**
     * The table in the seed's layout: per round (cold, then warm), the JVM models of the same run
     * (loopback, {@code users} users) and each configuration of the seed's stacks, with the seed's
     * figure (its machine) beside this machine's writes/s, median [lowest, highest] over the
     * rounds, the p99, and the ratio to the fastest JVM model round by round; then the fastest JVM
     * model over the fastest Node and the best Django configuration, and the findings.
     */
    static String render(PeersRound.Plan plan, List<ModelsGrid.Cell> models, List<PeersRound.Cell> cells, int users, int writes) {
        return render(plan, models, cells, List.of(), users, writes);
    }

    /** The same, then the CPU round's table ({@link PeersCpu}) where {@code cpu} has rows, then the findings. */
    static String render(PeersRound.Plan plan, List<ModelsGrid.Cell> models, List<PeersRound.Cell> cells, List<PeersCpu.Row> cpu, int users,
            int writes) {
        return tables(plan, models, cells, cpu, users, writes).text();
    }

    /**
     * What {@link #render} prints, as the report model holds it: the console renders it, and the seed
     * run's page ({@link SeedPage}) sets the same tables and lines out as a page.
     *
     * @param title the write table's title
     * @param writes the write round's table in the seed's layout
     * @param notes how to read it, a line each
     * @param ratios the fastest JVM model over the fastest Node and Django configurations, per phase
     * @param cpu the CPU round of the seed's stacks, empty when it did not run
     * @param findings the seed's conclusions checked on this run, a line each
     * @param chart the writes/s of every row with figures, for a page
     */
    record Tables(String title, Report.Table writes, List<String> notes, List<String> ratios, Optional<Cpu> cpu,
            List<String> findings, Optional<Report.Chart> chart) {
        record Cpu(String title, Report.Table table, List<String> notes) {
            /** Title, table, a line per note: as the console prints it. */
            String text() {
                StringBuilder sb = new StringBuilder(title).append('\n').append(StacksTable.text(table));
                notes.forEach(n -> sb.append("  ").append(n).append('\n'));
                return sb.toString();
            }
        }

        String text() {
            StringBuilder sb = new StringBuilder(title).append('\n');
            sb.append(StacksTable.text(writes));
            notes.forEach(n -> sb.append("  ").append(n).append('\n'));
            ratios.forEach(n -> sb.append("  ").append(n).append('\n'));
            cpu.ifPresent(c -> sb.append('\n').append(c.text()));
            sb.append('\n').append(PeerFindings.TITLE).append('\n');
            findings.forEach(n -> sb.append("  ").append(n).append('\n'));
            return sb.toString();
        }
    }

    /** One table as the console sets it out. */
    static String text(Report.Table table) {
        return ReportFormat.TEXT.render(new Report(null, null, List.of(table)));
    }

    /** What a row without figures says in the figure's column; why is a line under the table. */
    static final String NOT_MEASURED = "not measured";

    /** The columns of the seed's layout: round, stack, configuration, the seed's figure, ours, p99, ratio. */
    static List<Report.Column> columns(String rate) {
        return List.of(Report.Column.left("round"), Report.Column.left("stack"), Report.Column.left("configuration"),
                Report.Column.left("the seed's (4-core laptop)"), Report.Column.right(rate + " median [low, high]"),
                Report.Column.right("p99"), Report.Column.right("vs fastest JVM"));
    }

    /** A line per configuration without figures, once whatever its phases: {@code name: not measured: why}. */
    static List<String> refusals(List<String> names, List<String> reasons) {
        java.util.Map<String, String> once = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (reasons.get(i) != null) {
                once.putIfAbsent(names.get(i), reasons.get(i));
            }
        }
        return once.entrySet().stream().map(e -> e.getKey() + ": " + NOT_MEASURED + ": " + e.getValue()).toList();
    }

    /** The JVM models' loopback rows with {@code users} users and the seed's stacks', each phase, each round. */
    static List<SideBySide.Row> rows(PeersRound.Plan plan, List<ModelsGrid.Cell> models, List<PeersRound.Cell> cells, int users) {
        int rounds = rounds(cells);
        List<SideBySide.Row> rows = new ArrayList<>(SideBySide.models(models, users, rounds));
        rows.addAll(SideBySide.peers(cells, order(plan, cells), rounds));
        return rows;
    }

    static int rounds(List<PeersRound.Cell> cells) {
        return Math.max(1, cells.stream().mapToInt(PeersRound.Cell::round).max().orElse(1));
    }

    static Tables tables(PeersRound.Plan plan, List<ModelsGrid.Cell> models, List<PeersRound.Cell> cells, List<PeersCpu.Row> cpu, int users,
            int writes) {
        return tables(plan, rows(plan, models, cells, users), rounds(cells), cpu, users, writes);
    }

    /** The same from the side-by-side {@code rows} ({@link #rows}) of {@code rounds} rounds. */
    static Tables tables(PeersRound.Plan plan, List<SideBySide.Row> rows, int rounds, List<PeersCpu.Row> cpu, int users,
            int writes) {
        String title = String.format(Locale.ROOT, "The seed's own stacks beside the JVM: %d users; each phase %s: cold"
                + " (after start, as the seed measured), a warm-up, warm; %d round(s) interleaved with the JVM models, every"
                + " row read back", users, PeersRound.phase(writes, plan.phaseLimit()), rounds);
        List<List<Report.Cell>> lines = new ArrayList<>();
        for (SideBySide.Phase phase : SideBySide.Phase.values()) {
            Optional<SideBySide.Row> best = SideBySide.fastest(rows, phase, SideBySide.Row::jvm);
            for (SideBySide.Row r : rows.stream().filter(r -> r.phase() == phase).toList()) {
                lines.add(line(r, best));
            }
        }
        List<String> notes = new ArrayList<>(refusals(rows.stream().map(SideBySide.Row::name).toList(),
                rows.stream().map(SideBySide.Row::refused).toList()));
        if (rows.stream().anyMatch(SideBySide.Row::timed)) {
            notes.add(String.format(Locale.ROOT, "%s: the stack had not written %,d rows when -D%s=%d ran out, so its"
                    + " figure is over the writes of those seconds (the count each phase reached is printed as it ran), not"
                    + " over a count of %,d; every row read back", PeersRound.TIMED, writes, PeersRound.SECONDS, plan.phaseLimit().toSeconds(),
                    writes));
        }
        notes.add("the seed's figures are quoted (Docker, nginx in front, its Python client; the first 10,000 writes"
                + " after start: beside the cold rows); this machine's are measured with the suite's closed-loop client;"
                + " client, stacks and PostgreSQL share this machine's cores");
        notes.add(rows.stream().anyMatch(SideBySide.Row::jvm) ? "vs fastest JVM: writes/s over the fastest JVM model's of"
                + " the same phase, round by round" : "vs fastest JVM: no JVM model ran at loopback with these users (-D"
                + ModelsGrid.MODELS + ")");
        List<String> ratios = new ArrayList<>();
        for (SideBySide.Phase phase : SideBySide.Phase.values()) {
            sideBySide(rows, phase, "Node", SideBySide.stack(Peer.Stack.node)).ifPresent(ratios::add);
            sideBySide(rows, phase, "Django", SideBySide.stack(Peer.Stack.django, Peer.Stack.pypy)).ifPresent(ratios::add);
        }
        Optional<Tables.Cpu> cpuTable = cpu.isEmpty() ? Optional.empty()
                : Optional.of(new Tables.Cpu(PeersCpu.title(users), PeersCpu.table(cpu), PeersCpu.notes(cpu)));
        return new Tables(title, new Report.Table(columns("writes/s"), lines, null), notes, ratios, cpuTable,
                PeerFindings.lines(rows, cpu), chart(rows, rounds));
    }

    /** Each row's writes/s, cold and warm, median with its lowest and highest round; none without figures. */
    private static Optional<Report.Chart> chart(List<SideBySide.Row> rows, int rounds) {
        List<SpanChart.Span> spans = rows.stream().filter(r -> r.refused() == null).map(r -> new SpanChart.Span(
                r.jvm() ? r.name() + " (JVM)" : r.name(), r.phase().name(), r.median(), r.spread().low(),
                r.spread().high())).toList();
        return spans.isEmpty() ? Optional.empty() : Optional.of(SpanChart.of("Writes/s, cold and warm",
                "writes/s (log scale beyond 10x)", spans, rounds == 1 ? "each configuration's writes/s in its one round"
                        : "each configuration's median writes/s over " + rounds + " rounds, the whisker from its lowest"
                        + " round to its highest", "seed-writes"));
    }

    /** The configurations in the plan's order, or the cells' where the plan has none (a test's table). */
    private static List<Peer> order(PeersRound.Plan plan, List<PeersRound.Cell> cells) {
        return plan.on() ? plan.peers() : cells.stream().map(PeersRound.Cell::peer).distinct().toList();
    }

    private static List<Report.Cell> line(SideBySide.Row r, Optional<SideBySide.Row> best) {
        String stack = r.jvm() ? "taskbench (JVM)" : r.peer().stack().label;
        String seed = r.phase() != SideBySide.Phase.cold ? "" : r.jvm()
                ? seedFigure(SeedFigures.grid(r.name().toLowerCase(Locale.ROOT)))
                : seedFigure(SeedFigures.peer(r.peer().seedName()));
        if (r.refused() != null) {
            return cells(r.phase().name(), stack, r.name(), seed, NOT_MEASURED, "-", "-");
        }
        Spread ratio = best.map(b -> SideBySide.ratio(r, b)).orElse(null);
        return cells(r.phase().name(), stack, r.name(), seed, r.spread().format("%,.0f") + (r.timed() ? " " + PeersRound.TIMED : ""),
                String.format(Locale.ROOT, "%.1f ms", r.p99().median() / 1000), ratio == null ? "-" : ratio.format("%.2fx"));
    }

    static List<Report.Cell> cells(String... text) {
        return java.util.Arrays.stream(text).map(Report.Cell::of).toList();
    }

    /** The fastest JVM model over the fastest configuration of {@code which}, round by round, or nothing. */
    private static Optional<String> sideBySide(List<SideBySide.Row> rows, SideBySide.Phase phase, String what,
            java.util.function.Predicate<SideBySide.Row> which) {
        Optional<SideBySide.Row> jvm = SideBySide.fastest(rows, phase, SideBySide.Row::jvm);
        Optional<SideBySide.Row> peer = SideBySide.fastest(rows, phase, which);
        if (jvm.isEmpty() || peer.isEmpty()) {
            return Optional.empty();
        }
        Spread r = SideBySide.ratio(jvm.get(), peer.get());
        return r == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%s: the fastest JVM model (%s) over"
                + " the fastest %s configuration (%s): %s over %d round(s)", phase, jvm.get().name(), what,
                peer.get().name(), r.format("%.2fx"), r.rounds()));
    }

    /** The seed's figure (its writes/s and its configuration's words), or "-" where it published none. */
    private static String seedFigure(Optional<SeedFigures.Figure> f) {
        return f.map(x -> String.format(Locale.ROOT, "%,.0f/s (%s, %s)", x.perSecond(), x.stack().equals(SeedFigures.NODE)
                ? "Node" : x.stack().equals(SeedFigures.PYPY) ? "PyPy" : "Django", x.configuration())).orElse("-");
    }
}
