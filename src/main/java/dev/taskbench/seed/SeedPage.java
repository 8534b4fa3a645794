package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed run's page: what {@code jmh:seed} printed, as one {@link Report}, led by the seed's question
 * answered on this machine (the fastest JVM model over the seed's stacks, and the seed's conclusions
 * checked), then the seed's stacks and the JVM models in one table, then every other table as the
 * console printed it. {@link #write} puts it in the run's folder beside the console's whole text.
 */
final class SeedPage {
    /** The console's text, as printed, beside the page. */
    static final String CONSOLE = "console.txt";

    /** The date and time a seed run's folder is named by, as {@code jmh:run}'s are. */
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<String> printed = new ArrayList<>();
    private StacksTable.Tables peers;
    private String plan = "";
    private String took = "";
    private String rounds = "";
    private List<PeersRound.Cell> peerCells = List.of();
    private List<PeersCpu.Cell> peerCpu = List.of();

    /** The plan's line, said before the first write. */
    void plan(String line) {
        plan = line;
    }

    /** The clock's last line: planned against taken. */
    void took(String line) {
        took = line;
    }

    /** A table the console printed as text, its first line its title; blank chunks are left out. */
    void printed(String chunk) {
        if (!chunk.isBlank()) {
            printed.add(chunk.strip());
        }
    }

    /** What each configuration of the seed's stacks cost, for the next run's plan ({@link SeedHistory}). */
    void cells(String settings, List<PeersRound.Cell> writes, List<PeersCpu.Cell> cpu) {
        rounds = settings;
        peerCells = List.copyOf(writes);
        peerCpu = List.copyOf(cpu);
    }

    /** The seed's stacks beside the JVM models, and the conclusions. */
    void peers(StacksTable.Tables tables) {
        peers = tables;
    }

    Report report(String runId) {
        List<Report.Block> blocks = new ArrayList<>();
        if (peers != null) {
            List<Report.Text> lead = new ArrayList<>();
            peers.ratios().forEach(r -> lead.add(Report.Text.of(r)));
            peers.findings().forEach(f -> lead.add(Report.Text.of(f)));
            blocks.add(new Report.Section("findings", "The seed's question, on this machine", null, true,
                    List.of(new Report.Items(null, null, lead))));
        }
        blocks.add(new Report.Paragraph(plan));
        blocks.add(new Report.Paragraph(took));
        if (peers != null) {
            List<Report.Block> stacks = new ArrayList<>(List.of(peers.writes(),
                    new Report.Items(null, null, peers.notes().stream().map(Report.Text::of).toList())));
            peers.chart().ifPresent(stacks::add);
            blocks.add(new Report.Section("stacks", peers.title(), null, false, stacks));
            peers.cpu().ifPresent(c -> blocks.add(new Report.Section("stacks-cpu", c.title(), null, false,
                    List.of(c.table(), new Report.Items(null, null, c.notes().stream().map(Report.Text::of).toList())))));
        }
        for (String chunk : printed) {
            int nl = chunk.indexOf('\n');
            String title = nl < 0 ? chunk : chunk.substring(0, nl);
            String body = nl < 0 ? "" : chunk.substring(nl + 1);
            blocks.add(new Report.Section(null, title, null, false,
                    body.isBlank() ? List.of() : List.of(new Report.Verbatim(body))));
        }
        return new Report("taskbench seed run " + runId, null, blocks);
    }

    /**
     * {@code report.md}, {@code report.html}, {@link #CONSOLE} and, where the seed's stacks ran,
     * {@link SeedHistory#FILE} in {@code folder}.
     */
    void write(Path folder, String runId, String console) {
        Report r = report(runId);
        if (!peerCells.isEmpty() || !peerCpu.isEmpty()) {
            SeedHistory.write(folder, rounds, peerCells, peerCpu);
        }
        ReportFormat.MARKDOWN.write(r, folder.resolve("report.md"));
        ReportFormat.HTML.write(r, folder.resolve("report.html"));
        try {
            Files.writeString(folder.resolve(CONSOLE), console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskbenchException("cannot write " + folder.resolve(CONSOLE) + ": " + e.getMessage(), e);
        }
    }

    /** {@code console} and a copy of it into {@code copy}, the page's {@link #CONSOLE}. */
    static OutputStream tee(OutputStream console, OutputStream copy) {
        return new Tee(console, copy);
    }

    /**
     * {@code results/<date-time>-seed/}, created: a seed run's page and console beside the runs. It holds no
     * {@code jmh-*.json}, so the histories that read {@code results/} never take it for a run of benchmarks.
     */
    static Path newFolder(Path results, LocalDateTime now) {
        String base = FOLDER.format(now) + "-seed";
        try {
            Files.createDirectories(results);
            for (int n = 1; ; n++) {
                Path folder = results.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(folder);
                } catch (FileAlreadyExistsException taken) {
                    // another seed run this second: the next name
                }
            }
        } catch (IOException e) {
            throw new TaskbenchException("cannot create a folder under " + results + ": " + e.getMessage(), e);
        }
    }

    /** Writes to the console and to a copy of it, the page's {@link #CONSOLE}. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
