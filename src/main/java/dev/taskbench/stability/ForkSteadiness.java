package dev.taskbench.stability;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One fork's iterations classified ({@link SteadyState#classify}).
 *
 * @param kind flat, warm-up, slowdown, no steady state, or unclassified (too few iterations)
 * @param steadyIteration index of the first iteration of the steady state; empty when there is none
 * @param secondsToSteady wall time of the iterations before it; empty when there is none
 * @param steadyLevel median score of the steady iterations (outliers left out), in the score's unit;
 *                    NaN when there is no steady state
 * @param noise Barrett's p90 - p10 of the iteration noise on the log scale (0.05: a band about 5%
 *              wide), from neighbours' differences in the last segment, else in all segments
 * @param segments the change points' segments, in order, on the log scale
 * @param outliers iterations left out of the change-point search (Barrett's band about a moving median)
 * @param warmIteration the first iteration of its warm state ({@link SteadyState#warmIteration}); empty when it
 *                      reaches none before its last quarter
 */
public record ForkSteadiness(ForkClass kind, OptionalInt steadyIteration, OptionalDouble secondsToSteady,
        double steadyLevel, double noise, List<Segment> segments, Set<Integer> outliers, OptionalInt warmIteration) {

    public ForkSteadiness {
        segments = List.copyOf(segments);
        outliers = Set.copyOf(outliers);
    }

    /**
     * Iterations {@code [start, end)} between two change points.
     *
     * @param level median of its iterations as log time (up is slower)
     */
    public record Segment(int start, int end, double level) {
    }
}
