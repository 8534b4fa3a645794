package dev.taskbench.report;

import dev.taskbench.compare.Direction;
import dev.taskbench.history.ChangePoint;
import dev.taskbench.history.ChangePoints;
import dev.taskbench.history.Point;
import dev.taskbench.history.RunHistory;
import dev.taskbench.history.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The history of a results folder as a reader wants it: per testbed (the facts its rows depend
 * on: one machine's CPU-only rows are one testbed, its database rows one per PostgreSQL's
 * settings), the change points first
 * (which row, between which runs and commits, how large a step, which way), then every row's
 * trend. The console, {@code history.md} and a self-contained {@code history.html} (one SVG
 * trend per row, change points marked) say the same.
 */
public final class HistoryReport {
    /** One change point found in one row's series. */
    public record Found(Series series, String unit, ChangePoint point) {
        Point before() {
            return series.points().get(point.index() - 1);
        }

        Point after() {
            return series.points().get(point.index());
        }

        /** SLOWER or FASTER from the unit's direction; CHANGED when the unit has none. */
        String verdict() {
            Optional<Direction> d = Direction.ofUnit(unit);
            if (d.isEmpty()) {
                return "CHANGED";
            }
            return d.get().timeRatio(point.after() / point.before()) > 1 ? "SLOWER" : "FASTER";
        }
    }

    private final RunHistory history;
    private final ChangePoints.Params params;
    private final Map<String, List<Series>> byTestbed;
    private final List<Found> found = new ArrayList<>();

    public HistoryReport(RunHistory history, ChangePoints.Params params) {
        this.history = history;
        this.params = params;
        this.byTestbed = history.series();
        byTestbed.values().forEach(list -> list.forEach(s -> s.changePoints(params)
                .forEach(cp -> found.add(new Found(s, history.unit(s.row()), cp)))));
    }

    public List<Found> found() {
        return List.copyOf(found);
    }

