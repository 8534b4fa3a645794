package dev.taskbench.history;

import dev.taskbench.compare.Drift;
import dev.taskbench.results.RowKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Each row's run-to-run spread on the testbed it depends on, from its other runs: 1.4826 times the median
 * absolute deviation of the log per-run medians (robust to the odd disturbed night), once at least
 * {@value #MIN_RUNS} runs hold the row. The runs being compared are left out: their difference is
 * what is judged.
 */
public final class RunDrift implements Drift {
    /** Fewer runs give no spread worth a threshold: two medians have one difference. */
    static final int MIN_RUNS = 3;
    static final double MAD_TO_SD = 1.4826;

    private final Map<RowKey, Spread> spreads;

    private RunDrift(Map<RowKey, Spread> spreads) {
        this.spreads = Map.copyOf(spreads);
    }

    /**
     * @param series each row's series on the testbed that row depends on ({@link RunHistory#seriesOf})
     * @param compared the run ids of the two runs compared, left out
     */
    public static RunDrift of(List<Series> series, Set<String> compared) {
        Map<RowKey, Spread> out = new HashMap<>();
        for (Series s : series) {
            double[] logs = s.points().stream().filter(p -> !compared.contains(p.runId()) && p.median() > 0)
                    .mapToDouble(p -> Math.log(p.median())).toArray();
            if (logs.length >= MIN_RUNS) {
                out.put(s.row(), new Spread(MAD_TO_SD * mad(logs), logs.length));
            }
        }
        return new RunDrift(out);
    }

    static double mad(double[] x) {
        double m = new Median().evaluate(x);
        return new Median().evaluate(Arrays.stream(x).map(v -> Math.abs(v - m)).toArray());
    }

    @Override
    public Optional<Spread> of(RowKey row) {
        return Optional.ofNullable(spreads.get(row));
    }

    /** How many rows have a spread. */
    public int rows() {
        return spreads.size();
    }
}
