package dev.taskbench.seed;

import dev.taskbench.TaskbenchException;
import dev.taskbench.report.Report;
import dev.taskbench.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final List<String> printed = new ArrayList<>();
    private PeersRound.Tables peers;
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
    void peers(PeersRound.Tables tables) {
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
}
