/**
 * Statistics and verdicts. Entry points:
 * <pre>
 * Comparison c = Comparison.compare(base, candidate, Criteria.defaults());   // two runs
 * Comparison f = Comparison.compareFlagSets(run, "default", "c1", Criteria.defaults());
 * c.rows();            // Row per matched (flag set, benchmark key): ratio + CI, p, q, Verdict, Allocation
 * c.onlyInBase(); c.onlyInCandidate();
 * c.geometricMean();   // time ratio over tested rows (above 1 = slower), with CI
 * c.gateFailures();    // rows SLOWER after correction or allocating beyond tolerance; c.passesGate()
 * RunSummary.of(run, options);  // one run: median per result with its bootstrap CI
 * </pre>
 * The choices (fork score = mean of its iterations, exact Mann-Whitney for small samples,
 * percentile bootstrap of the ratio of medians, Benjamini-Hochberg, minimum effect, UNKNOWN
 * rules, allocation tolerance) are described on {@link dev.taskbench.compare.Comparison}.
 */
package dev.taskbench.compare;
