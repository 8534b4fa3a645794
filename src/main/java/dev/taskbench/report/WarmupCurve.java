package dev.taskbench.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** The shape of a single-shot curve: first call, steady state, and how many calls it took. */
record WarmupCurve(double first, double steady, int callsToSteady) {
    static final double NEAR = 1.5;

    /** Medians over forks of each fork's figures; {@code null} for curves shorter than four calls. */
    static WarmupCurve of(List<List<Double>> forks) {
        List<Double> firsts = new ArrayList<>();
        List<Double> steadies = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        for (List<Double> f : forks) {
            if (f.size() < 4) {
                continue;
            }
            double steady = median(f.subList(f.size() - f.size() / 4, f.size()));
            int n = 0;
            while (n < f.size() && f.get(n) > NEAR * steady) {
                n++;
            }
            firsts.add(f.get(0));
            steadies.add(steady);
            calls.add((double) (n + 1));
        }
        if (firsts.isEmpty()) {
            return null;
        }
        return new WarmupCurve(median(firsts), median(steadies), (int) Math.round(median(calls)));
    }

    static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
