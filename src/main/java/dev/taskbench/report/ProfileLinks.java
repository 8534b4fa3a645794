package dev.taskbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The "Profiles" section of a run's report.html: one line per profiled row, a link to each of
 * its flame graphs ({@code profiles/<row>/<event>.html}, relative to the report). Nothing when
 * the run was not profiled.
 */
final class ProfileLinks {
    static final String FOLDER = "profiles";

    private ProfileLinks() {
    }

    static void section(Path runDir, StringBuilder b) {
        Path dir = runDir == null ? null : runDir.resolve(FOLDER);
        List<Path> rows = list(dir, true);
        if (rows.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"profiles\">Profiles</h2>\n<p>").append(HtmlReport.esc("Flame graphs from an unmeasured "
                + "pass of one fork per benchmark and event (async-profiler); their scores are in no table."))
                .append("</p>\n<ul>\n");
        for (Path row : rows) {
            String name = row.getFileName().toString();
            b.append("<li>").append(HtmlReport.esc(name)).append(":");
            for (Path graph : list(row, false)) {
                String file = graph.getFileName().toString();
                b.append(" <a href=\"").append(HtmlReport.esc(FOLDER + "/" + name + "/" + file)).append("\">")
                        .append(HtmlReport.esc(file.substring(0, file.length() - ".html".length()))).append("</a>");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n");
    }

    /** Sorted row folders (dirs) or the flame graphs in one (files ending .html). */
    private static List<Path> list(Path dir, boolean dirs) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> dirs ? Files.isDirectory(p) && !list(p, false).isEmpty()
                            : p.getFileName().toString().endsWith(".html"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
