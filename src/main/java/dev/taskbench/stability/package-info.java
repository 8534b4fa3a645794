/**
 * Whether a row's forks can be trusted, for issue #24: steady state per fork, modes across forks,
 * suspect forks, undecided findings, mode-aware comparison and what a row can detect. Pure
 * statistics on results (and one sampler of Linux's /proc); the runner and the reports call it.
 * <pre>
 * RowStability s = RowStability.of(benchmarkResult, secondsPerIteration).orElseThrow();
 * s.steadiness().describe();        // "steady after 1.8 s in 9 of 10 forks; never steady in 1 (...)"
 * s.steadiness().warmupTooShort(declaredWarmupSeconds);
 * s.modes().multimodal(); s.modes().describe(unit);   // "2 modes: 3 forks near 150 ns, 2 near 200 ns"
 * s.detectable(criteria, rows).map(d -&gt; d.describe(forks));   // "can see ±4% at 5 forks"
 * s.suspects(disturbancesPerFork, history);   // Suspect.describe(): "fork 3: 2,332 ns vs row median 189 ns; ..."
 * s.compareModes(candidateStability, criteria);  // ModeVerdict.describe(): "SLOWER: the fast mode moved +19%"
 * Undecided.judge(answer.ratio(), List.of(s.evidence("taskbench decoder", disturbed), ...));
 *
 * NeighbourCpu.Window w = NeighbourCpu.system().start(List.of(runnerPid, postmasterPid));
 * ... run one fork ...
 * Disturbance d = w.stop();         // d.others(), d.steal(); d.describe(): "machine busy 61% beside it"
 * </pre>
 * The published method each follows is named on its class: {@link dev.taskbench.stability.SteadyState}
 * (Barrett et al. 2017, PELT), {@link dev.taskbench.stability.ForkModes} (Engelman and Hartigan 1969),
 * {@link dev.taskbench.stability.SuspectForks} (Hampel), {@link dev.taskbench.stability.ModeComparison}
 * (van Elteren 1960, Fisher-Freeman-Halton 1951), {@link dev.taskbench.stability.DetectableChange}.
 */
package dev.taskbench.stability;
