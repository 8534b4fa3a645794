package dev.taskbench.history;

import dev.taskbench.compare.Criteria;
import dev.taskbench.compare.Drift;
import dev.taskbench.compare.PairDrift;
import dev.taskbench.results.BenchmarkResult;
import dev.taskbench.results.RowKey;
import dev.taskbench.results.RunResults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A finding's run-to-run spread from the runs that hold both its rows: 1.4826 times the median absolute
 * deviation of the per-run log ratios of the two rows' medians, as {@link RunDrift} does for one row,
 * once {@value RunDrift#MIN_RUNS} runs hold the pair. A ratio's spread is less than its rows' together
 * where a cause moves both (a slower machine that night). The runs named are left out.
 */
public final class RatioDrift implements PairDrift {
    private final Map<RowKey, Map<String, Double>> medians = new HashMap<>();
    private final Set<String> leftOut;

    private RatioDrift(List<Series> series, Set<String> leftOut) {
        this.leftOut = Set.copyOf(leftOut);
        for (Series s : series) {
            Map<String, Double> byRun = new HashMap<>();
            s.points().stream().filter(p -> p.median() > 0).forEach(p -> byRun.put(p.runId(), p.median()));
            medians.put(s.row(), byRun);
        }
    }

    /**
     * @param series each row's series on the testbed it depends on ({@link RunHistory#seriesOf})
     * @param leftOut run ids whose figures are not history: the run the findings are of, the runs compared
     */
    public static RatioDrift of(List<Series> series, Set<String> leftOut) {
        return new RatioDrift(series, leftOut);
    }

    /**
     * The drift of {@code run}'s row pairs from the runs under {@code root} on the testbeds its rows depend
     * on; none when there is no folder. A folder that is not a readable run is passed over, as the history does.
     */
    public static PairDrift under(Path root, RunResults run, Criteria criteria, Set<String> leftOut, PrintStream err) {
        return RunHistory.mediansUnder(root, criteria, err).<PairDrift>map(h -> of(h.seriesOf(run), leftOut))
                .orElse(PairDrift.NONE);
    }

    @Override
    public Optional<Drift.Spread> of(BenchmarkResult of, BenchmarkResult to) {
        Map<String, Double> a = medians.getOrDefault(of.row(), Map.of());
        Map<String, Double> b = medians.getOrDefault(to.row(), Map.of());
        double[] logs = a.entrySet().stream().filter(e -> b.containsKey(e.getKey()) && !leftOut.contains(e.getKey()))
                .mapToDouble(e -> time(of, e.getValue()) - time(to, b.get(e.getKey()))).toArray();
        return logs.length < RunDrift.MIN_RUNS ? Optional.empty()
                : Optional.of(new Drift.Spread(RunDrift.MAD_TO_SD * RunDrift.mad(logs), logs.length));
    }

    /** The log of a time per operation from a score: a throughput's sign turns (its unit's scale is a constant). */
    private static double time(BenchmarkResult r, double score) {
        return r.unit().trim().startsWith("ops/") ? -Math.log(score) : Math.log(score);
    }
}
