/**
 * What a run, a comparison and a pivot say, once, as a {@link dev.taskbench.report.Report}
 * ({@link dev.taskbench.report.RunReport}, {@link dev.taskbench.report.ComparisonReport},
 * {@link dev.taskbench.report.Pivot}, with the {@link dev.taskbench.report.FindingsReport} leading
 * the first two), and the {@link dev.taskbench.report.ReportFormat}s that write any report: text
 * for the terminal, GitHub-flavoured Markdown ({@code report.md}) and one self-contained HTML page
 * ({@code report.html}, inline SVG charts drawn by JFreeChart on JFreeSVG: no scripts, no external
 * resources). A new format is one class. {@link dev.taskbench.report.RunReportFiles} writes a run's
 * files, a whole run's and a merged sharded run's alike; {@link dev.taskbench.report.ComparisonReports}
 * writes a comparison's files and says the gate's verdict; {@link dev.taskbench.report.HistoryReport} and
 * {@link dev.taskbench.report.DiffFlameGraph} write their own pages. Files are written through a
 * temporary sibling and a rename.
 */
package dev.taskbench.report;
