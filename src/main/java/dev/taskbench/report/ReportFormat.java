package dev.taskbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One way to write any {@link Report}, as JMH's {@code ResultFormat} writes any run. A new
 * format (GitHub's job summary, JUnit XML) is one class implementing {@link #render}.
 */
public interface ReportFormat {
    /** Plain text for a terminal. */
    ReportFormat TEXT = new TextFormat();
    /** GitHub-flavoured Markdown, {@code report.md}. */
    ReportFormat MARKDOWN = new MarkdownFormat();
    /** One self-contained HTML page, {@code report.html}. */
    ReportFormat HTML = new HtmlFormat();

    String render(Report report);

    default void writeOut(Report report, Appendable out) {
        try {
            out.append(render(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Into a file, through a temporary sibling and a rename, so a reader never sees half a report. */
    default void write(Report report, Path file) {
        ReportFiles.save(file, render(report));
    }
}
