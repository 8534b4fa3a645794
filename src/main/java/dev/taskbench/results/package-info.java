/**
 * Reading JMH results. Entry point: {@link dev.taskbench.results.RunResults#read(java.nio.file.Path)}
 * takes a run folder ({@code results/<run-id>/} with {@code metadata.json} and one
 * {@code jmh-<flagset>.json} per flag set, or a legacy {@code jmh-result.json} read as flag set
 * {@code default}) or a single JMH JSON file; {@link dev.taskbench.results.RunResults#locate}
 * resolves a run name under {@code results/} or a path. Unreadable, empty, truncated or foreign
 * files raise a {@link dev.taskbench.TaskbenchException} whose one-line message names the file.
 */
package dev.taskbench.results;
