package dev.taskbench.report;

import dev.taskbench.results.BenchmarkKey;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;

/**
 * The "Profiles" part of a run's report: one line per profiled row, a link to each of its flame
 * graphs ({@code profiles/<row>/<event>.html}, relative to the report). Nothing when the run was
 * not profiled. {@link #rowFolder} names the folder of a result row.
 */
final class ProfileLinks {
    static final String FOLDER = "profiles";

    private ProfileLinks() {
    }

    static Optional<Report.Links> of(Path runDir) {
        Path dir = runDir == null ? null : runDir.resolve(FOLDER);
        List<Path> rows = list(dir, true);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Report.Links.Line> lines = new ArrayList<>();
        for (Path row : rows) {
            String name = row.getFileName().toString();
            List<Report.Links.Link> links = new ArrayList<>();
            for (Path graph : list(row, false)) {
                String file = graph.getFileName().toString();
                links.add(new Report.Links.Link(FOLDER + "/" + name + "/" + file,
                        file.substring(0, file.length() - ".html".length())));
            }
            lines.add(new Report.Links.Line(name, links));
        }
        return Optional.of(new Report.Links("profiles", "Profiles", "Flame graphs from an unmeasured pass of one fork "
                + "per benchmark and event (async-profiler); their scores are in no table.", lines));
    }

    /**
     * The folder JMH's async profiler gives a row's trial: JMH's {@code BenchmarkParams.id()}
     * (benchmark, mode, then each param name and value, URL-encoded) with {@code %} as {@code _}.
     */
    static String rowFolder(BenchmarkKey key) {
        StringBuilder b = new StringBuilder(encode(key.benchmark())).append('-').append(mode(key.mode()));
        key.params().forEach((k, v) -> b.append('-').append(encode(k)).append('-').append(encode(v)));
        return b.toString().replace('%', '_');
    }

    /** A row's file in a run folder: {@code profiles/<row>/<file>}. */
    static Path rowFile(Path runDir, BenchmarkKey key, String file) {
        return runDir.resolve(FOLDER).resolve(rowFolder(key)).resolve(file);
    }

    /** JSON's short label ({@code avgt}) as the trial id spells it ({@code AverageTime}). */
    private static String mode(String label) {
        try {
            return Mode.deepValueOf(label).name();
        } catch (RuntimeException e) {
            return label;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
