/**
 * Memory across runs. Entry points:
 * <pre>
 * Map&lt;String, List&lt;Series&gt;&gt; byTestbed = Series.group(observations); // testbed -&gt; one series per row
 * List&lt;ChangePoint&gt; c = series.changePoints(ChangePoints.Params.defaults());
 * ChangePoints.detect(double[] values, params);               // E-divisive means + t-test, as Apache Otava
 * </pre>
 * Reading runs from files is not here: this package holds the data types and the statistics.
 */
package dev.taskbench.history;
