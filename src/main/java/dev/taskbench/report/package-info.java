/**
 * Writers for a {@link dev.taskbench.compare.Comparison} or a run:
 * {@link dev.taskbench.report.TextReport} (terminal table, {@code render}/{@code write(..., Appendable)}),
 * {@link dev.taskbench.report.MarkdownReport} (GitHub summary, also {@code write(..., Path)}) and
 * {@link dev.taskbench.report.HtmlReport} (one self-contained HTML file with inline SVG charts drawn by
 * JFreeChart on JFreeSVG: no scripts, no external resources). Run reports take the
 * {@link dev.taskbench.compare.Criteria} for their bootstrap intervals. Files are written through a
 * temporary sibling and a rename.
 */
package dev.taskbench.report;
