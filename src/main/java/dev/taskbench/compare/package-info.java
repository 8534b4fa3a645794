/**
 * Statistics and verdicts. Entry points:
 * <pre>
 * Comparison c = Comparison.compare(base, candidate, Criteria.defaults());   // two runs
 * Comparison f = Comparison.compareFlagSets(run, "default", "c1", Criteria.defaults());
 * Comparison.compare(base, candidate, criteria, modeTest, drift);  // rows with modes by a ModeTest; separate runs held against a Drift
 * c.rows();            // Row per matched (flag set, benchmark key): ratio + CI, p, q, Verdict, Allocation
 * c.onlyInBase(); c.onlyInCandidate();
 * c.geometricMean();   // time ratio over tested rows (above 1 = slower), with CI
 * c.gateFailures();    // rows SLOWER after correction or allocating beyond tolerance; c.passesGate()
 * c.coverage(); c.coverageFailures();  // matched / one side only / UNKNOWN: can a gate judge at all?
 * Power.minReachableQ(n1, n2, m); Power.forksNeeded(m, alpha, minForks);  // what the design can flag
 * RunSummary.of(run, options);  // one run: median per result with its bootstrap CI
 * </pre>
 * The choices (fork score = mean of its iterations, exact Mann-Whitney for small samples,
 * percentile bootstrap of the ratio of medians, Benjamini-Hochberg, minimum effect, UNKNOWN
 * rules, allocation tolerance) are described on {@link dev.taskbench.compare.Comparison}; the power
 * rule's bound on {@link dev.taskbench.compare.Power}.
 */
package dev.taskbench.compare;