    /** What the console shows. */
    public String text(Path root) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "taskbench: history of %d run(s) under %s, %d testbed(s)%n",
                history.runs().size(), root, byTestbed.size()));
        history.skipped().forEach(s -> b.append("  skipped ").append(s).append('\n'));
        for (Map.Entry<String, List<Series>> t : byTestbed.entrySet()) {
            List<RunHistory.Run> runs = runsOn(t.getKey());
            b.append(String.format(Locale.ROOT, "testbed %s, keyed on %s: %d run(s), %s .. %s, %d row(s)%n",
                    history.testbed(t.getKey()).describe(), keyedOn(t.getKey()), runs.size(), runs.get(0).started(),
                    runs.get(runs.size() - 1).started(), t.getValue().size()));
            List<Found> here = foundOn(t.getKey());
            if (runs.size() < 4) {
                b.append("  too few runs for change points (a step needs runs on both sides)\n");
            } else if (here.isEmpty()) {
                b.append("  no change point in any row\n");
            }
            for (Found f : here) {
                b.append(String.format(Locale.ROOT, "  %-7s %s  %s  %s: %s -> %s %s between %s (%s) and %s (%s), p=%s%n",
                        f.verdict(), Fmt.percent(f.point().step()), f.series().row().flagSet(),
                        f.series().row().key().label(), Fmt.num(f.point().before()), Fmt.num(f.point().after()),
                        f.unit(), f.before().runId(), shortCommit(f.before().commit()), f.after().runId(),
                        shortCommit(f.after().commit()), Fmt.p(f.point().pValue())));
            }
        }
        return b.toString();
    }

    /** {@code history.md}: the change points per testbed, then each row's latest median. */
    public String markdown() {
        StringBuilder b = new StringBuilder("# taskbench history\n\n");
        b.append(method()).append("\n\n");
        for (Map.Entry<String, List<Series>> t : byTestbed.entrySet()) {
            List<RunHistory.Run> runs = runsOn(t.getKey());
            b.append("## Testbed ").append(MarkdownFormat.code(history.testbed(t.getKey()).describe())).append("\n\n");
            b.append(span(t.getKey(), runs)).append("\n\n");
            List<Found> here = foundOn(t.getKey());
            if (here.isEmpty()) {
                b.append("No change point.\n\n");
            } else {
                b.append("| verdict | step | row | before | after | between | p |\n|---|---|---|---|---|---|---|\n");
                for (Found f : here) {
                    b.append("| ").append(f.verdict()).append(" | ").append(Fmt.percent(f.point().step())).append(" | ")
                            .append(MarkdownFormat.esc(f.series().row().label())).append(" | ")
                            .append(Fmt.num(f.point().before())).append(' ').append(f.unit()).append(" | ")
                            .append(Fmt.num(f.point().after())).append(' ').append(f.unit()).append(" | ")
                            .append(MarkdownFormat.code(f.before().runId() + " " + shortCommit(f.before().commit())))
                            .append(" → ").append(MarkdownFormat.code(f.after().runId() + " "
                                    + shortCommit(f.after().commit())))
                            .append(" | ").append(Fmt.p(f.point().pValue())).append(" |\n");
                }
                b.append('\n');
            }
            b.append("| row | runs | latest median | interval |\n|---|---|---|---|\n");
            for (Series s : t.getValue()) {
                Point last = s.points().get(s.points().size() - 1);
                b.append("| ").append(MarkdownFormat.esc(s.row().label())).append(" | ").append(s.points().size())
                        .append(" | ").append(Fmt.num(last.median())).append(' ').append(history.unit(s.row()))
                        .append(" | ").append(Fmt.range(last.interval())).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** {@code history.html}: the same, with one trend per row. */
    public String html() {
        StringBuilder b = HtmlFormat.head("taskbench history");
        b.append("<p>").append(HtmlFormat.esc(method())).append("</p>\n");
        int chart = 0;
        for (Map.Entry<String, List<Series>> t : byTestbed.entrySet()) {
            List<RunHistory.Run> runs = runsOn(t.getKey());
            b.append("<h2>Testbed ").append(HtmlFormat.esc(history.testbed(t.getKey()).describe())).append("</h2>\n<p>")
                    .append(HtmlFormat.esc(span(t.getKey(), runs))).append("</p>\n");
            List<Found> here = foundOn(t.getKey());
            b.append(here.isEmpty() ? "<p>No change point.</p>\n" : "<table><tr><th>verdict</th><th>step</th>"
                    + "<th>row</th><th>between</th><th>p</th></tr>\n");
            for (Found f : here) {
                b.append("<tr><td>").append(f.verdict()).append("</td><td class=\"n\">")
                        .append(Fmt.percent(f.point().step())).append("</td><td>")
                        .append(HtmlFormat.esc(f.series().row().label())).append("</td><td>")
                        .append(HtmlFormat.esc(f.before().runId() + " (" + shortCommit(f.before().commit()) + ") → "
                                + f.after().runId() + " (" + shortCommit(f.after().commit()) + ")"))
                        .append("</td><td class=\"n\">").append(Fmt.p(f.point().pValue())).append("</td></tr>\n");
            }
            if (!here.isEmpty()) {
                b.append("</table>\n");
            }
            for (Series s : t.getValue()) {
                List<Integer> marks = found.stream().filter(f -> f.series() == s).map(f -> f.point().index()).toList();
                b.append("<h3>").append(HtmlFormat.esc(s.row().label())).append("</h3>\n")
                        .append(Charts.trend(s, history.unit(s.row()), marks, "h" + chart++)).append('\n');
            }
        }
        return HtmlFormat.tail(b);
    }

    public void write(Path folder) {
        ReportFiles.save(folder.resolve("history.md"), markdown());
        ReportFiles.save(folder.resolve("history.html"), html());
    }

    private String method() {
        return String.format(Locale.ROOT, "Each point is one run's median fork score with its bootstrap interval. Change"
                + " points: E-divisive means with a Student's t-test (as Apache Otava), window %d, p < %s, on runs of"
                + " one testbed only.", params.window(), Fmt.p(params.maxP()));
    }

    /** {@code Keyed on the machine alone: 4 run(s), FIRST to LAST.} */
    private String span(String testbed, List<RunHistory.Run> runs) {
        return "Keyed on " + keyedOn(testbed) + ": " + runs.size() + " run(s), " + runs.get(0).started() + " to "
                + runs.get(runs.size() - 1).started() + ".";
    }

    /** What a testbed key is the hash of: the machine alone (CPU-only rows) or with PostgreSQL (database rows). */
    private String keyedOn(String testbed) {
        return history.testbed(testbed).scope().keyedOn();
    }

    private List<Found> foundOn(String testbed) {
        return found.stream().filter(f -> f.series().testbed().equals(testbed)).toList();
    }

    private List<RunHistory.Run> runsOn(String testbed) {
        return history.runsOn(testbed);
    }

    private static String shortCommit(String commit) {
        return commit == null || commit.isEmpty() ? "no commit" : commit.substring(0, Math.min(10, commit.length()));
    }
}
